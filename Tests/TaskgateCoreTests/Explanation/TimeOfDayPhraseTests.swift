import Testing

@testable import TaskgateCore

/// The times of day a rule selects, said in the shortest exact form.
@Suite struct TimeOfDayPhraseTests {
    typealias F = ExplanationFixtures

    @Test(arguments: [
        (F.rule(minutes: [0], hours: [8]), "at 08:00 every day"),
        (F.rule(minutes: [0, 30], hours: [9, 14]), "at 09:00, 09:30, 14:00 and 14:30 every day"),
        (F.rule(seconds: [15], minutes: [30], hours: [9]), "at 09:30:15 every day"),
        (F.rule(minutes: [0, 15, 30, 45], hours: Array(0...23)), "every 15 minutes from 00:00 to 23:45 every day"),
        (F.rule(minutes: Array(0...59), hours: Array(9...17)), "every minute from 09:00 to 17:59 every day"),
        (F.rule(minutes: [0], hours: [0, 6, 12, 18]), "every 6 hours from 00:00 to 18:00 every day"),
        (
            F.rule(minutes: [5], hours: Array(stride(from: 1, to: 24, by: 2))),
            "every 2 hours from 01:05 to 23:05 every day"
        ),
        (
            F.rule(seconds: Array(0...59), minutes: Array(0...59), hours: Array(0...23)),
            "every second from 00:00:00 to 23:59:59 every day"
        ),
        (F.rule(seconds: [30], minutes: Array(0...59), hours: [9]), "every minute from 09:00:30 to 09:59:30 every day"),
        (
            F.rule(minutes: [0], hours: [8, 9, 10, 11, 12, 14, 15, 16, 17, 18]),
            "every hour from 08:00 to 12:00 and from 14:00 to 18:00 every day"
        ),
        (
            F.rule(minutes: Array(0...59), hours: [9, 11, 14, 15, 16]),
            "every minute from 09:00 to 09:59, from 11:00 to 11:59 and from 14:00 to 16:59 every day"
        ),
        (F.rule(minutes: [0], hours: [9, 11, 14, 15, 16]), "at 09:00, 11:00, 14:00, 15:00 and 16:00 every day"),
    ])
    func saysTimesAsListsOrEvenSeries(rule: ScheduleRule, expected: String) throws {
        #expect(try F.phrase(rule) == expected)
    }

    @Test(arguments: [
        (F.rule(minutes: [0, 25, 50], hours: Array(0...23)), "at minutes 0, 25 and 50 of every hour every day"),
        (
            F.rule(seconds: [0, 30], minutes: Array(0...9), hours: Array(0...23)),
            "at seconds 0 and 30 of minutes 0 to 9 of every hour every day"
        ),
        (
            F.rule(minutes: Array(stride(from: 0, to: 60, by: 7)), hours: Array(0...23)),
            "every 7th minute from 0 to 56 of every hour every day"
        ),
        (
            F.rule(minutes: Array(0...59), hours: [1, 3, 5, 7, 9]),
            "every minute of every 2nd hour from 1 to 9 every day"
        ),
        (
            F.rule(minutes: [10, 20], hours: [1, 2, 4, 8, 16]),
            "at minutes 10 and 20 of hours 1, 2, 4, 8 and 16 every day"
        ),
    ])
    func fallsBackToFieldByFieldWhenNoSeriesFits(rule: ScheduleRule, expected: String) throws {
        #expect(try F.phrase(rule) == expected)
    }

    @Test func saysWhenNoTimeOfDayIsSelected() throws {
        #expect(try F.phrase(F.rule(minutes: [], hours: [8])) == "at no time of day every day")
    }
}
