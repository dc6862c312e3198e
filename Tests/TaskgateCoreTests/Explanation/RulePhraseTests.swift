import Testing

@testable import TaskgateCore

/// Rules with a cadence: RRULE periods, ISO 8601 durations, set positions, count and end.
@Suite struct RulePhraseTests {
    typealias F = ExplanationFixtures

    static func interval(
        _ step: RuleInterval.Step, from anchor: String, weekStart: Weekday = .monday, setPositions: [Int] = [],
        count: Int? = nil, until: TimePoint? = nil
    ) throws -> RuleInterval {
        RuleInterval(
            step: step, anchor: try F.local(anchor), weekStart: weekStart, setPositions: setPositions, count: count,
            until: until)
    }

    static func startingAt(_ text: String) throws -> ScheduleWindow {
        ScheduleWindow(start: .local(try F.local(text)))
    }

    @Test func saysEveryOtherWeekWithItsFirstWeekAndWeekStart() throws {
        let rule = F.rule(
            minutes: [0], hours: [9], days: .weekdays(WeekdaySet(every: [.tuesday, .sunday])),
            interval: try Self.interval(.calendar(.week, every: 2), from: "2026-01-05T09:00:00", count: 45))
        #expect(
            try F.phrase(rule, window: Self.startingAt("2026-01-05T09:00:00"))
                == "at 09:00 on Tuesdays and Sundays, every 2 weeks from the week of 2026-01-05, weeks starting Monday, 45 times"
        )
    }

    @Test func saysAnAnchorInsideItsPeriodThatTheWindowDoesNotState() throws {
        // RFC 5545 §3.3.10: FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU from 1997-08-05 09:00.
        let rule = F.rule(
            minutes: [0], hours: [9], days: .weekdays(WeekdaySet(every: [.tuesday, .sunday])),
            interval: try Self.interval(
                .calendar(.week, every: 2), from: "1997-08-05T09:00:00", weekStart: .sunday, count: 4),
            policy: .rfc5545)
        #expect(
            try F.phrase(rule)
                == "at 09:00 on Tuesdays and Sundays, every 2 weeks from the week of 1997-08-03, weeks starting Sunday, "
                + "not before 1997-08-05 09:00, 4 times")
    }

    @Test(arguments: [
        (CalendarUnit.year, 2, "at 09:00 on the 1st in January, every 2 years from 2026"),
        (.month, 3, "at 09:00 on the 1st in January, every 3 months from January 2026"),
        (.day, 2, "at 09:00 on the 1st in January, every 2 days from 2026-01-01"),
        (.month, 1, "at 09:00 on the 1st in January"),
    ])
    func namesThePeriodTheCadenceCountsFrom(unit: CalendarUnit, every: Int, expected: String) throws {
        let rule = F.rule(
            minutes: [0], hours: [9], days: .monthDays(MonthDaySet(days: [1])), months: [1],
            interval: try Self.interval(.calendar(unit, every: every), from: "2026-01-01T09:00:00"))
        #expect(try F.phrase(rule, window: Self.startingAt("2026-01-01T09:00:00")) == expected)
    }

    @Test func leavesOutEveryDayUnderADailyCadence() throws {
        let rule = F.rule(
            minutes: [0], hours: [9],
            interval: try Self.interval(.calendar(.day, every: 2), from: "2026-01-05T09:00:00"))
        #expect(
            try F.phrase(rule, window: Self.startingAt("2026-01-05T09:00:00"))
                == "at 09:00, every 2 days from 2026-01-05")
    }

    @Test func saysTheAnchorOfAnUncoveredDailyRule() throws {
        let rule = F.rule(
            minutes: [0], hours: [9],
            interval: try Self.interval(.calendar(.day, every: 1), from: "2026-01-05T09:00:00"))
        #expect(try F.phrase(rule) == "at 09:00 every day, not before 2026-01-05 09:00")
    }

    @Test func saysSetPositionsPerPeriod() throws {
        let rule = F.rule(
            minutes: [0], hours: [18], days: .weekdays(F.mondayToFriday),
            interval: try Self.interval(.calendar(.month, every: 1), from: "2026-01-01T00:00:00", setPositions: [-1]))
        #expect(
            try F.phrase(rule)
                == "at 18:00 on Monday to Friday, not before 2026-01-01 00:00, only the last of each month's matches")
    }

    @Test func saysTheWeekStartOfWeeklySetPositions() throws {
        let rule = F.rule(
            minutes: [0], hours: [18], days: .weekdays(F.mondayToFriday),
            interval: try Self.interval(
                .calendar(.week, every: 1), from: "2026-01-04T00:00:00", weekStart: .sunday, setPositions: [-1, 1, 2]))
        #expect(
            try F.phrase(rule, window: Self.startingAt("2026-01-04T00:00:00"))
                == "at 18:00 on Monday to Friday, only the first, second and last of each week's matches, weeks starting Sunday"
        )
    }

    @Test(arguments: [
        (
            F.rule(minutes: Array(0...59), hours: Array(0...23)), CalendarUnit.minute, 15, "2026-01-05T09:00:00",
            "every 15 minutes from 2026-01-05 09:00"
        ),
        (
            F.rule(minutes: [15], hours: Array(0...23)), .hour, 2, "2026-01-05T09:15:00",
            "every 2 hours from 2026-01-05 09:15"
        ),
        (
            F.rule(minutes: [15], hours: Array(0...23)), .hour, 2, "2026-01-05T09:20:00",
            "every 2 hours from 2026-01-05 09:15, not before 2026-01-05 09:20"
        ),
        (
            F.rule(seconds: Array(0...59), minutes: Array(0...59), hours: Array(0...23)), .second, 30,
            "2026-01-05T09:00:10",
            "every 30 seconds from 2026-01-05 09:00:10"
        ),
        (
            F.rule(minutes: [0, 30], hours: Array(9...17), days: .weekdays(F.mondayToFriday)), .hour, 2,
            "2026-01-05T09:00:00",
            "every 2 hours from 2026-01-05 09:00, at minutes 0 and 30 of the hour, only in hours 9 to 17, on Monday to Friday"
        ),
        (
            F.rule(seconds: [0, 30], minutes: [0, 30], hours: Array(0...23)), .minute, 10, "2026-01-05T09:00:00",
            "every 10 minutes from 2026-01-05 09:00, at seconds 0 and 30 of the minute, only at minutes 0 and 30"
        ),
    ])
    func readsSubDailyCadencesCadenceFirst(
        rule: ScheduleRule, unit: CalendarUnit, every: Int, anchor: String, expected: String
    ) throws {
        var rule = rule
        rule.interval = try Self.interval(.calendar(unit, every: every), from: anchor)
        #expect(try F.phrase(rule) == expected)
    }

    static let everySecond = F.rule(seconds: Array(0...59), minutes: Array(0...59), hours: Array(0...23))

    @Test(arguments: [
        (ISODuration(minutes: 40), "2026-03-08T00:00:00", "every 40 minutes from 2026-03-08 00:00 (elapsed time)"),
        (
            ISODuration(months: 1), "2026-01-31T09:00:00",
            "every month from 2026-01-31 09:00, or on the last day of a month without a 31st"
        ),
        (ISODuration(weeks: 2), "2026-01-05T09:00:00", "every 2 weeks from 2026-01-05 09:00"),
        (
            ISODuration(days: 1, hours: 12), "2026-03-08T09:00:00",
            "every 1 day and 12 hours from 2026-03-08 09:00 (the date part on the calendar, the time part as elapsed time)"
        ),
        (ISODuration(years: 1, months: 2), "2026-03-08T09:00:00", "every 1 year and 2 months from 2026-03-08 09:00"),
        (ISODuration(), "2026-03-08T09:00:00", "once, at 2026-03-08 09:00"),
    ])
    func saysDurationsWithHowTheyTreatTheCalendar(duration: ISODuration, anchor: String, expected: String) throws {
        var rule = Self.everySecond
        rule.interval = try Self.interval(.duration(duration), from: anchor)
        #expect(try F.phrase(rule) == expected)
    }

    @Test func saysTheClockLimitsCountAndEndOfADuration() throws {
        var rule = F.rule(
            seconds: Array(0...59), minutes: Array(0...59), hours: Array(9...17), days: .weekdays(F.mondayToFriday))
        rule.interval = try Self.interval(
            .duration(ISODuration(minutes: 40)), from: "2026-03-09T09:00:00", count: 5,
            until: .local(try F.local("2026-12-31T23:59:00")))
        #expect(
            try F.phrase(rule)
                == "every 40 minutes from 2026-03-09 09:00 (elapsed time), only in hours 9 to 17, on Monday to Friday, 5 times, "
                + "until 2026-12-31 23:59")
    }

    @Test func saysAnInstantEndAsTheZoneReadsIt() throws {
        let rule = F.rule(
            minutes: [0], hours: [9],
            interval: try Self.interval(
                .calendar(.day, every: 1), from: "2026-01-01T00:00:00", count: 1,
                until: .instant(try F.instant("2026-12-31T22:59:59Z"))))
        #expect(
            try F.phrase(rule, zone: "Europe/Berlin")
                == "at 09:00 every day, not before 2026-01-01 00:00, once, until 2026-12-31 23:59:59 +01:00")
    }
}
