/// A weekday with an ordinal: the second Tuesday (`2TU`), the last Friday (`-1FR`).
public struct OrdinalWeekday: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The weekday.
    public var weekday: Weekday
    /// 1 is the first in the scope, -1 the last; never 0.
    public var ordinal: Int

    /// Creates an ordinal weekday: `OrdinalWeekday(.friday, 3)` is the third Friday.
    public init(_ weekday: Weekday, _ ordinal: Int) {
        self.weekday = weekday
        self.ordinal = ordinal
    }

    /// Sorted by ordinal, then weekday.
    public static func < (lhs: OrdinalWeekday, rhs: OrdinalWeekday) -> Bool {
        (lhs.ordinal, lhs.weekday) < (rhs.ordinal, rhs.weekday)
    }

    /// `3 Friday`, `-1 Monday`.
    public var description: String { "\(ordinal) \(weekday)" }
}

/// Where an ordinal weekday is counted: within its month (Quartz `#`, `L`; RRULE `MONTHLY`, or
/// `YEARLY` with `BYMONTH`) or within its year (RRULE `YEARLY` without `BYMONTH`).
public enum OrdinalScope: String, Hashable, Sendable {
    case month, year
}
