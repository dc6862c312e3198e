/// The years a rule is limited to, as sorted, disjoint, non-adjacent ranges.
///
/// Only Quartz has a year field; every other dialect selects every year.
public struct YearSet: Hashable, Sendable, CustomStringConvertible {
    /// The ranges, sorted, with gaps between them.
    public private(set) var ranges: [ClosedRange<Int>]

    /// Creates the set of the given years.
    public init(_ years: some Sequence<Int>) {
        ranges = []
        for year in Set(years).sorted() {
            if let last = ranges.last, Self.reaches(last, year) {
                ranges[ranges.count - 1] = last.lowerBound...year
            } else {
                ranges.append(year...year)
            }
        }
    }

    /// Creates the set of the years in one range.
    public init(range: ClosedRange<Int>) {
        ranges = [range]
    }

    /// Creates the set of the years in any of `ranges`, which may overlap or touch, in any order: the
    /// same set as ``init(_:)`` of every year in them, without listing the years one by one.
    public init(ranges: some Sequence<ClosedRange<Int>>) {
        self.ranges = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = self.ranges.last, Self.reaches(last, range.lowerBound) {
                self.ranges[self.ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                self.ranges.append(range)
            }
        }
    }

    /// Whether a range starting at `year` (not below `range`'s start) overlaps or touches `range`, without
    /// overflowing at `Int.max`.
    private static func reaches(_ range: ClosedRange<Int>, _ year: Int) -> Bool {
        range.upperBound == .max || year <= range.upperBound + 1
    }

    /// Whether no year is selected.
    public var isEmpty: Bool { ranges.isEmpty }
    /// The first year selected.
    public var first: Int? { ranges.first?.lowerBound }
    /// The last year selected.
    public var last: Int? { ranges.last?.upperBound }

    /// Whether a year is selected.
    public func contains(_ year: Int) -> Bool {
        next(atOrAfter: year) == year
    }

    /// The smallest selected year ≥ `year`, if any.
    public func next(atOrAfter year: Int) -> Int? {
        for range in ranges where range.upperBound >= year {
            return max(range.lowerBound, year)
        }
        return nil
    }

    /// The ranges written as `2026-2028,2030`.
    public var description: String {
        ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: ",")
    }
}
