import Testing

@testable import TaskgateCore

/// Printing crontab lines: the normal form, the shapes that keep Debian's meaning, and every
/// refusal word for word.
@Suite struct UnixCronPrinterTests {
    static func printed(_ expression: String, zone: String = "UTC") throws -> String {
        try DialectTesting.roundTrip(.cron, [expression], zone: zone).printed.lines.joined(separator: " | ")
    }

    static func schedule(
        _ rule: ScheduleRule, zone: String = "America/New_York", window: ScheduleWindow = .unbounded
    ) -> Schedule {
        .recurring([rule], zone: zone, window: window)
    }

    static func rule(
        minutes: [Int] = [0], hours: [Int] = [0], days: DaySelector = .everyDay,
        policy: DSTPolicy = UnixCronTimes.fixedTimePolicy
    ) -> ScheduleRule {
        ScheduleRule(minutes: FieldSet(minutes), hours: FieldSet(hours), days: days, dstPolicy: policy)
    }

    @Test(arguments: [
        ("0 0 * * 1,2,3,4,5", "0 0 * * 1-5"),
        ("0,15,30,45 * * * *", "*/15 * * * *"),
        ("*/15 8 * * *", "*/15 8 * * *"),
        ("0-45/15 8 * * *", "0-45/15 8 * * *"),
        ("0,15,30,45 8 * * *", "0-45/15 8 * * *"),
        ("5,20,35,50 * * * *", "5-50/15 * * * *"),
        ("*/60,30 2 * * *", "*/30 2 * * *"),
        ("*/60 2 * * *", "*/60 2 * * *"),
        ("0-59 0-23 * * *", "0-59 0-23 * * *"),
        ("* * * * *", "* * * * *"),
        ("0 0 * * 7", "0 0 * * 0"),
        ("0 0 * * sun,SAT", "0 0 * * 0,6"),
        ("0 0 1 JAN,jul *", "0 0 1 1,7 *"),
        ("0 0 1 1-12 *", "0 0 1 * *"),
        ("0 0 1,15 * 1-5", "0 0 1,15 * 1-5"),
        ("0 0 13 * FRI", "0 0 13 * 5"),
        ("0 0 */2 * 1", "0 0 */2 * 1"),
        ("0 10 1-7 * */7", "0 10 1-7 * */7"),
        ("0 10 1-7 * 0,*/3", "0 10 1-7 * 0-6/3"),
        ("0 0 13 * */2,1", "0 0 13 * */2,1"),
        ("0 0 2-6 * *,5", "0 0 2-6 * *"),
        ("0 0 1-31 * 1", "0 0 * * *"),
        ("0 1,2,3,5 * * *", "0 1-3,5 * * *"),
        ("@daily", "0 0 * * *"),
        ("@hourly", "0 * * * *"),
        ("@weekly", "0 0 * * 0"),
        ("@monthly", "0 0 1 * *"),
        ("@yearly", "0 0 1 1 *"),
        ("@reboot", "@reboot"),
    ])
    func printsNormalForm(expression: String, normal: String) throws {
        #expect(try Self.printed(expression) == normal)
    }

    @Test(arguments: [
        "0 0 * * 1,2,3,4,5", "*/60,30 2 * * *", "0 10 1-7 * 0,*/3", "0 0 13 * */2,1", "@weekly", "@hourly",
    ])
    func printedLineReadsBackAsTheSameModel(expression: String) throws {
        #expect(try DialectTesting.roundTrip(.cron, [expression], zone: "America/New_York").equal)
    }

    @Test func printsAnAndOfDayFieldsThroughAStarredDayOfMonth() throws {
        let days = DaySelector.both(MonthDaySet(days: [1, 10, 20]), WeekdaySet(every: [Weekday.monday]))
        let printed = try Dialect.cron.print(Self.schedule(Self.rule(days: days))).lines.joined()
        #expect(printed == "0 0 */19,10 * 1")
    }

