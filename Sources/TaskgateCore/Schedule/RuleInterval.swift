/// The cadence of a rule that repeats from an anchor rather than on every calendar match.
///
/// Two kinds exist:
/// - ``Step/calendar(_:every:)``: RRULE's `FREQ` and `INTERVAL`. Time is cut into periods of the
///   unit (weeks starting on ``weekStart``); the period holding the anchor and every
///   `every`-th one after it are *included*; a rule's local times are taken only from included
///   periods. Periods are counted on the wall clock, as python-dateutil does.
/// - ``Step/duration(_:)``: an ISO 8601 repeating interval. Occurrence k is the anchor plus k
///   times the duration: nominal months and days on the wall clock (a day past the end of a
///   month is clamped to its last day), then elapsed seconds on the time line.
///
/// ``setPositions`` (RRULE `BYSETPOS`) then keeps only the n-th (or n-th from last) local times
/// of each included period; ``count`` keeps only the first `count` local times at or after the
/// anchor, and ``until`` ends the rule.
public struct RuleInterval: Hashable, Sendable {
    /// How the rule steps from its anchor.
    public enum Step: Hashable, Sendable {
        /// Periods of a calendar unit; every `every`-th period from the anchor's is included.
        case calendar(CalendarUnit, every: Int)
        /// The anchor plus k times a duration.
        case duration(ISODuration)
    }

    /// How the rule steps from its anchor.
    public var step: Step
    /// The local time the periods count from (RRULE DTSTART, ISO start). Local times before it
    /// never occur.
    public var anchor: LocalDateTime
    /// The first day of a week period (RRULE `WKST`).
    public var weekStart: Weekday
    /// RRULE `BYSETPOS`: 1-based positions from the start, negative from the end; empty keeps all.
    public var setPositions: [Int]
    /// RRULE `COUNT`, ISO `Rn`: at most this many local times from the anchor on.
    public var count: Int?
    /// RRULE `UNTIL`: no occurrence after this point.
    public var until: TimePoint?

    /// Creates an interval.
    public init(
        step: Step, anchor: LocalDateTime, weekStart: Weekday = .monday, setPositions: [Int] = [],
        count: Int? = nil, until: TimePoint? = nil
    ) {
        self.step = step
        self.anchor = anchor
        self.weekStart = weekStart
        self.setPositions = setPositions
        self.count = count
        self.until = until
    }
}
