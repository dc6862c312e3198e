/// Days chosen by their position in the year (RRULE `BYYEARDAY`): 1 is 1 January, -1 is
/// 31 December; values run over ±1…366 and never 0.
public struct YearDaySet: Hashable, Sendable {
    /// The days of the year, sorted.
    public var days: [Int]

    /// Creates a set of days of the year.
    public init(_ days: some Sequence<Int>) {
        self.days = Array(Set(days)).sorted()
    }
}
