import Testing

@testable import TaskgateCore

/// fylr schedule objects: the worked examples of fylr.md §10 with their stated instants, the
/// reader rules of §11.7, and every rejection word for word.
@Suite struct FieldScheduleReaderTests {
    static let weekdayMornings =
        #"{"weekdays":["monday","tuesday","wednesday","thursday","friday"],"hours":[7],"minutes":[30],"timezone":"Europe/Berlin"}"#
    static let firstSunday =
        #"{"days_of_month":[1,2,3,4,5,6,7],"weekdays":["sunday"],"hours":[10],"minutes":[0],"timezone":"Europe/Berlin"}"#
    static let fridayThirteenth =
        #"{"days_of_month":[13],"weekdays":["friday"],"hours":[0],"minutes":[0],"timezone":"UTC"}"#
    static let everyNinetyMinutes =
        #"[{"hours":[0,3,6,9,12,15,18,21],"minutes":[0],"timezone":"UTC"},"#
        + #"{"hours":[1,4,7,10,13,16,19,22],"minutes":[30],"timezone":"UTC"}]"#
    static let businessHours =
        #"{"hours":[8,9,10,11,12,13,14,15,16,17],"minutes":[0,15,30,45],"weekdays":[],"days_of_month":[],"timezone":"UTC"}"#

    @Test(arguments: [
        // §10 A: the UTC time moves with DST.
        (weekdayMornings, "2025-03-27T07:00:00Z", ["2025-03-28T06:30:00Z", "2025-03-31T05:30:00Z"]),
        // §10 B: days 1-7 AND Sunday.
        (
            firstSunday, "2025-01-01T00:00:00Z",
            [
                "2025-01-05T09:00:00Z", "2025-02-02T09:00:00Z", "2025-03-02T09:00:00Z", "2025-04-06T08:00:00Z",
                "2025-05-04T08:00:00Z",
            ]
        ),
        // §10 C: Friday the 13th.
        (
            fridayThirteenth, "2025-01-01T00:00:00Z",
            ["2025-06-13T00:00:00Z", "2026-02-13T00:00:00Z", "2026-03-13T00:00:00Z", "2026-11-13T00:00:00Z"]
        ),
        // §10 D: a union of two schedules.
        (
            everyNinetyMinutes, "2024-12-31T23:59:59Z",
            ["2025-01-01T00:00:00Z", "2025-01-01T01:30:00Z", "2025-01-01T03:00:00Z", "2025-01-01T04:30:00Z"]
        ),
        // §10 E: empty day lists are any day.
        (
            businessHours, "2025-01-01T17:30:00Z",
            ["2025-01-01T17:45:00Z", "2025-01-02T08:00:00Z", "2025-01-02T08:15:00Z"]
        ),
        // §10 F: read literally, 02:30 is skipped on 2025-03-09 and 01:30 matches twice on 2025-11-02.
        (
            #"{"hours":[2],"minutes":[30],"timezone":"America/New_York"}"#, "2025-03-08T00:00:00Z",
            ["2025-03-08T07:30:00Z", "2025-03-10T06:30:00Z"]
        ),
        (
            #"{"hours":[1],"minutes":[30],"timezone":"America/New_York"}"#, "2025-11-02T00:00:00Z",
            ["2025-11-02T05:30:00Z", "2025-11-02T06:30:00Z", "2025-11-03T06:30:00Z"]
        ),
    ])
    func firesAtTheWorkedExamplesInstants(text: String, after: String, expected: [String]) throws {
        #expect(try DialectTesting.next(.fylr, text, after: after, count: expected.count) == expected)
    }

