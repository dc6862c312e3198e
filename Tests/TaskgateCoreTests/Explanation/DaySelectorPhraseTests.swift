import Testing

@testable import TaskgateCore

/// How day-of-month and weekday combine: `or` for classic cron, `if it is` for fylr and RRULE.
@Suite struct DaySelectorPhraseTests {
    typealias F = ExplanationFixtures

    @Test(arguments: [
        (DaySelector.everyDay, "at 08:00 every day"),
        (.either(MonthDaySet(days: [1]), WeekdaySet(every: [.monday])), "at 08:00 on the 1st or on Mondays"),
        (.either(MonthDaySet(days: [1, 15]), F.mondayToFriday), "at 08:00 on the 1st and 15th or on Monday to Friday"),
        (
            .either(.lastDay, WeekdaySet(ordinals: [OrdinalWeekday(.friday, -1)])),
            "at 08:00 on the last day of the month or on the last Friday"
        ),
        (.either(MonthDaySet(days: [1]), WeekdaySet(every: Weekday.allCases)), "at 08:00 every day"),
        (.both(MonthDaySet(days: [13]), WeekdaySet(every: [.friday])), "at 08:00 on the 13th if it is a Friday"),
        (
            .both(MonthDaySet(days: Array(1...7)), F.mondayToFriday),
            "at 08:00 on the 1st to 7th if it is a day from Monday to Friday"
        ),
        (
            .both(MonthDaySet(days: Array(8...14)), WeekdaySet(every: [.monday, .friday])),
            "at 08:00 on the 8th to 14th if it is a Monday or a Friday"
        ),
        (
            .both(.lastDay, WeekdaySet(ordinals: [OrdinalWeekday(.sunday, -1), OrdinalWeekday(.sunday, 4)])),
            "at 08:00 on the last day of the month if it is the fourth or last Sunday"
        ),
        (.both(MonthDaySet(days: [13]), WeekdaySet(every: Weekday.allCases)), "at 08:00 on the 13th"),
    ])
    func saysOrForEitherAndIfItIsForBoth(days: DaySelector, expected: String) throws {
        #expect(try F.phrase(F.rule(minutes: [0], hours: [8], days: days)) == expected)
    }
}
