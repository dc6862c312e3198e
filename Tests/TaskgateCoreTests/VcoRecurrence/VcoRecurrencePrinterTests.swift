import Testing

@testable import TaskgateCore

/// Writing one vCO task's cycle and pattern in canonical form, and every refusal word for word.
@Suite struct VcoRecurrencePrinterTests {
    /// From 2026-04-04T05:00:00Z.
    static let start = ScheduleWindow(start: .instant(Instant(secondsSinceEpoch: 1_775_278_800)))

    static func rule(
        seconds: [Int] = [0], minutes: [Int] = [0], hours: [Int] = [8], days: DaySelector = .everyDay,
        policy: DSTPolicy = VcoRecurrenceCycle.javaCalendarPolicy
    ) -> ScheduleRule {
        ScheduleRule(
            seconds: FieldSet(seconds), minutes: FieldSet(minutes), hours: FieldSet(hours), days: days,
            dstPolicy: policy)
    }

    static func printed(_ rules: [ScheduleRule], zone: String = "America/New_York") throws -> String {
        try Dialect.vco.print(.recurring(rules, zone: zone, window: start)).lines.joined(separator: " | ")
    }

    @Test(arguments: [
        (
            "EVERY_WEEKS (Europe/Zurich) fri 22:00:00 , mon 2:0:0",
            "every-weeks (Europe/Zurich) Monday 02:00:00,Friday 22:00:00,"
        ),
        ("every-hours 15:15", "every-hours (UTC) 15:15,"),
        ("every-days (Europe/Zurich) 19:30:00,01:00:00,01:00:00", "every-days (Europe/Zurich) 01:00:00,19:30:00,"),
        (
            "every-months (Europe/Zurich) 12 00:00:00,1 00:00:00",
            "every-months (Europe/Zurich) 01 00:00:00,12 00:00:00,"
        ),
        ("every-minutes 30,0", "every-minutes (UTC) 00,30,"),
        (
            "every-weeks (UTC) Sun 12:00:00,Mon 12:00:00,Tue 12:00:00,Wed 12:00:00,Thu 12:00:00,Fri 12:00:00,Sat 12:00:00,",
            "every-days (UTC) 12:00:00,"
        ),
        ("one-time (Europe/Zurich)", "one-time (Europe/Zurich) "),
    ])
    func writesCanonicalForm(text: String, canonical: String) throws {
        let result = try DialectTesting.roundTrip(.vco, [text], start: "2026-04-04T05:00:00")
        #expect(result.printed.lines.joined(separator: " | ") == canonical)
        #expect(result.equal)
        #expect(
            result.printed.context.start
                == (try DialectTesting.local(text.contains("Zurich") ? "2026-04-04T07:00:00" : "2026-04-04T05:00:00")))
    }

    @Test func roundTripsTheWorkedExamples() throws {
        for text in [
            "every-weeks (America/New_York) Monday 08:00:00,Tuesday 08:00:00,Wednesday 08:00:00,Thursday 08:00:00,Friday 08:00:00,",
            "every-months (Europe/Zurich) 01 00:00:00,12 00:00:00,", "every-days (Europe/Zurich) 01:00:00,19:30:00,",
        ] {
            let result = try DialectTesting.roundTrip(.vco, [text], start: "2026-04-04T05:00:00")
            #expect(result.equal)
            #expect(result.printed.lines == [text])
        }
    }

    @Test func picksTheShortestCycleWithTheRulesPolicy() throws {
        #expect(
            try Self.printed([
                Self.rule(seconds: [30], minutes: Array(0...59), hours: Array(0...23), policy: .wallClock)
            ])
                == "every-minutes (America/New_York) 30,")
        #expect(
            try Self.printed([Self.rule(minutes: [0, 15, 30, 45], hours: Array(0...23), policy: .wallClock)])
                == "every-hours (America/New_York) 00:00,15:00,30:00,45:00,")
        #expect(try Self.printed([Self.rule()]) == "every-days (America/New_York) 08:00:00,")
        // Minute 30 of every hour, resolved like a calendar time: the hour cycle runs in real time and
        // would differ on DST days, so every hour becomes an item of the day cycle.
        let hourly = try Self.printed([Self.rule(minutes: [30], hours: Array(0...23))])
        #expect(hourly.hasPrefix("every-days (America/New_York) 00:30:00,01:30:00,"))
        #expect(hourly.hasSuffix("23:30:00,"))
        // A wall-clock daily 08:00 never meets a DST change in New York.
        #expect(try Self.printed([Self.rule(policy: .wallClock)]) == "every-days (America/New_York) 08:00:00,")
    }

    @Test func writesWeekdayAndMonthDayRulesTogetherAsTheirCycle() throws {
        let weekdays = [
            Self.rule(hours: [2], days: .weekdays(WeekdaySet(every: [Weekday.monday]))),
            Self.rule(hours: [22], days: .weekdays(WeekdaySet(every: [Weekday.friday]))), Self.rule(hours: [12]),
        ]
        #expect(
            try Self.printed(weekdays, zone: "Europe/Zurich")
                == "every-weeks (Europe/Zurich) Monday 02:00:00,Monday 12:00:00,"
                + "Tuesday 12:00:00,Wednesday 12:00:00,Thursday 12:00:00,Friday 12:00:00,Friday 22:00:00,Saturday 12:00:00,Sunday 12:00:00,"
        )
        let monthDays = [Self.rule(minutes: [0, 30], hours: [0], days: .monthDays(MonthDaySet(days: [1, 31])))]
        #expect(
            try Self.printed(monthDays, zone: "UTC")
                == "every-months (UTC) 01 00:00:00,01 00:30:00,31 00:00:00,31 00:30:00,")
    }

    @Test func leavesTheStartToTheCreatorWhenTheScheduleHasNone() throws {
        let text = try Dialect.vco.print(.recurring([Self.rule()], zone: "UTC"))
        #expect(text.lines == ["every-days (UTC) 08:00:00,"])
        #expect(text.context.start == nil)
        let readBack = try Dialect.vco.parse(text.lines, context: text.context)
        #expect(readBack.window.start == .instant(Instant(secondsSinceEpoch: 0)))
    }

    @Test func writesAOneTimeTask() throws {
        let at = try DialectTesting.instant("2026-07-01T06:30:00Z")
        let text = try Dialect.vco.print(Schedule(kind: .once(at), zone: "Europe/Zurich"))
        #expect(text.lines == ["one-time (Europe/Zurich) "])
        #expect(text.context.start == (try DialectTesting.local("2026-07-01T08:30:00")))
    }

    @Test(arguments: [
        (rule().with(months: [1]), "vco: rule 1, months: a vCO task has no month filter; months 1 cannot be held"),
        (
            rule().with(years: YearSet([2027])),
            "vco: rule 1, years: a vCO task has no year filter; years 2027 cannot be held"
        ),
        (
            rule(days: .monthDays(.lastDay)),
            "vco: rule 1, day selector: a vCO task has no last day or nearest weekday of the month (vco.md §11 V3)"
        ),
        (
            rule(days: .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(.friday, 3)]))),
            "vco: rule 1, day selector: a vCO task has no n-th or last weekday of the month (vco.md §11 V3)"
        ),
        (
            rule(days: .both(MonthDaySet(days: [13]), WeekdaySet(every: [Weekday.friday]))),
            "vco: rule 1, day selector: a vCO item names a weekday or a day of the month, never a combination of both"
        ),
        (
            rule(days: .either(MonthDaySet(days: [13]), WeekdaySet(every: [Weekday.friday]))),
            "vco: rule 1, day selector: a vCO item names a weekday or a day of the month, never a combination of both"
        ),
        (
            rule().with(
                interval: RuleInterval(
                    step: .calendar(.week, every: 2), anchor: LocalDateTime(year: 2026, month: 4, day: 6))),
            "vco: rule 1, interval: a vCO cycle has no multiplier: 'every 2 weeks' cannot be held (vco.md §11 V1)"
        ),
        (
            rule().with(
                interval: RuleInterval(
                    step: .calendar(.day, every: 1), anchor: LocalDateTime(year: 2026, month: 4, day: 6), count: 2)),
            "vco: rule 1, count: a vCO task cannot stop after a number of runs"
        ),
        (
            rule().with(
                interval: RuleInterval(
                    step: .calendar(.month, every: 1), anchor: LocalDateTime(year: 2026, month: 4, day: 6),
                    setPositions: [-1])),
            "vco: rule 1, set positions: a vCO task cannot pick the n-th match of a period"
        ),
        (
            rule().with(yearDays: YearDaySet([1])),
            "vco: rule 1, year days: a vCO task cannot select days by their place in the year"
        ),
        (
            rule().with(weekNumbers: WeekNumberSet([1])),
            "vco: rule 1, week numbers: a vCO task cannot select weeks of the year"
        ),
        (rule(hours: [24]), "vco: rule 1, hours: 24 lies outside 0-23"),
        (
            rule(minutes: Array(0...59), hours: Array(0...23)),
            "vco: items: the pattern needs at least 1440 every-days items; taskgate writes at most 1000 per vCO task (vco.md §5.3)"
        ),
        (
            rule(minutes: [30], hours: [1], policy: .rfc5545),
            "vco: DST policy: the rules' DST policies differ from what every-days (gap shift-forward, overlap later) can have, and they select local times at DST changes of America/New_York"
        ),
    ])
    func refusesWhatOneTaskCannotHold(rule: ScheduleRule, message: String) {
        #expect(
            DialectTesting.printError(.vco, .recurring([rule], zone: "America/New_York", window: Self.start)) == message
        )
    }

    @Test func refusesSchedulesOneTaskCannotHold() throws {
        #expect(
            DialectTesting.printError(.vco, .recurring([Self.rule()], zone: "Mars/Olympus", window: Self.start))
                == "vco: zone: unknown time zone 'Mars/Olympus'; expected an IANA name such as Europe/Berlin")
        #expect(
            DialectTesting.printError(.vco, .recurring([], zone: "UTC", window: Self.start))
                == "vco: rules: the schedule has no rule")
        let at = try DialectTesting.instant("2026-05-01T00:00:00Z")
        let mixed = [
            Self.rule(days: .weekdays(WeekdaySet(every: [Weekday.monday]))),
            Self.rule(days: .monthDays(MonthDaySet(days: [1]))),
        ]
        #expect(
            DialectTesting.printError(.vco, .recurring(mixed, zone: "UTC", window: Self.start))
                == "vco: day selector: rules of weekdays and rules of days of the month need two cycles; one vCO task has one"
        )
        #expect(
            DialectTesting.printError(.vco, Schedule(kind: .manual, zone: "UTC"))
                == "vco: kind: a vCO task always has a schedule; running only by hand is running the workflow (vco.md §4.1)"
        )
        #expect(
            DialectTesting.printError(.vco, Schedule(kind: .event("reboot"), zone: "UTC"))
                == "vco: kind: a vCO task cannot wait for an event ('reboot')")
        #expect(
            DialectTesting.printError(
                .vco, .recurring([Self.rule()], zone: "UTC", window: Self.start, exclusions: [.instant(at)]))
                == "vco: exclusions: a vCO task cannot leave out single dates")
        let secondPass = try DialectTesting.instant("2026-11-01T06:30:00Z")
        #expect(
            DialectTesting.printError(.vco, Schedule(kind: .once(secondPass), zone: "America/New_York"))
                == "vco: window start: the start 2026-11-01T06:30:00Z is the second pass of a repeated local time or lies within two days of a DST change of America/New_York; the local start of the text cannot name it"
        )
    }
}
