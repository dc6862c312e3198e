/// A month of a year, `2026-03`: the page of a ``MonthCalendar``.
public struct CalendarMonth: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 1 … 9999.
    public let year: Int
    /// 1 … 12.
    public let month: Int

    /// The month, or `nil` when the year is outside 1…9999 or the month outside 1…12.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Reads `YYYY-MM`.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month that holds a local date.
    public init(containing local: LocalDateTime) {
        year = local.year
        month = local.month
    }

    /// The month `count` months later (earlier when negative), or `nil` outside years 1…9999.
    public func adding(months count: Int) -> CalendarMonth? {
        // Any count beyond the span of years 1…9999 lands outside it; stopping here also keeps the
        // sum below from overflowing.
        guard (-120_000...120_000).contains(count) else { return nil }
        let (quotient, remainder) = Int64(year * 12 + month - 1 + count).floorDivided(by: 12)
        return CalendarMonth(year: Int(quotient), month: Int(remainder) + 1)
    }

    /// `March 2026`.
    public var name: String { "\(ClockText.monthName(month)) \(year)" }

    /// The number of days, 28 … 31.
    public var dayCount: Int { CivilCalendar.daysInMonth(year: year, month: month) }

    /// The instants to enumerate so that every instant whose local date lies in this month, in
    /// any zone, is among them: the month read as UTC, widened by two days on each side (no UTC
    /// offset reaches a day). ``MonthCalendar`` keeps only the instants of the month's dates.
    public var instantSpan: ClosedRange<Instant> {
        let first = LocalDateTime(year: year, month: month, day: 1).secondsSinceEpoch
        let end = first + Int64(dayCount) * 86_400
        return Instant(secondsSinceEpoch: first - 2 * 86_400)...Instant(secondsSinceEpoch: end + 2 * 86_400 - 1)
    }

    /// Earlier months first.
    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// `2026-03`.
    public var description: String { "\(year.zeroPadded(4))-\(month.zeroPadded(2))" }
}
