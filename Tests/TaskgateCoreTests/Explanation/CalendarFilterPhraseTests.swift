import Testing

@testable import TaskgateCore

/// Months, years, days of the year and week numbers.
@Suite struct CalendarFilterPhraseTests {
    typealias F = ExplanationFixtures

    @Test(arguments: [
        (
            F.rule(minutes: [0], hours: [8], months: [1, 4, 7, 10]),
            "at 08:00 every day in January, April, July and October"
        ),
        (F.rule(minutes: [0], hours: [8], months: Array(3...10)), "at 08:00 every day in March to October"),
        (
            F.rule(minutes: [0], hours: [8], months: [1, 2, 6, 7, 8, 12]),
            "at 08:00 every day in January, February, June to August and December"
        ),
        (F.rule(minutes: [0], hours: [8], years: YearSet([2026])), "at 08:00 every day in 2026"),
        (
            F.rule(
                minutes: [0], hours: [8], days: .monthDays(MonthDaySet(days: [1])), months: [1],
                years: YearSet([2026, 2027, 2028, 2030])),
            "at 08:00 on the 1st in January in the years 2026 to 2028 and 2030"
        ),
        (
            F.rule(minutes: [0], hours: [8], years: YearSet([2026, 2027])),
            "at 08:00 every day in the years 2026 and 2027"
        ),
        (
            F.rule(minutes: [0], hours: [8], yearDays: YearDaySet([1, 100])),
            "at 08:00 on the 1st and 100th day of the year"
        ),
        (
            F.rule(minutes: [0], hours: [8], yearDays: YearDaySet([-1, -2, 1, 2, 3])),
            "at 08:00 on the 1st to 3rd, last and 2nd-to-last day of the year"
        ),
        (
            F.rule(
                minutes: [0], hours: [8], days: .weekdays(WeekdaySet(every: [.monday])), yearDays: YearDaySet([-1, 1])),
            "at 08:00 on Mondays if it is the 1st or last day of the year"
        ),
        (
            F.rule(minutes: [0], hours: [8], weekNumbers: WeekNumberSet([20])),
            "at 08:00 every day in week 20 of the year"
        ),
        (
            F.rule(minutes: [0], hours: [8], weekNumbers: WeekNumberSet([1, 2, 3, 4, 20])),
            "at 08:00 every day in weeks 1 to 4 and 20 of the year"
        ),
        (
            F.rule(
                minutes: [0], hours: [8], days: .weekdays(WeekdaySet(every: [.friday])),
                weekNumbers: WeekNumberSet([1, -1], weekStart: .sunday)),
            "at 08:00 on Fridays in week 1 and in the last week of the year, weeks starting Sunday"
        ),
    ])
    func saysTheCalendarFilters(rule: ScheduleRule, expected: String) throws {
        #expect(try F.phrase(rule) == expected)
    }
}
