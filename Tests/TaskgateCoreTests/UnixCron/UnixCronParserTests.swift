import Testing

@testable import TaskgateCore

/// The crontab grammar: every construct with its exact instants, and every rejection word for word.
@Suite struct UnixCronParserTests {
    @Test(arguments: [
        (
            "*/15 * * * *", "2026-01-01T00:00:00Z",
            ["2026-01-01T00:15:00Z", "2026-01-01T00:30:00Z", "2026-01-01T00:45:00Z"]
        ),
        (
            "5 * * * *", "2026-01-01T00:00:00Z",
            ["2026-01-01T00:05:00Z", "2026-01-01T01:05:00Z", "2026-01-01T02:05:00Z"]
        ),
        (
            "0 9-17/4 * * *", "2026-01-01T10:00:00Z",
            ["2026-01-01T13:00:00Z", "2026-01-01T17:00:00Z", "2026-01-02T09:00:00Z"]
        ),
        (
            "0,30 8 * * *", "2026-01-01T00:00:00Z",
            ["2026-01-01T08:00:00Z", "2026-01-01T08:30:00Z", "2026-01-02T08:00:00Z"]
        ),
        (
            "0 0 * * MON-FRI", "2026-01-01T00:00:00Z",
            ["2026-01-02T00:00:00Z", "2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z"]
        ),
        (
            "0 0 * * sat,Sun", "2026-01-01T00:00:00Z",
            ["2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z", "2026-01-10T00:00:00Z"]
        ),
        (
            "0 12 * * 7", "2026-01-01T00:00:00Z",
            ["2026-01-04T12:00:00Z", "2026-01-11T12:00:00Z", "2026-01-18T12:00:00Z"]
        ),
        (
            "0 12 * * 5-7", "2026-01-01T00:00:00Z",
            ["2026-01-02T12:00:00Z", "2026-01-03T12:00:00Z", "2026-01-04T12:00:00Z"]
        ),
        (
            "0 0 1 jan,Jul *", "2026-01-01T00:00:00Z",
            ["2026-07-01T00:00:00Z", "2027-01-01T00:00:00Z", "2027-07-01T00:00:00Z"]
        ),
        (
            "0 0 1 FEB-APR/2 *", "2026-01-01T00:00:00Z",
            ["2026-02-01T00:00:00Z", "2026-04-01T00:00:00Z", "2027-02-01T00:00:00Z"]
        ),
        (
            "0 0 31 * *", "2026-01-01T00:00:00Z",
            ["2026-01-31T00:00:00Z", "2026-03-31T00:00:00Z", "2026-05-31T00:00:00Z"]
        ),
        (
            "0 0 29 2 *", "2026-01-01T00:00:00Z",
            ["2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z", "2036-02-29T00:00:00Z"]
        ),
        (
            "*/100 5 * * *", "2026-01-01T00:00:00Z",
            ["2026-01-01T05:00:00Z", "2026-01-02T05:00:00Z", "2026-01-03T05:00:00Z"]
        ),
        (
            "  0   6  *  *  *  ", "2026-01-01T00:00:00Z",
            ["2026-01-01T06:00:00Z", "2026-01-02T06:00:00Z", "2026-01-03T06:00:00Z"]
        ),
        // Both day fields restricted, neither starting with '*': either matches (Fridays or the 13th).
        (
            "0 0 13 * FRI", "2026-02-01T00:00:00Z",
            ["2026-02-06T00:00:00Z", "2026-02-13T00:00:00Z", "2026-02-20T00:00:00Z"]
        ),
        // A day field starting with '*' makes both required: odd days that are Mondays.
        (
            "0 0 */2 * 1", "2026-01-01T00:00:00Z",
            ["2026-01-05T00:00:00Z", "2026-01-19T00:00:00Z", "2026-02-09T00:00:00Z"]
        ),
        // The first Sunday of the month (fylr.md §10 B) in Debian cron: */7 is Sunday alone.
        (
            "0 10 1-7 * */7", "2025-01-01T00:00:00Z",
            ["2025-01-05T10:00:00Z", "2025-02-02T10:00:00Z", "2025-03-02T10:00:00Z"]
        ),
        ("@hourly", "2026-01-01T00:30:00Z", ["2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "2026-01-01T03:00:00Z"]),
        ("@daily", "2026-01-01T00:30:00Z", ["2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"]),
        (
            "@midnight", "2026-01-01T00:30:00Z",
            ["2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"]
        ),
        ("@weekly", "2026-01-01T00:00:00Z", ["2026-01-04T00:00:00Z", "2026-01-11T00:00:00Z", "2026-01-18T00:00:00Z"]),
        ("@monthly", "2026-01-01T00:00:00Z", ["2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"]),
        ("@yearly", "2026-01-01T00:00:00Z", ["2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", "2029-01-01T00:00:00Z"]),
        (
            "@annually", "2026-01-01T00:00:00Z",
            ["2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", "2029-01-01T00:00:00Z"]
        ),
    ])
    func readsConstruct(expression: String, after: String, expected: [String]) throws {
        #expect(try DialectTesting.next(.cron, expression, after: after, count: 3) == expected)
    }

    @Test func rebootIsAnEventWithoutInstants() throws {
        let schedule = try DialectTesting.parse(.cron, ["@reboot"])
        #expect(schedule.kind == .event("reboot"))
        #expect(try schedule.nextOccurrences(after: DialectTesting.reference, count: 3).isEmpty)
    }

    @Test func severalLinesAreAUnion() throws {
        let schedule = try DialectTesting.parse(.cron, ["0 8 * * *", "30 17 * * *"])
        #expect(schedule.rules.count == 2)
        #expect(
            try schedule.nextOccurrences(after: DialectTesting.instant("2026-01-01T00:00:00Z"), count: 3).map(
                \.description)
                == ["2026-01-01T08:00:00Z", "2026-01-01T17:30:00Z", "2026-01-02T08:00:00Z"])
    }

    @Test func contextGivesZoneAndLocalWindow() throws {
        let context = DialectContext(
            zone: "Europe/Berlin", start: try DialectTesting.local("2026-01-05T00:00:00"),
            end: .instant(try DialectTesting.instant("2026-01-07T12:00:00Z")), reference: DialectTesting.reference)
        let schedule = try Dialect.cron.parse(["0 9 * * *"], context: context)
        #expect(schedule.zone == "Europe/Berlin")
        #expect(
            try schedule.nextOccurrences(after: DialectTesting.instant("2026-01-01T00:00:00Z"), count: 5).map(
                \.description)
                == ["2026-01-05T08:00:00Z", "2026-01-06T08:00:00Z", "2026-01-07T08:00:00Z"])
    }

