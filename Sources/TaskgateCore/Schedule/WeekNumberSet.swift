/// Days chosen by their week of the year (RRULE `BYWEEKNO`): weeks start on `weekStart`, and
/// week 1 is the first week with at least four days in the year (ISO 8601). Values run over
/// ±1…53 and never 0; -1 is the last week of the year.
public struct WeekNumberSet: Hashable, Sendable {
    public var weeks: [Int]
    public var weekStart: Weekday

    public init(_ weeks: some Sequence<Int>, weekStart: Weekday = .monday) {
        self.weeks = Array(Set(weeks)).sorted()
        self.weekStart = weekStart
    }
}
