/// A schedule language taskgate reads and writes.
public enum Dialect: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Quartz cron as Java Quartz 2.3.2 `CronExpression` evaluates it.
    case quartz
    /// Quartz cron as Quartz.NET evaluates it (Wyn Enterprise); differs on DST days.
    case quartzNet = "quartz-net"
    /// Five-field cron with Debian (Vixie) semantics.
    case cron
    /// RFC 5545 recurrence rules (`RRULE`), possibly several, with `EXDATE`.
    case rrule
    /// ISO 8601 repeating intervals and Serverless Workflow schedule objects.
    case iso8601
    /// fylr field schedules (minutes, hours, weekdays, days of month, zone).
    case fylr
    /// vRealize Orchestrator recurrence (cycle, pattern, start and end dates).
    case vco

    /// The dialect's name on the command line: `quartz-net`.
    public var description: String { rawValue }

    /// Whether the dialect can restrict years (only Quartz has a year field).
    public var hasYearField: Bool {
        switch self {
        case .quartz, .quartzNet: true
        case .cron, .rrule, .iso8601, .fylr, .vco: false
        }
    }

    /// Whether every schedule written in the dialect has a start (RRULE's DTSTART).
    public var requiresStart: Bool {
        switch self {
        case .rrule: true
        case .quartz, .quartzNet, .cron, .iso8601, .fylr, .vco: false
        }
    }
}
