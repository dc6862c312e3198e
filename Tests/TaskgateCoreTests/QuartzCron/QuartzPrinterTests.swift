import Testing

@testable import TaskgateCore

/// Printing in the portable normal form, the refusals, and the round trip.
@Suite struct QuartzPrinterTests {
    static func printed(_ line: String, dialect: Dialect = .quartz) throws -> [String] {
        try dialect.print(QuartzTestSupport.parse(line, dialect: dialect)).lines
    }

    static func refusal(_ schedule: Schedule, dialect: Dialect = .quartz) -> String? {
        do {
            _ = try dialect.print(schedule)
            return nil
        } catch {
            return error.description
        }
    }

    static func rule(
        seconds: FieldSet = FieldSet([0]), minutes: FieldSet = FieldSet([0]), hours: FieldSet = FieldSet([8]),
        days: DaySelector = .everyDay, months: FieldSet = .everyMonth, interval: RuleInterval? = nil,
        policy: DSTPolicy = .javaQuartz
    ) -> ScheduleRule {
        ScheduleRule(
            seconds: seconds, minutes: minutes, hours: hours, days: days, months: months, interval: interval,
            dstPolicy: policy)
    }

    @Test(arguments: [
        ("0 0 8 ? * MON,TUE,WED,THU,FRI *", "0 0 8 ? * MON-FRI *"),
        ("0 0 8 ? * 2-6", "0 0 8 ? * MON-FRI *"),
        ("0 0 22-2 * * ?", "0 0 0-2,22,23 * * ? *"),
        ("0 0/15 * * * ?", "0 */15 * * * ? *"),
        ("0 5/20 * * * ?", "0 5/20 * * * ? *"),
        ("0 0,20,40 * * * ?", "0 */20 * * * ? *"),
        ("0 0 */5 * * ?", "0 0 */5 * * ? *"),
        ("0 0 0 */2 * ?", "0 0 0 */2 * ? *"),
        ("0 0 8 ? * FRI-MON", "0 0 8 ? * SUN,MON,FRI,SAT *"),
        ("0 0 8 ? NOV-FEB *", "0 0 8 * 1,2,11,12 ? *"),
        ("0 0 0 1 7/6 ?", "0 0 0 1 7 ? *"),
        ("0 0 8 ? */3 *", "0 0 8 * */3 ? *"),
        ("0 0 8 1,15W * ?", "0 0 8 1W * ? *"),
        ("0 0 8 ? * 6#3", "0 0 8 ? * FRI#3 *"),
        ("0 0 8 ? * 2L", "0 0 8 ? * MONL *"),
        ("0 0 8 ? * L", "0 0 8 ? * SAT *"),
        ("0 0 8 L * ?", "0 0 8 L * ? *"),
        ("0 0 8 L-3 * ?", "0 0 8 L-3 * ? *"),
        ("0 0 8 LW * ?", "0 0 8 LW * ? *"),
        ("0 0 8 L-2W * ?", "0 0 8 L-2W * ? *"),
        ("0 0 8 1-31 * ?", "0 0 8 * * ? *"),
        ("0 0 8 * * ? 2026-2028", "0 0 8 * * ? 2026-2028"),
        ("0 0 8 * * ? 2027", "0 0 8 * * ? 2027"),
        ("0 0 8 * * ? 2120-2200", "0 0 8 * * ? 2120-2126"),
        ("0 0 8 * * ? 1970-2126", "0 0 8 * * ? *"),
        ("0 0 8 5X * ?", "0 0 8 5 * ? *"),
        ("99 0 8 * * ?", "* 0 8 * * ? *"),
        ("0 0 8 ? * mon", "0 0 8 ? * MON *"),
    ])
    func printsTheNormalForm(input: String, output: String) throws {
        #expect(try Self.printed(input) == [output])
    }

