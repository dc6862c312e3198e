/// Days chosen by their week of the year (RRULE `BYWEEKNO`): weeks start on `weekStart`, and
/// week 1 is the first week with at least four days in the year (ISO 8601). Values run over
/// ±1…53 and never 0; -1 is the last week of the year.
public struct WeekNumberSet: Hashable, Sendable {
    /// The week numbers, sorted.
    public var weeks: [Int]
    /// The first day of a week.
    public var weekStart: Weekday

    /// Creates a set of week numbers.
    public init(_ weeks: some Sequence<Int>, weekStart: Weekday = .monday) {
        self.weeks = Array(Set(weeks)).sorted()
        self.weekStart = weekStart
    }
}
