import Testing

@testable import TaskgateCore

@Suite struct CivilCalendarTests {
    @Test(arguments: [
        (1970, 1, 1, 0), (2000, 3, 1, 11_017), (1969, 12, 31, -1), (2026, 11, 23, 20_780), (1, 1, 1, -719_162),
        (9999, 12, 31, 2_932_896),
    ])
    func epochDayRoundTrips(year: Int, month: Int, day: Int, epochDay: Int) {
        #expect(CivilCalendar.epochDay(year: year, month: month, day: day) == epochDay)
        let date = CivilCalendar.date(epochDay: epochDay)
        #expect(date.year == year && date.month == month && date.day == day)
    }

    @Test func weekdaysFollowTheEpochThursday() {
        #expect(CivilCalendar.weekday(epochDay: 0) == .thursday)
        #expect(CivilCalendar.weekday(epochDay: -1) == .wednesday)
        #expect(CivilCalendar.weekday(epochDay: CivilCalendar.epochDay(year: 2026, month: 11, day: 23)) == .monday)
    }

    @Test func leapYearsFollowTheGregorianRule() {
        #expect(CivilCalendar.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CivilCalendar.daysInMonth(year: 2100, month: 2) == 28)
        #expect(CivilCalendar.daysInMonth(year: 2000, month: 2) == 29)
    }
}