    @Test(arguments: [
        ("0 30 2 * * ?", "0 30 2 * * ? *"),
        ("0 0,30 2 * * ?", "0 0,30 2 * * ? *"),
        ("0 0/20 2 * * ?", "0 */20 2 * * ? *"),
        ("0 0/30 2 * * ?", "0 0,30 2-2 * * ? *"),
        ("0 30 2-2 * * ?", "0 30 2-2 * * ? *"),
        ("0 15,45 2,5 * * ?", "0 15,45 2,5 * * ? *"),
        ("0 15,45 2-3,5 * * ?", "0 15,45 2-2,3,5 * * ? *"),
    ])
    func printsQuartzNetTimesAsTheirDSTPolicyNeeds(input: String, output: String) throws {
        // Quartz.NET tells interval from fixed times by a '*', '/' or '-' in the time fields.
        let schedule = try QuartzTestSupport.parse(input, dialect: .quartzNet)
        let text = try Dialect.quartzNet.print(schedule)
        #expect(text.lines == [output])
        #expect(try Dialect.quartzNet.parse(text.lines, context: text.context) == schedule)
    }

    @Test func printsAFixedQuartzNetRuleWithEveryMinuteAsAList() throws {
        let rule = Self.rule(minutes: .everyMinute, policy: DSTPolicy(gap: .shiftForward, overlap: .earlier))
        let text = try Dialect.quartzNet.print(.recurring([rule], zone: "UTC"))
        let minutes = (0...59).map(String.init).joined(separator: ",")
        #expect(text.lines == ["0 \(minutes) 8 * * ? *"])
    }

    @Test func printsTheContextThatReadsTheLinesBack() throws {
        let schedule = try QuartzTestSupport.parse(
            ["0 0 18 LW * ? *", "0 0 8 1 1 ? 2030-2040"], zone: "Europe/Berlin", start: "2026-01-01T01:00:00")
        let text = try Dialect.quartz.print(schedule)
        #expect(text.lines == ["0 0 18 LW * ? *", "0 0 8 1 1 ? 2030-2040"])
        #expect(text.context.zone == "Europe/Berlin")
        #expect(text.context.start == (try QuartzTestSupport.local("2026-01-01T01:00:00")))
        #expect(text.context.reference.description == "2026-01-01T00:00:00Z")
        #expect(try Dialect.quartz.parse(text.lines, context: text.context) == schedule)
    }

    @Test func foldsAnHourlyIntervalThatDividesTheDay() throws {
        // FREQ=HOURLY;INTERVAL=6 from 02:00 is hours 2, 8, 14, 20 (qlik-scheduling.md §10 H11).
        let anchor = try QuartzTestSupport.local("2026-03-01T02:00:00")
        let rule = Self.rule(
            hours: .everyHour, interval: RuleInterval(step: .calendar(.hour, every: 6), anchor: anchor))
        let text = try Dialect.quartz.print(.recurring([rule], zone: "UTC"))
        #expect(text.lines == ["0 0 2/6 * * ? *"])
        #expect(text.context.start == anchor)
    }

    @Test func foldsAMonthlyIntervalThatDividesTheYear() throws {
        let anchor = try QuartzTestSupport.local("2026-02-10T00:00:00")
        let rule = Self.rule(
            days: .monthDays(MonthDaySet(days: [10])),
            interval: RuleInterval(step: .calendar(.month, every: 3), anchor: anchor))
        #expect(try Dialect.quartz.print(.recurring([rule], zone: "UTC")).lines == ["0 0 8 10 2/3 ? *"])
    }

