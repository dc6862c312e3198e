/// How an engine turns a selected local time into instants when the zone's clock changes.
///
/// The policy is part of a rule's meaning (DESIGN.md §3): the same "daily at 02:30" fires on a
/// spring-forward day at different instants, or not at all, depending on the engine.
public struct DSTPolicy: Hashable, Sendable, CustomStringConvertible {
    /// What happens to a local time that does not exist (spring-forward gap).
    public enum Gap: String, Hashable, Sendable, CaseIterable {
        /// The time is skipped that day (Java Quartz 2.3.2; wall-clock matching).
        case skip
        /// The time is read with the offset before the gap, i.e. moved forward by the gap's
        /// length: 02:30 becomes 03:30 (RFC 5545 with erratum 4271, python-dateutil, Quartz.NET).
        case shiftForward = "shift-forward"
        /// The job runs at the first instant after the gap: 02:30 becomes 03:00 (Debian cron for
        /// fixed times).
        case transition
    }

    /// What happens to a local time that exists twice (autumn overlap).
    public enum Overlap: String, Hashable, Sendable, CaseIterable {
        /// Only the first pass fires (RFC 5545, Debian cron for fixed times).
        case earlier
        /// Only the second pass fires (Java Quartz 2.3.2).
        case later
        /// Both passes fire (wall-clock matching; Debian cron for `*` fields).
        case both
    }

    /// What happens to a missing local time.
    public var gap: Gap
    /// What happens to a repeated local time.
    public var overlap: Overlap

    /// Creates a policy.
    public init(gap: Gap, overlap: Overlap) {
        self.gap = gap
        self.overlap = overlap
    }

    /// RFC 5545 §3.3.5 with erratum 4271, as python-dateutil implements it.
    public static let rfc5545 = DSTPolicy(gap: .shiftForward, overlap: .earlier)
    /// Java Quartz 2.3.2 `CronExpression`.
    public static let javaQuartz = DSTPolicy(gap: .skip, overlap: .later)
    /// A literal reading of wall-clock matching: a missing time never matches, a repeated one
    /// matches twice.
    public static let wallClock = DSTPolicy(gap: .skip, overlap: .both)

    /// `gap shift-forward, overlap earlier`.
    public var description: String { "gap \(gap.rawValue), overlap \(overlap.rawValue)" }
}
