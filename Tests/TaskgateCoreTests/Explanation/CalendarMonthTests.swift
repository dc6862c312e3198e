import Testing

@testable import TaskgateCore

@Suite struct CalendarMonthTests {
    @Test(arguments: ["2026-03", "0001-01", "9999-12"])
    func readsYearAndMonth(text: String) throws {
        #expect(try #require(CalendarMonth(parsing: text)).description == text)
    }

    @Test(arguments: [
        "2026-13", "2026-00", "0000-01", "26-03", "2026-3", "2026-03-01", "2026/03", "+026-03", "２026-03", "",
    ])
    func rejectsAnythingButYYYYMM(text: String) {
        #expect(CalendarMonth(parsing: text) == nil)
    }

    @Test func stepsAcrossYears() throws {
        let march = try #require(CalendarMonth(year: 2026, month: 3))
        #expect(march.adding(months: 10)?.description == "2027-01")
        #expect(march.adding(months: -3)?.description == "2025-12")
        #expect(try #require(CalendarMonth(year: 9999, month: 12)).adding(months: 1) == nil)
        #expect(march.adding(months: .max) == nil)
        #expect(march.adding(months: .min) == nil)
        #expect(march.name == "March 2026")
    }

    @Test func knowsLeapFebruaries() throws {
        #expect(try #require(CalendarMonth(year: 2028, month: 2)).dayCount == 29)
        #expect(try #require(CalendarMonth(year: 2100, month: 2)).dayCount == 28)
    }

    @Test func spansTheMonthWithTwoDaysEitherSide() throws {
        let span = try #require(CalendarMonth(year: 2026, month: 2)).instantSpan
        #expect(span.lowerBound.description == "2026-01-30T00:00:00Z")
        #expect(span.upperBound.description == "2026-03-02T23:59:59Z")
    }
}
