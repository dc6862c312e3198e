/// When a task runs, in taskgate's canonical form (DESIGN.md §3).
///
/// Every product's schedule language parses into this value and prints from it; the
/// equivalence check enumerates its instants. A recurring schedule fires at the union of its
/// rules' instants, inside its window, minus its exclusions, all read in one zone.
public struct Schedule: Hashable, Sendable {
    /// What makes the task run.
    public enum Kind: Hashable, Sendable {
        /// Only when someone starts it.
        case manual
        /// Once, at an instant.
        case once(Instant)
        /// At the union of the rules' instants.
        case recurring([ScheduleRule])
        /// When an event happens (Qlik: another task's reload; Wyn: a schedule template). The
        /// text names the event; it has no instants.
        case event(String)
    }

    /// What makes the task run.
    public var kind: Kind
    /// The IANA zone in which local times are read (Windows ids are resolved before this).
    public var zone: String
    /// The span in which the schedule may fire.
    public var window: ScheduleWindow
    /// Points that never fire even when a rule selects them (RRULE `EXDATE`). A local point
    /// removes every instant that its local time became.
    public var exclusions: [TimePoint]

    /// Creates a schedule.
    public init(kind: Kind, zone: String, window: ScheduleWindow = .unbounded, exclusions: [TimePoint] = []) {
        self.kind = kind
        self.zone = zone
        self.window = window
        self.exclusions = exclusions
    }

    /// A recurring schedule of the given rules.
    public static func recurring(
        _ rules: [ScheduleRule], zone: String, window: ScheduleWindow = .unbounded, exclusions: [TimePoint] = []
    ) -> Schedule {
        Schedule(kind: .recurring(rules), zone: zone, window: window, exclusions: exclusions)
    }

    /// The rules of a recurring schedule; empty for every other kind.
    public var rules: [ScheduleRule] {
        if case .recurring(let rules) = kind { return rules }
        return []
    }
}