    @Test(arguments: [
        (
            "",
            "cron: expression (column 1) '': expected five fields (minute hour day-of-month month day-of-week) or an @ macro"
        ),
        (
            "0 0 * *",
            "cron: expression (column 1) '0 0 * *': expected five fields (minute hour day-of-month month day-of-week); found 4"
        ),
        (
            "0 0 0 * * *",
            "cron: expression (column 11) '*': Debian cron has five time fields; found 6 (a sixth field would be the command, which is not part of a schedule)"
        ),
        ("60 * * * *", "cron: minute (field 1, column 1) '60': expected 0-59"),
        ("* 24 * * *", "cron: hour (field 2, column 3) '24': expected 0-23"),
        ("* * 0 * *", "cron: day-of-month (field 3, column 5) '0': expected 1-31"),
        ("* * 32 * *", "cron: day-of-month (field 3, column 5) '32': expected 1-31"),
        ("* * * 13 *", "cron: month (field 4, column 7) '13': expected 1-12 or JAN-DEC"),
        ("* * * JANUARY *", "cron: month (field 4, column 7) 'JANUARY': expected 1-12 or JAN-DEC"),
        ("* * * * 8", "cron: day-of-week (field 5, column 9) '8': expected 0-7 or SUN-SAT"),
        ("* * * * MONDAY", "cron: day-of-week (field 5, column 9) 'MONDAY': expected 0-7 or SUN-SAT"),
        ("* * MON * *", "cron: day-of-month (field 3, column 5) 'MON': expected 1-31"),
        ("99999999999 * * * *", "cron: minute (field 1, column 1) '99999999999': expected 0-59"),
        (
            "5/15 * * * *",
            "cron: minute (field 1, column 1) '5/15': a step needs a range or '*' (Debian cron rejects a step after a single value); write 5-59/15"
        ),
        ("*/0 * * * *", "cron: minute (field 1, column 3) '0': expected a step from 1 to 999999999"),
        ("*/ * * * *", "cron: minute (field 1, column 3) '': expected a step from 1 to 999999999"),
        ("*/MON * * * *", "cron: minute (field 1, column 3) 'MON': expected a step from 1 to 999999999"),
        ("*/1234567890 * * * *", "cron: minute (field 1, column 3) '1234567890': expected a step from 1 to 999999999"),
        (
            "5-2 * * * *",
            "cron: minute (field 1, column 1) '5-2': the range runs backwards (Debian cron silently never runs such a field); expected the first value at most the last"
        ),
        (
            "* * * * SAT-SUN",
            "cron: day-of-week (field 5, column 9) 'SAT-SUN': the range runs backwards (Debian cron silently never runs such a field); expected the first value at most the last"
        ),
        ("1,,2 * * * *", "cron: minute (field 1, column 3) '': empty list element; expected a value between commas"),
        ("1, * * * *", "cron: minute (field 1, column 3) '': empty list element; expected a value between commas"),
        ("*-5 * * * *", "cron: minute (field 1, column 1) '*-5': '*' stands alone or takes a step ('*/n')"),
        ("1-2-3 * * * *", "cron: minute (field 1, column 3) '2-3': expected 0-59"),
        ("5! * * * *", "cron: minute (field 1, column 1) '5!': expected 0-59"),
        ("-1 * * * *", "cron: minute (field 1, column 1) '': expected 0-59"),
        ("* * ? * MON", "cron: day-of-month (field 3, column 5) '?': '?' is Quartz syntax; Debian cron writes '*'"),
        (
            "0 0 L * *",
            "cron: day-of-month (field 3, column 5) 'L': 'L' (the last day of the month) is a cronsim and Quartz extension, not Debian cron syntax"
        ),
        (
            "0 0 LW * *",
            "cron: day-of-month (field 3, column 5) 'LW': 'LW' (the last weekday of the month) is a cronsim and Quartz extension, not Debian cron syntax"
        ),
        (
            "0 0 15W * *",
            "cron: day-of-month (field 3, column 5) '15W': 'W' (the nearest weekday) is a Quartz extension, not Debian cron syntax"
        ),
        (
            "0 0 * * 5L",
            "cron: day-of-week (field 5, column 9) '5L': 'L' (the last such weekday of the month) is a cronsim and Quartz extension, not Debian cron syntax"
        ),
        (
            "0 0 * * MON#2",
            "cron: day-of-week (field 5, column 9) 'MON#2': '#' (the n-th weekday of the month) is a cronsim and Quartz extension, not Debian cron syntax"
        ),
        (
            "0 0 * * 1,FRI#3",
            "cron: day-of-week (field 5, column 11) 'FRI#3': '#' (the n-th weekday of the month) is a cronsim and Quartz extension, not Debian cron syntax"
        ),
        (
            "@daly",
            "cron: macro (column 1) '@daly': expected @reboot, @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly (lower case, as Debian cron compares them)"
        ),
        (
            "@DAILY",
            "cron: macro (column 1) '@DAILY': expected @reboot, @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly (lower case, as Debian cron compares them)"
        ),
        ("@daily /bin/true", "cron: macro (column 8) '/bin/true': a macro stands alone; expected nothing after @daily"),
    ])
    func rejects(expression: String, message: String) throws {
        #expect(try DialectTesting.parseError(.cron, [expression]) == message)
    }