    @Test func readsTheExamplesIntoTheModel() throws {
        let mornings = try #require(DialectTesting.parse(.fylr, [Self.weekdayMornings]).rules.first)
        #expect(mornings.days == .weekdays(WeekdaySet(every: [.monday, .tuesday, .wednesday, .thursday, .friday])))
        #expect(mornings.dstPolicy == .wallClock)
        #expect(mornings.seconds == FieldSet([0]))
        #expect(mornings.months == .everyMonth)
        let sunday = try #require(DialectTesting.parse(.fylr, [Self.firstSunday]).rules.first)
        #expect(sunday.days == .both(MonthDaySet(days: 1...7), WeekdaySet(every: [.sunday])))
        let schedule = try DialectTesting.parse(.fylr, [Self.firstSunday], zone: "UTC")
        #expect(schedule.zone == "Europe/Berlin")
    }

    @Test(arguments: [
        (
            #"{"weekdays":["Mon","TUESDAY","wed"]}"#,
            DaySelector.weekdays(WeekdaySet(every: [.monday, .tuesday, .wednesday]))
        ),
        (#"{"weekdays":[],"days_of_month":null}"#, DaySelector.everyDay),
        (#"{"days_of_month":[31,1,1]}"#, DaySelector.monthDays(MonthDaySet(days: [1, 31]))),
        (
            #"{"weekdays":["sun","mon","tue","wed","thu","fri","sat"],"days_of_month":[5]}"#,
            DaySelector.monthDays(MonthDaySet(days: [5]))
        ),
    ])
    func readsDaysLeniently(text: String, days: DaySelector) throws {
        #expect(try DialectTesting.parse(.fylr, [text]).rules.first?.days == days)
    }

    @Test func emptyOrMissingTimeListsAreEveryValue() throws {
        let rule = try #require(DialectTesting.parse(.fylr, [#"{"minutes":[],"hours":null}"#]).rules.first)
        #expect(rule.minutes == .everyMinute)
        #expect(rule.hours == .everyHour)
    }

    @Test func missingZoneIsTheContextsZone() throws {
        let schedule = try DialectTesting.parse(.fylr, [#"{"hours":[8],"minutes":[0]}"#], zone: "Asia/Kolkata")
        #expect(schedule.zone == "Asia/Kolkata")
    }

    @Test func readsOneJSONTextPerLine() throws {
        let schedule = try DialectTesting.parse(
            .fylr, [#"{"hours":[8],"minutes":[0],"timezone":"UTC"}"#, "", #"[{"hours":[9],"minutes":[0]}]"#])
        #expect(schedule.rules.map(\.hours) == [FieldSet([8]), FieldSet([9])])
    }

    @Test(arguments: [
        (#"{"hours":[25]}"#, "fylr: schedules[0].hours[0] (column 11) '25': expected an integer 0-23"),
        (
            #"[{"hours":[1]},{"hours":[1,2,24]}]"#,
            "fylr: schedules[1].hours[2] (column 30) '24': expected an integer 0-23"
        ),
        (#"{"minutes":[-1]}"#, "fylr: schedules[0].minutes[0] (column 13) '-1': expected an integer 0-59"),
        (#"{"minutes":[8.0]}"#, "fylr: schedules[0].minutes[0] (column 13) '8.0': expected an integer 0-59"),
        (
            #"{"minutes":["8"]}"#,
            "fylr: schedules[0].minutes[0] (column 13) '\"8\"': expected an integer 0-59, found a string"
        ),
        (#"{"days_of_month":[0]}"#, "fylr: schedules[0].days_of_month[0] (column 19) '0': expected an integer 1-31"),
        (#"{"days_of_month":[32]}"#, "fylr: schedules[0].days_of_month[0] (column 19) '32': expected an integer 1-31"),
        (
            #"{"weekdays":["mondays"]}"#,
            "fylr: schedules[0].weekdays[0] (column 14) '\"mondays\"': expected a weekday: sunday, monday, tuesday, wednesday, thursday, friday, saturday or their first three letters"
        ),
        (
            #"{"weekdays":[1]}"#,
            "fylr: schedules[0].weekdays[0] (column 14) '1': expected a weekday: sunday, monday, tuesday, wednesday, thursday, friday, saturday or their first three letters, found a number"
        ),
        (#"{"hours":8}"#, "fylr: schedules[0].hours (column 10) '8': expected a list, found a number"),
        (
            #"{"timezone":"Mars/Olympus"}"#,
            "fylr: schedules[0].timezone (column 13) 'Mars/Olympus': unknown time zone; expected an IANA name such as Europe/Berlin"
        ),
        (
            #"{"timezone":1}"#,
            "fylr: schedules[0].timezone (column 13) '1': expected an IANA zone name as a string, found a number"
        ),
        (
            #"{"months":[1]}"#,
            "fylr: schedules[0].months (column 2) 'months': unknown key; expected minutes, hours, days_of_month, weekdays or timezone (fylr.md §5.1)"
        ),
        (
            #"{"hours":[1],"hours":[2]}"#,
            "fylr: schedules[0].hours (column 14) 'hours': the key appears twice; expected it once"
        ),
        (
            #"[{"timezone":"Europe/Berlin"},{"timezone":"UTC"}]"#,
            "fylr: schedules[1].timezone (column 43) 'UTC': schedules[0] is in Europe/Berlin and schedules[1] in UTC; the schedules of one task must share one zone"
        ),
        (
            #"[{"timezone":"Europe/Berlin"},{"hours":[1]}]"#,
            "fylr: schedules[1].timezone (column 31) 'UTC': schedules[0] is in Europe/Berlin and schedules[1] in UTC; the schedules of one task must share one zone"
        ),
        (#"[]"#, "fylr: schedules (column 1) '[]': expected at least one schedule object"),
        (#"[1]"#, "fylr: schedules[0] (column 2) '1': expected a schedule object, found a number"),
        (
            #""daily""#,
            "fylr: schedules (column 1) '\"daily\"': expected a schedule object or an array of them, found a string"
        ),
        (#"{"hours":[1]"#, "fylr: JSON (column 13) '': expected ',' or '}'"),
        (
            #"{"hours":[1,]}"#,
            "fylr: JSON (column 13) ']': expected a JSON value (object, array, string, number, true, false or null)"
        ),
        (#"{hours:[1]}"#, "fylr: JSON (column 2) 'h': expected a key in double quotes"),
        (
            #"{"hours":[01]}"#,
            "fylr: JSON (column 12) '1': a number may not start with 0; write it without leading zeros"
        ),
        (
            #"{"hours":[1]} x"#,
            "fylr: JSON (column 15) 'x': unexpected text after the JSON value; expected the end of the line"
        ),
        (#"{"hours":tru}"#, "fylr: JSON (column 10) 't': expected true"),
        (
            #"{"weekdays":["mon\day"]}"#,
            "fylr: JSON (column 19) 'd': unknown escape '\\d'; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u"
        ),
    ])
    func rejects(text: String, message: String) throws {
        #expect(try DialectTesting.parseError(.fylr, [text]) == message)
    }

    @Test func rejectsNoSchedule() throws {
        #expect(
            try DialectTesting.parseError(.fylr, ["  "])
                == "fylr: schedules (column 1) '': expected a schedule object or an array of them")
    }

    @Test func rejectsDeepNestingWithoutExhaustingTheStack() throws {
        #expect(
            try DialectTesting.parseError(.fylr, [String(repeating: "[", count: 100_000)])
                == "fylr: JSON (column 17) '[': the JSON nests deeper than 16 levels; a schedule needs 3")
    }

    @Test func readsEscapesInStrings() throws {
        let schedule = try DialectTesting.parse(.fylr, [#"{"weekdays":["\u004donday"],"timezone":"Europe\/Berlin"}"#])
        #expect(schedule.zone == "Europe/Berlin")
        #expect(schedule.rules.first?.days == .weekdays(WeekdaySet(every: [Weekday.monday])))
    }

    @Test func usesTheContextWindow() throws {
        let schedule = try DialectTesting.parse(.fylr, [Self.weekdayMornings], start: "2025-03-31T00:00:00")
        #expect(
            try schedule.nextOccurrences(after: DialectTesting.instant("2025-03-27T00:00:00Z"), count: 1).map(
                \.description)
                == ["2025-03-31T05:30:00Z"])
    }
}
