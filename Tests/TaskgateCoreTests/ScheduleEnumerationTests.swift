import Testing

@testable import TaskgateCore

/// The generic enumerator on hand-built rules; dialect tests cover the parsers on top of it.
@Suite struct ScheduleEnumerationTests {
    static func instant(_ text: String) throws -> Instant {
        try #require(DateTimeText.instant(text))
    }

    static func local(_ text: String) throws -> LocalDateTime {
        try #require(DateTimeText.localDateTime(text))
    }

    static func daily(hour: Int, minute: Int, policy: DSTPolicy) -> ScheduleRule {
        ScheduleRule(seconds: FieldSet([0]), minutes: FieldSet([minute]), hours: FieldSet([hour]), dstPolicy: policy)
    }

    static func next(_ schedule: Schedule, after: String, count: Int) throws -> [String] {
        try schedule.nextOccurrences(after: instant(after), count: count).map(\.description)
    }

    @Test func javaQuartzSkipsATimeInTheSpringGap() throws {
        let schedule = Schedule.recurring(
            [Self.daily(hour: 2, minute: 30, policy: .javaQuartz)], zone: "America/New_York")
        #expect(
            try Self.next(schedule, after: "2026-03-07T00:00:00Z", count: 3)
                == ["2026-03-07T07:30:00Z", "2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z"])
    }

    @Test func rfc5545ShiftsATimeInTheSpringGapForward() throws {
        let schedule = Schedule.recurring([Self.daily(hour: 2, minute: 30, policy: .rfc5545)], zone: "America/New_York")
        #expect(
            try Self.next(schedule, after: "2026-03-07T00:00:00Z", count: 3)
                == ["2026-03-07T07:30:00Z", "2026-03-08T07:30:00Z", "2026-03-09T06:30:00Z"])
    }

    @Test func debianCronRunsAGapTimeAtTheTransition() throws {
        let policy = DSTPolicy(gap: .transition, overlap: .earlier)
        let schedule = Schedule.recurring([Self.daily(hour: 2, minute: 30, policy: policy)], zone: "America/New_York")
        #expect(try Self.next(schedule, after: "2026-03-08T00:00:00Z", count: 1) == ["2026-03-08T07:00:00Z"])
    }

    @Test(arguments: [
        (DSTPolicy.javaQuartz, ["2026-11-01T06:30:00Z"]),
        (DSTPolicy.rfc5545, ["2026-11-01T05:30:00Z"]),
        (DSTPolicy.wallClock, ["2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z"]),
    ])
    func repeatedTimeFollowsThePolicy(policy: DSTPolicy, expected: [String]) throws {
        let schedule = Schedule.recurring([Self.daily(hour: 1, minute: 30, policy: policy)], zone: "America/New_York")
        let fires = try schedule.occurrences(
            from: Self.instant("2026-11-01T00:00:00Z"), through: Self.instant("2026-11-01T23:59:59Z"))
        #expect(fires.map(\.description) == expected)
    }

    @Test func everyHalfHourUnderJavaQuartzLosesTheFirstPassOfTheRepeatedHour() throws {
        let rule = ScheduleRule(minutes: FieldSet([0, 30]), hours: .everyHour, dstPolicy: .javaQuartz)
        let schedule = Schedule.recurring([rule], zone: "America/New_York")
        let fires = try schedule.occurrences(
            from: Self.instant("2026-11-01T04:00:00Z"), through: Self.instant("2026-11-01T07:30:00Z"))
        #expect(
            fires.map(\.description) == [
                "2026-11-01T04:00:00Z", "2026-11-01T04:30:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z",
                "2026-11-01T07:00:00Z", "2026-11-01T07:30:00Z",
            ])
    }

    @Test func wallClockPolicyFiresBothPassesInOrder() throws {
        let rule = ScheduleRule(minutes: FieldSet([0, 30]), hours: .everyHour, dstPolicy: .wallClock)
        let schedule = Schedule.recurring([rule], zone: "America/New_York")
        let fires = try schedule.occurrences(
            from: Self.instant("2026-11-01T04:00:00Z"), through: Self.instant("2026-11-01T07:00:00Z"))
        #expect(
            fires.map(\.description) == [
                "2026-11-01T04:00:00Z", "2026-11-01T04:30:00Z", "2026-11-01T05:00:00Z", "2026-11-01T05:30:00Z",
                "2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:00:00Z",
            ])
    }

    @Test func lordHoweHasAHalfHourGap() throws {
        // Australia/Lord_Howe springs from 02:00 +10:30 to 02:30 +11:00 on 2026-10-04.
        let schedule = Schedule.recurring(
            [Self.daily(hour: 2, minute: 15, policy: .rfc5545)], zone: "Australia/Lord_Howe")
        #expect(
            try Self.next(schedule, after: "2026-10-02T00:00:00Z", count: 3)
                == ["2026-10-02T15:45:00Z", "2026-10-03T15:45:00Z", "2026-10-04T15:15:00Z"])
    }

    @Test func lastWeekdayMaskMatchesSetPositionOverWeekdays() throws {
        let lastWeekday = ScheduleRule(
            hours: FieldSet([18]), days: .monthDays(.lastWeekday), dstPolicy: .rfc5545)
        let setPosition = ScheduleRule(
            hours: FieldSet([18]),
            days: .weekdays(WeekdaySet(every: [.monday, .tuesday, .wednesday, .thursday, .friday])),
            interval: RuleInterval(
                step: .calendar(.month, every: 1), anchor: try Self.local("2026-01-01T00:00:00"), setPositions: [-1]),
            dstPolicy: .rfc5545)
        let first = try Schedule.recurring([lastWeekday], zone: "Europe/Berlin")
            .nextOccurrences(after: Self.instant("2026-01-01T00:00:00Z"), count: 24)
        let second = try Schedule.recurring([setPosition], zone: "Europe/Berlin")
            .nextOccurrences(after: Self.instant("2026-01-01T00:00:00Z"), count: 24)
        #expect(first == second)
        #expect(
            first.prefix(3).map(\.description) == [
                "2026-01-30T17:00:00Z", "2026-02-27T17:00:00Z", "2026-03-31T16:00:00Z",
            ])
    }

    @Test(arguments: [
        (Weekday.monday, ["1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24"]),
        (Weekday.sunday, ["1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31"]),
    ])
    func weekStartDecidesWhichWeeksAnIntervalIncludes(weekStart: Weekday, dates: [String]) throws {
        // RFC 5545 §3.3.10: FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU from Tuesday 1997-08-05 09:00.
        let rule = ScheduleRule(
            minutes: FieldSet([0]), hours: FieldSet([9]), days: .weekdays(WeekdaySet(every: [.tuesday, .sunday])),
            interval: RuleInterval(
                step: .calendar(.week, every: 2), anchor: try Self.local("1997-08-05T09:00:00"), weekStart: weekStart,
                count: 4),
            dstPolicy: .rfc5545)
        let fires = try Schedule.recurring([rule], zone: "UTC").nextOccurrences(
            after: Self.instant("1997-01-01T00:00:00Z"), count: 10)
        #expect(fires.map { String($0.description.prefix(10)) } == dates)
    }

    @Test func impossibleDateAnswersNoneQuickly() throws {
        let rule = ScheduleRule(
            days: .monthDays(MonthDaySet(days: [30])), months: FieldSet([2]), dstPolicy: .javaQuartz)
        let clock = ContinuousClock()
        var fires: [Instant] = []
        let elapsed = try clock.measure {
            fires = try Schedule.recurring([rule], zone: "Europe/Berlin").nextOccurrences(
                after: Self.instant("2026-01-01T00:00:00Z"), count: 1)
        }
        #expect(fires.isEmpty)
        #expect(elapsed < .seconds(1))
    }

    @Test func subDailyIntervalThatNeverMeetsItsHoursEndsAtOnce() throws {
        // Every 2 hours from an even hour, but only odd hours selected: never.
        let rule = ScheduleRule(
            hours: FieldSet([1, 3, 5]),
            interval: RuleInterval(step: .calendar(.hour, every: 2), anchor: try Self.local("2026-01-01T00:00:00")),
            dstPolicy: .rfc5545)
        #expect(
            try Schedule.recurring([rule], zone: "UTC").nextOccurrences(
                after: Self.instant("2026-01-01T00:00:00Z"), count: 1
            ).isEmpty)
    }

    @Test func previousOccurrencesAreTheLastBeforeAnInstant() throws {
        let schedule = Schedule.recurring([Self.daily(hour: 8, minute: 0, policy: .rfc5545)], zone: "Asia/Tokyo")
        let fires = try schedule.previousOccurrences(before: Self.instant("2026-06-10T00:00:00Z"), count: 3)
        #expect(fires.map(\.description) == ["2026-06-07T23:00:00Z", "2026-06-08T23:00:00Z", "2026-06-09T23:00:00Z"])
    }

    @Test func windowAndExclusionsLimitTheUnion() throws {
        let schedule = Schedule.recurring(
            [Self.daily(hour: 9, minute: 0, policy: .rfc5545), Self.daily(hour: 9, minute: 0, policy: .rfc5545)],
            zone: "UTC",
            window: ScheduleWindow(
                start: .local(try Self.local("2026-01-02T00:00:00")),
                end: .instant(try Self.instant("2026-01-05T09:00:00Z"))),
            exclusions: [.instant(try Self.instant("2026-01-03T09:00:00Z"))])
        #expect(
            try Self.next(schedule, after: "2025-12-01T00:00:00Z", count: 10)
                == ["2026-01-02T09:00:00Z", "2026-01-04T09:00:00Z", "2026-01-05T09:00:00Z"])
    }

    @Test func isoDurationStepsElapsedTimeAcrossTheGap() throws {
        let rule = ScheduleRule(
            seconds: .everySecond, minutes: .everyMinute, hours: .everyHour,
            interval: RuleInterval(
                step: .duration(ISODuration(minutes: 40)), anchor: try Self.local("2026-03-08T00:00:00")),
            dstPolicy: .rfc5545)
        let schedule = Schedule.recurring([rule], zone: "America/New_York")
        #expect(
            try Self.next(schedule, after: "2026-03-08T06:30:00Z", count: 3)
                == ["2026-03-08T07:00:00Z", "2026-03-08T07:40:00Z", "2026-03-08T08:20:00Z"])
    }

    /// Found by fuzz-fylr: a task listing one schedule hundreds of times. Each instant used to
    /// take one pass over every rule's head per rule (400 rules: 160,000 comparisons an instant);
    /// a rule listed again now shares the first one's stream, and streams at the chosen instant
    /// move on together (here 400 rules that differ only in years after 2026).
    @Test(arguments: [false, true])
    func manyRulesSharingTheirInstantsMoveOnTogether(distinct: Bool) throws {
        func everyMinute(_ index: Int) -> ScheduleRule {
            ScheduleRule(
                seconds: FieldSet([0]), minutes: .everyMinute, hours: .everyHour,
                years: distinct ? YearSet(range: 2026...(2100 + index)) : nil, dstPolicy: .wallClock)
        }
        let everyQuarter = ScheduleRule(
            seconds: FieldSet([30]), minutes: FieldSet([0, 15, 30, 45]), hours: .everyHour, dstPolicy: .wallClock)
        let crowded = Schedule.recurring((0..<400).map(everyMinute) + [everyQuarter], zone: "Europe/Berlin")
        let plain = Schedule.recurring([everyMinute(0), everyQuarter], zone: "Europe/Berlin")
        let after = try Self.instant("2026-03-29T00:00:00Z")
        let started = ContinuousClock.now
        let fires = try crowded.nextOccurrences(after: after, count: 500)
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(fires == (try plain.nextOccurrences(after: after, count: 500)))
        #expect(
            fires.prefix(3).map(\.description) == [
                "2026-03-29T00:00:30Z", "2026-03-29T00:01:00Z", "2026-03-29T00:02:00Z",
            ])
    }
}