    static let refusals: [(ScheduleRule, String)] = {
        let anchor = LocalDateTime(year: 2026, month: 1, day: 5, hour: 8)
        let friday = WeekdaySet(every: [.friday])
        let thirteenth = MonthDaySet(days: [13])
        return [
            (
                rule(days: .both(thirteenth, friday)),
                "quartz: rule 1, day selector: a day must match both day-of-month and day-of-week; Quartz restricts one "
                    + "of the two day fields only"
            ),
            (
                rule(days: .either(thirteenth, friday)),
                "quartz: rule 1, day selector: a day matches day-of-month or day-of-week (cron's OR); Quartz restricts "
                    + "one of the two day fields only: write one line per field"
            ),
            (
                rule(interval: RuleInterval(step: .calendar(.week, every: 2), anchor: anchor)),
                "quartz: rule 1, interval: every 2 weeks from 2026-01-05T08:00:00 has no Quartz form; Quartz steps "
                    + "restart in every enclosing period (wyn.md §10 H7)"
            ),
            (
                rule(hours: .everyHour, interval: RuleInterval(step: .calendar(.hour, every: 5), anchor: anchor)),
                "quartz: rule 1, interval: every 5 hours does not divide the 24 hours of the next unit, so the Quartz "
                    + "step would restart out of phase (wyn.md §10 H7)"
            ),
            (
                rule(interval: RuleInterval(step: .duration(ISODuration(hours: 36)), anchor: anchor)),
                "quartz: rule 1, interval: an ISO 8601 repetition every PT36H steps elapsed time from its start; "
                    + "Quartz matches fields"
            ),
            (
                rule(
                    days: .weekdays(WeekdaySet(every: Weekday.allCases.filter { $0 < .saturday })),
                    interval: RuleInterval(step: .calendar(.month, every: 1), anchor: anchor, setPositions: [-1])),
                "quartz: rule 1, set positions: BYSETPOS -1 has no Quartz form"
            ),
            (
                rule(interval: RuleInterval(step: .calendar(.day, every: 1), anchor: anchor, count: 10)),
                "quartz: rule 1, count: COUNT=10 has no Quartz form; Quartz stops only at an end time"
            ),
            (
                rule(
                    interval: RuleInterval(
                        step: .calendar(.day, every: 1), anchor: anchor, until: .local(anchor.adding(seconds: 86_400)))),
                "quartz: rule 1, until: UNTIL 2026-01-06T08:00:00 belongs to this rule only; Quartz has no per-line end"
            ),
            (
                rule(days: .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(.friday, -2)]))),
                "quartz: rule 1, day-of-week: the -2 Friday of the month has no Quartz form; Quartz has '#1'-'#5' and "
                    + "'L' (last)"
            ),
            (
                rule(days: .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(.monday, 1), OrdinalWeekday(.monday, 3)]))),
                "quartz: rule 1, day-of-week: Quartz holds one ordinal weekday ('#' or 'L') and nothing else in "
                    + "day-of-week; found 1 Monday, 3 Monday"
            ),
            (
                rule(days: .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(.monday, 20)], scope: .year))),
                "quartz: rule 1, day-of-week: '20 Monday' counts within the year; Quartz counts within the month"
            ),
            (
                rule(days: .monthDays(MonthDaySet(fromEnd: 1 << 28))),
                "quartz: rule 1, day-of-month: 'L-28' falls in some months only; the portable form (wyn.md §4.7) keeps "
                    + "n ≤ 27"
            ),
            (
                rule(days: .monthDays(MonthDaySet(nearestWeekday: 1 << 29))),
                "quartz: rule 1, day-of-month: '29W' depends on where Java's search starts in months shorter than 29 "
                    + "days; the portable form (wyn.md §4.7) keeps d ≤ 28"
            ),
            (
                rule(days: .monthDays(MonthDaySet(fromEnd: 1, nearestWeekday: 1 << 15))),
                "quartz: rule 1, day-of-month: Quartz writes 'L', 'L-n', 'LW', 'L-nW' or 'nW' only alone in "
                    + "day-of-month, and never with other days"
            ),
            (
                rule(policy: .rfc5545),
                "quartz: rule 1, DST policy: gap shift-forward, overlap earlier is not Java Quartz's; it always skips "
                    + "a time in a spring-forward gap and fires a repeated time at its second pass (gap skip, overlap "
                    + "later)"
            ),
            (
                rule(hours: FieldSet(bits: 0)),
                "quartz: rule 1, hours: selects no value, so the rule never fires"
            ),
            (
                rule(days: .weekdays(WeekdaySet())),
                "quartz: rule 1, day-of-week: selects no weekday, so the rule never fires"
            ),
        ]
    }()

    @Test(arguments: refusals)
    func refusesWhatOneLineCannotHold(rule: ScheduleRule, message: String) {
        #expect(Self.refusal(.recurring([rule], zone: "UTC")) == message)
    }

    @Test func refusesRuleAndScheduleParts() throws {
        var yearDays = Self.rule()
        yearDays.yearDays = YearDaySet([100])
        #expect(
            Self.refusal(.recurring([yearDays], zone: "UTC"))
                == "quartz: rule 1, year days: Quartz has no day-of-the-year field (RRULE BYYEARDAY)")
        var weeks = Self.rule()
        weeks.weekNumbers = WeekNumberSet([1])
        #expect(
            Self.refusal(.recurring([weeks], zone: "UTC"))
                == "quartz: rule 1, week numbers: Quartz has no week-number field (RRULE BYWEEKNO)")
        var years = Self.rule()
        years.years = YearSet([2026, 2028])
        #expect(
            Self.refusal(.recurring([years], zone: "UTC"))
                == "quartz: rule 1, years: 2026,2028 is not one contiguous range; the portable form (wyn.md §4.7) writes "
                + "'*' or one range per line")
        years.years = YearSet([Int]())
        #expect(
            Self.refusal(.recurring([years], zone: "UTC"))
                == "quartz: rule 1, years: selects no year the engine reaches, so the rule never fires")
        #expect(
            Self.refusal(Schedule(kind: .manual, zone: "UTC"))
                == "quartz: kind: a manual schedule has no Quartz expression")
        #expect(
            Self.refusal(Schedule(kind: .once(QuartzTestSupport.reference), zone: "UTC"))
                == "quartz: kind: a one-time schedule has no Quartz expression; Quartz repeats")
        let excluded = Schedule.recurring(
            [Self.rule()], zone: "UTC", exclusions: [.instant(QuartzTestSupport.reference)])
        #expect(Self.refusal(excluded) == "quartz: exclusions: Quartz has no excluded dates (1 given)")
        let overlapStart = Schedule.recurring(
            [Self.rule()], zone: "America/New_York",
            window: ScheduleWindow(start: .instant(try QuartzTestSupport.instant("2026-11-01T05:30:00Z"))))
        #expect(
            Self.refusal(overlapStart)
                == "quartz: window start: 2026-11-01T05:30:00Z reads 2026-11-01T01:30:00, a time that occurs twice; "
                + "Quartz compares the start on the wall clock and cannot tell the two apart")
        #expect(
            Self.refusal(.recurring([Self.rule(policy: .javaQuartz)], zone: "UTC"), dialect: .quartzNet)
                == "quartz-net: rule 1, DST policy: gap skip, overlap later is not Quartz.NET's; it shifts a time in a "
                + "spring-forward gap forward and fires a repeated time at its first pass (fixed times) or at both "
                + "(interval expressions)")
    }

    @Test func printsAnInstantStartAsItsWallClockReading() throws {
        let schedule = Schedule.recurring(
            [Self.rule()], zone: "America/New_York",
            window: ScheduleWindow(start: .instant(try QuartzTestSupport.instant("2026-04-04T05:00:00Z"))))
        #expect(
            try Dialect.quartz.print(schedule).context.start == (try QuartzTestSupport.local("2026-04-04T01:00:00")))
    }

    static let roundTrips = [
        "0 0 8 ? * MON-FRI *", "0 0 18 LW * ? *", "0 30 9 ? * MON *", "0 0 10 ? 1,4,7,10 6#3 *", "0 0/30 * * * ?",
        "*/10 * * * * ?", "0 0 22-2 * * ?", "0 0 8 ? NOV-FEB MON", "0 0 8 L-27 * ?", "0 0 8 28W * ?", "0 0 8 ? * FRIL",
        "0 0 8 ? * 1#5", "15,45 5/7 1-4,9,12 1-5,20 2-11/3 ?", "0 0 12 * * ? 2026-2030", "0 0 12 1 1 ? 2126",
        "0 0 8 ? * 1-7/8", "0 0 8 5X * ?", "0 0 8 1,15W * ?",
    ]

    @Test(arguments: roundTrips)
    func roundTripsThroughItsNormalForm(_ line: String) throws {
        let schedule = try QuartzTestSupport.parse(line)
        let text = try Dialect.quartz.print(schedule)
        #expect(try Dialect.quartz.parse(text.lines, context: text.context) == schedule)
        // The normal form is a fixed point.
        #expect(try Dialect.quartz.print(Dialect.quartz.parse(text.lines, context: text.context)) == text)
    }
}