    @Test func printsTheFirstSundayOfAQuartzOrdinalAsRefused() throws {
        let days = DaySelector.weekdays(WeekdaySet(ordinals: [OrdinalWeekday(.sunday, 1)]))
        #expect(
            DialectTesting.printError(.cron, Self.schedule(Self.rule(days: days)))
                == "cron: rule 1, day selector: the n-th weekday of the month (1 Sunday) is not Debian cron syntax")
    }

    @Test func printsAnyPolicyWhereTheZoneHasNoChanges() throws {
        let rule = Self.rule(minutes: [30], hours: [2], policy: .rfc5545)
        #expect(try Dialect.cron.print(Self.schedule(rule, zone: "UTC")).lines == ["30 2 * * *"])
        let wallClock = Self.rule(minutes: [30], hours: [2], policy: .wallClock)
        #expect(try Dialect.cron.print(Self.schedule(wallClock, zone: "Asia/Kolkata")).lines == ["30 2 * * *"])
    }

    @Test func printsAWallClockRuleThatNeverMeetsAChangeInTheFixedShape() throws {
        let rule = Self.rule(minutes: [30], hours: [12], policy: .wallClock)
        #expect(try Dialect.cron.print(Self.schedule(rule)).lines == ["30 12 * * *"])
    }

    @Test func printsAWallClockRuleAtMinuteZeroAsAWildcardLine() throws {
        let rule = Self.rule(minutes: [0], hours: [2], policy: .wallClock)
        #expect(try Dialect.cron.print(Self.schedule(rule)).lines == ["*/60 2 * * *"])
    }

    @Test func printsTheWindowIntoTheContext() throws {
        let start = try DialectTesting.local("2026-05-01T00:00:00")
        let end = TimePoint.instant(try DialectTesting.instant("2026-06-01T00:00:00Z"))
        let text = try Dialect.cron.print(
            Self.schedule(Self.rule(), window: ScheduleWindow(start: .local(start), end: end)))
        #expect(text.context.start == start)
        #expect(text.context.end == end)
        let instantStart = try DialectTesting.instant("2026-05-01T04:00:00Z")
        let fromInstant = try Dialect.cron.print(
            Self.schedule(Self.rule(), window: ScheduleWindow(start: .instant(instantStart))))
        #expect(fromInstant.context.start == start)
    }

    @Test(arguments: [
        (
            rule(policy: .rfc5545).with(seconds: [30]),
            "cron: rule 1, seconds: Debian cron runs at whole minutes; seconds 30 cannot be held"
        ),
        (
            rule().with(years: YearSet([2027])),
            "cron: rule 1, years: Debian cron has no year field; years 2027 cannot be held"
        ),
        (
            rule(days: .monthDays(.lastDay)),
            "cron: rule 1, day selector: the last day of the month and the nearest weekday (Quartz L, W) are not Debian cron syntax"
        ),
        (
            rule(days: .monthDays(MonthDaySet(nearestWeekday: 1 << 15))),
            "cron: rule 1, day selector: the last day of the month and the nearest weekday (Quartz L, W) are not Debian cron syntax"
        ),
        (
            rule(days: .both(MonthDaySet(days: [13]), WeekdaySet(every: [Weekday.friday]))),
            "cron: rule 1, day selector: a day must match both day-of-month 13 and day-of-week 5; Debian cron ANDs the two only when one field starts with '*', which always selects day 1 or Sunday"
        ),
        (
            rule(days: .both(MonthDaySet(days: [13]), WeekdaySet())),
            "cron: rule 1, day selector: the rule selects no day"
        ),
        (rule(minutes: []), "cron: rule 1, minutes: the rule selects no value"),
        (rule(hours: [24]), "cron: rule 1, hours: 24 lies outside 0-23"),
        (
            rule().with(
                interval: RuleInterval(
                    step: .calendar(.day, every: 2), anchor: LocalDateTime(year: 2026, month: 1, day: 1))),
            "cron: rule 1, interval: Debian cron matches the calendar; it cannot count periods or durations from an anchor"
        ),
        (
            rule().with(
                interval: RuleInterval(
                    step: .calendar(.day, every: 1), anchor: LocalDateTime(year: 2026, month: 1, day: 1), count: 5)),
            "cron: rule 1, count: Debian cron cannot stop after a number of runs"
        ),
        (
            rule().with(
                interval: RuleInterval(
                    step: .calendar(.month, every: 1), anchor: LocalDateTime(year: 2026, month: 1, day: 1),
                    setPositions: [-1])),
            "cron: rule 1, set positions: Debian cron cannot pick the n-th match of a period (BYSETPOS)"
        ),
        (
            rule().with(yearDays: YearDaySet([100])),
            "cron: rule 1, year days: Debian cron cannot select days by their place in the year"
        ),
        (
            rule().with(weekNumbers: WeekNumberSet([20])),
            "cron: rule 1, week numbers: Debian cron cannot select weeks of the year"
        ),
        (
            rule(minutes: [30], hours: [2], policy: .rfc5545),
            "cron: rule 1, DST policy: Debian cron runs a line whose minute and hour do not start with '*' with gap transition, overlap earlier, and any other line with gap skip, overlap both (a '*' line would need minute 0 or hour 0); the rule has gap shift-forward, overlap earlier and selects local times at DST changes of America/New_York"
        ),
        (
            rule(minutes: [30], hours: [1], policy: .wallClock),
            "cron: rule 1, DST policy: Debian cron runs a line whose minute and hour do not start with '*' with gap transition, overlap earlier, and any other line with gap skip, overlap both (a '*' line would need minute 0 or hour 0); the rule has gap skip, overlap both and selects local times at DST changes of America/New_York"
        ),
        (
            rule(minutes: [0], hours: [1], policy: .javaQuartz),
            "cron: rule 1, DST policy: Debian cron runs a line whose minute and hour do not start with '*' with gap transition, overlap earlier, and any other line with gap skip, overlap both; the rule has gap skip, overlap later and selects local times at DST changes of America/New_York"
        ),
    ])
    func refusesWhatOneLineCannotHold(rule: ScheduleRule, message: String) {
        #expect(DialectTesting.printError(.cron, Self.schedule(rule)) == message)
    }

    @Test func refusesSchedulesWithoutALine() throws {
        let at = try DialectTesting.instant("2026-05-01T00:00:00Z")
        #expect(
            DialectTesting.printError(.cron, Schedule(kind: .manual, zone: "UTC"))
                == "cron: kind: a task that runs only when started by hand has no crontab line")
        #expect(
            DialectTesting.printError(.cron, Schedule(kind: .once(at), zone: "UTC"))
                == "cron: kind: Debian cron has no one-time entries; a line with a date fires every year")
        #expect(
            DialectTesting.printError(.cron, Schedule(kind: .event("task-2-done"), zone: "UTC"))
                == "cron: kind: Debian cron knows one event, @reboot, not 'task-2-done'")
        #expect(
            DialectTesting.printError(.cron, .recurring([], zone: "UTC")) == "cron: rules: the schedule has no rule")
        #expect(
            DialectTesting.printError(.cron, .recurring([Self.rule()], zone: "Mars/Olympus"))
                == "cron: zone: unknown time zone 'Mars/Olympus'; expected an IANA name such as Europe/Berlin")
        #expect(
            DialectTesting.printError(.cron, .recurring([Self.rule()], zone: "UTC", exclusions: [.instant(at)]))
                == "cron: exclusions: Debian cron cannot leave out single dates (RRULE EXDATE)")
    }

    @Test func refusesAnInstantStartNextToADSTChange() throws {
        let start = TimePoint.instant(try DialectTesting.instant("2026-03-08T06:30:00Z"))
        #expect(
            DialectTesting.printError(.cron, Self.schedule(Self.rule(), window: ScheduleWindow(start: start)))
                == "cron: window start: the start 2026-03-08T06:30:00Z lies within two days of a DST change of America/New_York; a local start cannot name it"
        )
    }
}

extension ScheduleRule {
    func with(seconds: [Int]) -> ScheduleRule {
        var copy = self
        copy.seconds = FieldSet(seconds)
        return copy
    }

    func with(years: YearSet) -> ScheduleRule {
        var copy = self
        copy.years = years
        return copy
    }

    func with(interval: RuleInterval) -> ScheduleRule {
        var copy = self
        copy.interval = interval
        return copy
    }

    func with(yearDays: YearDaySet) -> ScheduleRule {
        var copy = self
        copy.yearDays = yearDays
        return copy
    }

    func with(weekNumbers: WeekNumberSet) -> ScheduleRule {
        var copy = self
        copy.weekNumbers = weekNumbers
        return copy
    }

    func with(months: [Int]) -> ScheduleRule {
        var copy = self
        copy.months = FieldSet(months)
        return copy
    }
}
