import Testing

@testable import TaskgateCore

/// Whole explanations: the kind, the union of rules, the window, exclusions, zone and clock changes.
@Suite struct ScheduleExplanationTests {
    typealias F = ExplanationFixtures

    static let quartzSentence =
        "A time that does not exist on a spring-forward day is skipped; a time that exists twice fires at the second pass."

    @Test func explainsAWeekdayCronInItsZone() throws {
        let schedule = Schedule.recurring(
            [F.rule(minutes: [0], hours: [8], days: .weekdays(F.mondayToFriday))], zone: "Europe/Berlin")
        let explanation = try ScheduleExplanation(schedule)
        #expect(
            explanation.sentences == [
                "Runs at 08:00 on Monday to Friday.", "Times are read in Europe/Berlin.", Self.quartzSentence,
            ])
        #expect(explanation.rules == ["at 08:00 on Monday to Friday"])
        #expect(
            explanation.text == "Runs at 08:00 on Monday to Friday. Times are read in Europe/Berlin. "
                + Self.quartzSentence)
    }

    @Test(arguments: [
        (
            DSTPolicy.rfc5545,
            "A time that does not exist on a spring-forward day is moved forward by the length of the gap (02:30 becomes "
                + "03:30); a time that exists twice fires at the first pass."
        ),
        (
            DSTPolicy(gap: .transition, overlap: .both),
            "A time that does not exist on a spring-forward day fires when the clock springs forward (02:30 fires at 03:00); "
                + "a time that exists twice fires at both passes."
        ),
    ])
    func saysTheDSTPolicyInWords(policy: DSTPolicy, expected: String) throws {
        let schedule = Schedule.recurring([F.rule(minutes: [30], hours: [2], policy: policy)], zone: "America/New_York")
        #expect(try ScheduleExplanation(schedule).sentences.last == expected)
    }

    @Test(arguments: ["UTC", "Asia/Kolkata"])
    func saysNothingOnClockChangesInAZoneWithoutThem(zone: String) throws {
        let schedule = Schedule.recurring([F.rule(minutes: [30], hours: [2])], zone: zone)
        #expect(
            try ScheduleExplanation(schedule).sentences == ["Runs at 02:30 every day.", "Times are read in \(zone)."])
    }

    @Test func saysNothingOnClockChangesForElapsedTimeSteps() throws {
        var rule = RulePhraseTests.everySecond
        rule.interval = RuleInterval(
            step: .duration(ISODuration(minutes: 40)), anchor: try F.local("2026-03-08T00:00:00"))
        rule.dstPolicy = .rfc5545
        #expect(
            try ScheduleExplanation(.recurring([rule], zone: "America/New_York")).sentences == [
                "Runs every 40 minutes from 2026-03-08 00:00 (elapsed time).", "Times are read in America/New_York.",
            ])
    }

    @Test func saysEachRulesPolicyWhenTheyDiffer() throws {
        let schedule = Schedule.recurring(
            [F.rule(minutes: [30], hours: [2]), F.rule(minutes: [30], hours: [3], policy: .wallClock)],
            zone: "Europe/Berlin")
        #expect(
            try ScheduleExplanation(schedule).sentences == [
                "Runs at 02:30 every day, and at 03:30 every day.", "Times are read in Europe/Berlin.",
                "In rule 1, a time that does not exist on a spring-forward day is skipped; a time that exists twice fires at "
                    + "the second pass.",
                "In rule 2, a time that does not exist on a spring-forward day is skipped; a time that exists twice fires at "
                    + "both passes.",
            ])
    }

    @Test func numbersThreeRulesOrRulesWithCommas() throws {
        let three = Schedule.recurring(
            [
                F.rule(minutes: [0], hours: [8], days: .weekdays(F.mondayToFriday)),
                F.rule(minutes: [0], hours: [10], days: .weekdays(WeekdaySet(every: [.saturday, .sunday]))),
                F.rule(minutes: [0], hours: [12], days: .monthDays(.lastDay)),
            ], zone: "UTC")
        #expect(
            try ScheduleExplanation(three).sentences.first
                == "Runs whenever any of these 3 rules fires: (1) at 08:00 on Monday to Friday; (2) at 10:00 on Saturdays and "
                + "Sundays; (3) at 12:00 on the last day of the month.")
        let withComma = Schedule.recurring(
            [F.rule(minutes: [0, 30], hours: [9, 14]), F.rule(minutes: [0], hours: [12])], zone: "UTC")
        #expect(
            try ScheduleExplanation(withComma).sentences.first
                == "Runs whenever any of these 2 rules fires: (1) at 09:00, 09:30, 14:00 and 14:30 every day; (2) at 12:00 every day."
        )
    }

    @Test func saysTheWindowAndTheExclusions() throws {
        let schedule = Schedule.recurring(
            [F.rule(minutes: [0], hours: [8], days: .weekdays(F.mondayToFriday))], zone: "Europe/Berlin",
            window: ScheduleWindow(
                start: .local(try F.local("2026-01-01T00:00:00")), end: .instant(try F.instant("2026-12-31T22:59:59Z"))),
            exclusions: [.local(try F.local("2026-04-06T08:00:00")), .instant(try F.instant("2026-05-01T06:00:00Z"))])
        #expect(
            try ScheduleExplanation(schedule).sentences == [
                "Runs at 08:00 on Monday to Friday.",
                "It fires from 2026-01-01 00:00 until 2026-12-31 23:59:59 +01:00, both included.",
                "It does not fire at 2026-04-06 08:00 or 2026-05-01 08:00 +02:00.",
                "Times are read in Europe/Berlin.", Self.quartzSentence,
            ])
    }

    @Test(arguments: [
        (
            ScheduleWindow(start: .local(LocalDateTime(year: 2026, month: 3, day: 1, hour: 9))),
            "It fires from 2026-03-01 09:00 on."
        ),
        (
            ScheduleWindow(end: .local(LocalDateTime(year: 2026, month: 3, day: 1, hour: 9, second: 30))),
            "It fires until 2026-03-01 09:00:30, included."
        ),
    ])
    func saysAWindowOpenOnOneSide(window: ScheduleWindow, expected: String) throws {
        let schedule = Schedule.recurring([F.rule(minutes: [0], hours: [8])], zone: "UTC", window: window)
        #expect(try ScheduleExplanation(schedule).sentences[1] == expected)
    }

    @Test func explainsTheKindsWithoutRules() throws {
        #expect(try ScheduleExplanation(Schedule(kind: .manual, zone: "UTC")).text == "Runs only when started by hand.")
        #expect(
            try ScheduleExplanation(Schedule(kind: .once(F.instant("2026-03-08T08:30:00Z")), zone: "Europe/Berlin"))
                .text
                == "Runs once, at 2026-03-08 09:30 +01:00 in Europe/Berlin.")
        #expect(
            try ScheduleExplanation(Schedule(kind: .event("after task 'Load sales' succeeds"), zone: "UTC")).text
                == "Runs when an event happens: after task 'Load sales' succeeds.")
        #expect(try ScheduleExplanation(.recurring([], zone: "UTC")).text == "Never runs: it has no rules.")
        #expect(try ScheduleExplanation(.recurring([], zone: "UTC")).rules.isEmpty)
    }

    @Test func saysTheWindowOfAOneOffRun() throws {
        let schedule = Schedule(
            kind: .once(try F.instant("2026-03-08T08:30:00Z")), zone: "UTC",
            window: ScheduleWindow(end: .instant(try F.instant("2026-03-01T00:00:00Z"))))
        #expect(
            try ScheduleExplanation(schedule).sentences == [
                "Runs once, at 2026-03-08 08:30 +00:00 in UTC.", "It fires until 2026-03-01 00:00 +00:00, included.",
            ])
    }

    @Test func rejectsAnUnknownZone() throws {
        let error = #expect(throws: UnknownTimeZoneError.self) {
            try ScheduleExplanation(.recurring([F.rule()], zone: "Mars/Olympus_Mons"))
        }
        #expect(
            error?.description == "unknown time zone 'Mars/Olympus_Mons'; expected an IANA name such as Europe/Berlin")
    }
}
