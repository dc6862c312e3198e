import Testing

@testable import TaskgateCore

/// Reading `CYCLE PATTERN`: the lenient forms vco.md §5.1 asks for, and every rejection word for word.
@Suite struct VcoRecurrenceParserTests {
    static func parse(_ text: String) throws -> VcoRecurrenceParser.Result {
        try VcoRecurrenceParser(text).parse()
    }

    @Test(arguments: [
        (
            "every-weeks (Europe/Zurich) Monday 02:00:00,Friday 22:00:00,", VcoRecurrenceCycle.everyWeeks,
            String?("Europe/Zurich"),
            [VcoRecurrenceItem(day: 1, secondOfDay: 7200), VcoRecurrenceItem(day: 5, secondOfDay: 79_200)]
        ),
        (
            "EVERY_WEEKS (Europe/Zurich) fri 22:00:00 , MON 2:0:0", .everyWeeks, "Europe/Zurich",
            [VcoRecurrenceItem(day: 1, secondOfDay: 7200), VcoRecurrenceItem(day: 5, secondOfDay: 79_200)]
        ),
        ("every-hours 15:15", .everyHours, nil, [VcoRecurrenceItem(day: 0, secondOfDay: 915)]),
        (
            "Every_Minutes ( UTC ) 30,00,30,", .everyMinutes, "UTC",
            [VcoRecurrenceItem(day: 0, secondOfDay: 0), VcoRecurrenceItem(day: 0, secondOfDay: 30)]
        ),
        (
            "every-months (Europe/Zurich) 01 00:00:00,12 00:00:00,", .everyMonths, "Europe/Zurich",
            [VcoRecurrenceItem(day: 1, secondOfDay: 0), VcoRecurrenceItem(day: 12, secondOfDay: 0)]
        ),
        (
            "every-days 19:30:00,01:00:00", .everyDays, nil,
            [VcoRecurrenceItem(day: 0, secondOfDay: 3600), VcoRecurrenceItem(day: 0, secondOfDay: 70_200)]
        ),
        ("one-time (Europe/Zurich) ", .oneTime, "Europe/Zurich", []),
        ("ONE_TIME", .oneTime, nil, []),
    ])
    func readsLeniently(text: String, cycle: VcoRecurrenceCycle, zone: String?, items: [VcoRecurrenceItem]) throws {
        let result = try Self.parse(text)
        #expect(result.cycle == cycle)
        #expect(result.zone == zone)
        #expect(result.items == items)
    }

    @Test(arguments: [
        (
            "",
            "vco: recurrence (column 1) '': a vCO task has one recurrence-cycle and recurrence-pattern; found 0 lines"
        ),
        (
            "(UTC) 01:00:00,",
            "vco: recurrence-cycle (column 1) '(UTC)': expected one-time, every-minutes, every-hours, every-days, every-weeks or every-months"
        ),
        (
            "every-2-weeks Monday 02:00:00,",
            "vco: recurrence-cycle (column 1) 'every-2-weeks': expected one-time, every-minutes, every-hours, every-days, every-weeks or every-months"
        ),
        (
            "every-days (Europe/Zurich 01:00:00,",
            "vco: zone (column 12) '(Europe/Zurich 01:00:00,': the zone prefix is not closed; expected ')'"
        ),
        (
            "every-days (Europe/Zürich) 01:00:00,",
            "vco: zone (column 13) 'Europe/Zürich': unknown time zone; expected an IANA name such as Europe/Zurich"
        ),
        (
            "every-days (UTC) 24:00:00,",
            "vco: recurrence-pattern (column 18) '24:00:00': expected HH:MM:SS, an hour 00-23 and a minute and a second 00-59"
        ),
        (
            "every-days (UTC) 01:00,",
            "vco: recurrence-pattern (column 18) '01:00': expected HH:MM:SS, an hour 00-23 and a minute and a second 00-59"
        ),
        (
            "every-days (UTC) 001:00:00,",
            "vco: recurrence-pattern (column 18) '001:00:00': expected HH:MM:SS, an hour 00-23 and a minute and a second 00-59"
        ),
        (
            "every-hours 15:60",
            "vco: recurrence-pattern (column 13) '15:60': expected MM:SS, a minute and a second 00-59"
        ),
        ("every-minutes 60,", "vco: recurrence-pattern (column 15) '60': expected SS, a second 00-59"),
        (
            "every-weeks Mondays 02:00:00,",
            "vco: recurrence-pattern (column 13) 'Mondays 02:00:00': expected Weekday HH:MM:SS: a weekday (Monday or Mon, any case) and a time of day"
        ),
        (
            "every-weeks 02:00:00,",
            "vco: recurrence-pattern (column 13) '02:00:00': expected Weekday HH:MM:SS: a weekday (Monday or Mon, any case) and a time of day"
        ),
        (
            "every-months 32 00:00:00,",
            "vco: recurrence-pattern (column 14) '32 00:00:00': expected DD HH:MM:SS: a day 01-31 and a time of day"
        ),
        (
            "every-months 00 00:00:00,",
            "vco: recurrence-pattern (column 14) '00 00:00:00': expected DD HH:MM:SS: a day 01-31 and a time of day"
        ),
        (
            "every-days 01:00:00,,02:00:00",
            "vco: recurrence-pattern (column 21) '': empty item between commas; expected HH:MM:SS"
        ),
        (
            "every-days ,01:00:00",
            "vco: recurrence-pattern (column 12) '': empty item between commas; expected HH:MM:SS"
        ),
        ("every-days (UTC) ", "vco: recurrence-pattern (column 18) '': expected at least one item (HH:MM:SS)"),
        (
            "one-time (UTC) 01:00:00",
            "vco: recurrence-pattern (column 16) '01:00:00': a one-time task has no items; expected only the zone prefix"
        ),
    ])
    func rejects(text: String, message: String) throws {
        #expect(try DialectTesting.parseError(.vco, [text]) == message)
    }

    @Test func rejectsSeveralLines() throws {
        #expect(
            try DialectTesting.parseError(.vco, ["every-hours 15:15", "every-days 01:00:00"])
                == "vco: recurrence (column 1) 'every-hours 15:15': a vCO task has one recurrence-cycle and recurrence-pattern; found 2 lines"
        )
    }

    @Test(arguments: [
        ("every-weeks", VcoRecurrenceCycle.everyWeeks), ("EVERY_MONTHS", .everyMonths), ("One-Time", .oneTime),
    ])
    func readsCycleSpellings(spelling: String, cycle: VcoRecurrenceCycle) {
        #expect(VcoRecurrenceCycle(spelling: spelling) == cycle)
    }

    @Test func assumesJavaCalendarResolutionForCalendarCycles() {
        #expect(VcoRecurrenceCycle.everyDays.dstPolicy == DSTPolicy(gap: .shiftForward, overlap: .later))
        #expect(VcoRecurrenceCycle.everyHours.dstPolicy == .wallClock)
    }
}
