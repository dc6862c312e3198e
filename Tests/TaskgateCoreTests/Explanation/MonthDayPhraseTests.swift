import Testing

@testable import TaskgateCore

/// Days chosen by their place in the month: plain days, days counted from the last, and
/// nearest weekdays (Quartz `L`, `L-n`, `nW`, `LW`, `L-nW`).
@Suite struct MonthDayPhraseTests {
    typealias F = ExplanationFixtures

    @Test(arguments: [
        (MonthDaySet(days: [1, 15]), "at 08:00 on the 1st and 15th"),
        (MonthDaySet(days: [22]), "at 08:00 on the 22nd"),
        (MonthDaySet(days: [1, 2, 3, 4, 5, 6, 7, 15, 20]), "at 08:00 on the 1st to 7th, 15th and 20th"),
        (
            MonthDaySet(days: Array(stride(from: 1, through: 31, by: 2))),
            "at 08:00 on every 2nd day from the 1st to the 31st"
        ),
        (MonthDaySet(days: Array(1...31)), "at 08:00 on every day of the month"),
        (MonthDaySet.lastDay, "at 08:00 on the last day of the month"),
        (MonthDaySet(fromEnd: 1 << 3), "at 08:00 on the 3rd day before the last day of the month"),
        (
            MonthDaySet(fromEnd: 1 << 0 | 1 << 1),
            "at 08:00 on the last day of the month and on the day before the last day of the month"
        ),
        (MonthDaySet(fromEnd: 1 << 1 | 1 << 3), "at 08:00 on the 1st and 3rd days before the last day of the month"),
        (MonthDaySet(nearestWeekday: 1 << 15), "at 08:00 on the weekday nearest to the 15th"),
        (MonthDaySet(nearestWeekday: 1 << 1 | 1 << 15), "at 08:00 on the weekdays nearest to the 1st and 15th"),
        (MonthDaySet.lastWeekday, "at 08:00 on the last weekday of the month"),
        (
            MonthDaySet(nearestWeekdayFromEnd: 1 << 2),
            "at 08:00 on the weekday nearest to the 2nd day before the last day of the month"
        ),
        (
            MonthDaySet(days: 1 << 1 | 1 << 15, fromEnd: 1),
            "at 08:00 on the 1st and 15th and on the last day of the month"
        ),
        (MonthDaySet(), "at 08:00 on no day"),
    ])
    func saysEveryKindOfMonthDay(days: MonthDaySet, expected: String) throws {
        #expect(try F.phrase(F.rule(minutes: [0], hours: [8], days: .monthDays(days))) == expected)
    }
}