    @Test func rejectsRebootBesideTimedLines() throws {
        #expect(
            try DialectTesting.parseError(.cron, ["0 8 * * *", "  @reboot"])
                == "cron: macro (column 3) '@reboot': @reboot runs at system start and cannot share a schedule with timed lines"
        )
    }

    @Test func rejectsNoLinesAtAll() throws {
        #expect(
            try DialectTesting.parseError(.cron, [])
                == "cron: expression (column 1) '': expected five fields (minute hour day-of-month month day-of-week) or an @ macro"
        )
    }

    @Test func errorPointsAtTheColumn() throws {
        let context = try DialectTesting.context(zone: "UTC")
        let error = #expect(throws: ScheduleSyntaxError.self) {
            try Dialect.cron.parse(["0 0 * * MON#2"], context: context)
        }
        #expect(error?.caretDiagram == "0 0 * * MON#2\n        ^")
        #expect(error?.fieldNumber == 5)
    }

    @Test(arguments: [
        String(repeating: "9", count: 400), "\u{0} \u{1} * * *", "🕐 * * * *",
        "*/" + String(repeating: "9", count: 100) + " * * * *", "1-" + String(repeating: "9", count: 50) + " * * * *",
        String(repeating: "[", count: 10_000),
    ])
    func rejectsHostileInputWithoutTrapping(input: String) throws {
        #expect(try DialectTesting.parseError(.cron, [input]) != nil)
    }

    @Test func readsAVeryLongList() throws {
        let schedule = try DialectTesting.parse(.cron, [String(repeating: "7,", count: 5000) + "8 * * * *"])
        #expect(schedule.rules.first?.minutes == FieldSet([7, 8]))
    }
}
