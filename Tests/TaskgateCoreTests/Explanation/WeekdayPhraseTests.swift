import Testing

@testable import TaskgateCore

/// Days chosen by weekday: every such weekday, ranges, and ordinals in the month or the year.
@Suite struct WeekdayPhraseTests {
    typealias F = ExplanationFixtures

    @Test(arguments: [
        (F.mondayToFriday, "at 08:00 on Monday to Friday"),
        (WeekdaySet(every: [.monday]), "at 08:00 on Mondays"),
        (WeekdaySet(every: [.tuesday, .sunday]), "at 08:00 on Tuesdays and Sundays"),
        (WeekdaySet(every: [.monday, .tuesday, .wednesday, .friday]), "at 08:00 on Monday to Wednesday and Friday"),
        (WeekdaySet(every: Weekday.allCases), "at 08:00 every day"),
        (WeekdaySet(ordinals: [OrdinalWeekday(.friday, 3)]), "at 08:00 on the third Friday"),
        (WeekdaySet(ordinals: [OrdinalWeekday(.monday, -1)]), "at 08:00 on the last Monday"),
        (WeekdaySet(ordinals: [OrdinalWeekday(.friday, -2)]), "at 08:00 on the second-to-last Friday"),
        (
            WeekdaySet(ordinals: [OrdinalWeekday(.monday, 3), OrdinalWeekday(.monday, 1)]),
            "at 08:00 on the first and third Monday"
        ),
        (
            WeekdaySet(ordinals: [OrdinalWeekday(.monday, -1), OrdinalWeekday(.monday, 1), OrdinalWeekday(.friday, 2)]),
            "at 08:00 on the first and last Monday and on the second Friday"
        ),
        (WeekdaySet(ordinals: [OrdinalWeekday(.monday, 20)], scope: .year), "at 08:00 on the 20th Monday of the year"),
        (
            WeekdaySet(ordinals: [OrdinalWeekday(.sunday, -12)], scope: .year),
            "at 08:00 on the 12th-to-last Sunday of the year"
        ),
        (
            WeekdaySet(every: [.friday], ordinals: [OrdinalWeekday(.monday, 1)]),
            "at 08:00 on Fridays and on the first Monday"
        ),
        (WeekdaySet(), "at 08:00 on no day"),
    ])
    func saysEveryKindOfWeekday(weekdays: WeekdaySet, expected: String) throws {
        #expect(try F.phrase(F.rule(minutes: [0], hours: [8], days: .weekdays(weekdays))) == expected)
    }
}
