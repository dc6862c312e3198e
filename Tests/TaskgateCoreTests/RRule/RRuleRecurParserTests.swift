import Testing

@testable import TaskgateCore

/// Every rejection of the RECUR reader, word for word, and the forms it accepts.
@Suite struct RRuleRecurParserTests {
    @Test(arguments: [
        ("RRULE:BYHOUR=9", "rrule: FREQ (column 7) 'BYHOUR=9': FREQ is required (RFC 5545 §3.3.10)"),
        (
            "RRULE:FREQ=FORTNIGHTLY",
            "rrule: FREQ (column 12) 'FORTNIGHTLY': expected SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY"
        ),
        (
            "RRULE:FREQ=DAILY;INTERVAL=0",
            "rrule: INTERVAL (column 27) '0': expected a whole number from 1 to 2147483647"
        ),
        (
            "RRULE:FREQ=DAILY;INTERVAL=99999999999",
            "rrule: INTERVAL (column 27) '99999999999': expected a whole number from 1 to 2147483647"
        ),
        ("RRULE:FREQ=DAILY;COUNT=0", "rrule: COUNT (column 24) '0': expected a whole number from 1 to 2147483647"),
        ("RRULE:FREQ=DAILY;COUNT=-1", "rrule: COUNT (column 24) '-1': expected a whole number from 1 to 2147483647"),
        (
            "RRULE:FREQ=DAILY;UNTIL=2026",
            "rrule: UNTIL (column 24) '2026': expected a date YYYYMMDD or a date-time YYYYMMDDTHHMMSS, optionally "
                + "followed by Z"
        ),
        (
            "RRULE:FREQ=DAILY;UNTIL=20260230T000000Z",
            "rrule: UNTIL (column 24) '20260230T000000Z': expected a date YYYYMMDD or a date-time YYYYMMDDTHHMMSS, "
                + "optionally followed by Z"
        ),
        (
            "RRULE:FREQ=DAILY;COUNT=3;UNTIL=20300101T000000Z",
            "rrule: UNTIL (column 32) '20300101T000000Z': UNTIL and COUNT must not occur together (RFC 5545 §3.3.10)"
        ),
        (
            "RRULE:FREQ=DAILY;UNTIL=20300101T000000Z;COUNT=3",
            "rrule: COUNT (column 47) '3': UNTIL and COUNT must not occur together (RFC 5545 §3.3.10)"
        ),
        ("RRULE:FREQ=DAILY;BYSECOND=61", "rrule: BYSECOND (column 27) '61': expected 0 to 60"),
        ("RRULE:FREQ=DAILY;BYMINUTE=60", "rrule: BYMINUTE (column 27) '60': expected 0 to 59"),
        ("RRULE:FREQ=DAILY;BYHOUR=24", "rrule: BYHOUR (column 25) '24': expected 0 to 23"),
        ("RRULE:FREQ=DAILY;BYHOUR=+5", "rrule: BYHOUR (column 25) '+5': expected 0 to 23"),
        ("RRULE:FREQ=DAILY;BYHOUR=", "rrule: BYHOUR (column 25) '': expected 0 to 23"),
        ("RRULE:FREQ=DAILY;BYMINUTE=1,,2", "rrule: BYMINUTE (column 29) '': expected 0 to 59"),
        ("RRULE:FREQ=MONTHLY;BYMONTHDAY=0", "rrule: BYMONTHDAY (column 31) '0': expected 1 to 31 or -31 to -1"),
        ("RRULE:FREQ=MONTHLY;BYMONTHDAY=-32", "rrule: BYMONTHDAY (column 31) '-32': expected 1 to 31 or -31 to -1"),
        ("RRULE:FREQ=YEARLY;BYYEARDAY=367", "rrule: BYYEARDAY (column 29) '367': expected 1 to 366 or -366 to -1"),
        ("RRULE:FREQ=YEARLY;BYWEEKNO=54", "rrule: BYWEEKNO (column 28) '54': expected 1 to 53 or -53 to -1"),
        ("RRULE:FREQ=YEARLY;BYMONTH=13", "rrule: BYMONTH (column 27) '13': expected 1 to 12"),
        ("RRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "rrule: BYSETPOS (column 38) '0': expected 1 to 366 or -366 to -1"),
        (
            "RRULE:FREQ=MONTHLY;BYDAY=0MO",
            "rrule: BYDAY (column 26) '0MO': expected a weekday SU, MO, TU, WE, TH, FR or SA, optionally preceded by "
                + "an ordinal 1 to 53 or -53 to -1"
        ),
        (
            "RRULE:FREQ=YEARLY;BYDAY=54MO",
            "rrule: BYDAY (column 25) '54MO': expected a weekday SU, MO, TU, WE, TH, FR or SA, optionally preceded by "
                + "an ordinal 1 to 53 or -53 to -1"
        ),
        (
            "RRULE:FREQ=WEEKLY;BYDAY=MON",
            "rrule: BYDAY (column 25) 'MON': expected a weekday SU, MO, TU, WE, TH, FR or SA, optionally preceded by "
                + "an ordinal 1 to 53 or -53 to -1"
        ),
        ("RRULE:FREQ=WEEKLY;WKST=XX", "rrule: WKST (column 24) 'XX': expected SU, MO, TU, WE, TH, FR or SA"),
        (
            "RRULE:FREQ=WEEKLY;BYDAY=1MO",
            "rrule: BYDAY (column 25) '1MO': an ordinal weekday needs FREQ=MONTHLY or FREQ=YEARLY, not FREQ=WEEKLY "
                + "(RFC 5545 §3.3.10)"
        ),
        (
            "RRULE:FREQ=DAILY;BYDAY=MO,-1FR",
            "rrule: BYDAY (column 27) '-1FR': an ordinal weekday needs FREQ=MONTHLY or FREQ=YEARLY, not FREQ=DAILY "
                + "(RFC 5545 §3.3.10)"
        ),
        (
            "RRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO",
            "rrule: BYDAY (column 37) '1MO': an ordinal weekday must not be combined with BYWEEKNO (RFC 5545 §3.3.10)"
        ),
        (
            "RRULE:FREQ=WEEKLY;BYMONTHDAY=1",
            "rrule: BYMONTHDAY (column 30) '1': BYMONTHDAY is not allowed with FREQ=WEEKLY (RFC 5545 §3.3.10)"
        ),
        (
            "RRULE:FREQ=MONTHLY;BYYEARDAY=1",
            "rrule: BYYEARDAY (column 30) '1': BYYEARDAY is not allowed with FREQ=MONTHLY (RFC 5545 §3.3.10)"
        ),
        (
            "RRULE:FREQ=DAILY;BYYEARDAY=100",
            "rrule: BYYEARDAY (column 28) '100': BYYEARDAY is not allowed with FREQ=DAILY (RFC 5545 §3.3.10)"
        ),
        (
            "RRULE:FREQ=DAILY;BYWEEKNO=1",
            "rrule: BYWEEKNO (column 27) '1': BYWEEKNO is allowed only with FREQ=YEARLY, not FREQ=DAILY "
                + "(RFC 5545 §3.3.10)"
        ),
        (
            "RRULE:FREQ=MONTHLY;BYSETPOS=1",
            "rrule: BYSETPOS (column 29) '1': BYSETPOS needs another BYxxx rule part (RFC 5545 §3.3.10)"
        ),
        (
            "RRULE:FREQ=DAILY;BYHOUR=1;byhour=2",
            "rrule: BYHOUR (column 27) 'byhour=2': appears twice; each rule part may be given once (RFC 5545 §3.3.10)"
        ),
        (
            "RRULE:FREQ=DAILY;BYEASTER=0",
            "rrule: rule part (column 18) 'BYEASTER': unknown rule part; expected FREQ, UNTIL, COUNT, INTERVAL, "
                + "BYSECOND, BYMINUTE, BYHOUR, BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS or WKST"
        ),
        ("RRULE:FREQ=DAILY;", "rrule: rule part (column 18) '': expected NAME=VALUE, such as FREQ=DAILY"),
        (
            "RRULE:FREQ=DAILY; BYHOUR=9",
            "rrule: rule part (column 18) ' BYHOUR': unknown rule part; expected FREQ, UNTIL, COUNT, INTERVAL, "
                + "BYSECOND, BYMINUTE, BYHOUR, BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS or WKST"
        ),
        ("RRULE:FREQ", "rrule: rule part (column 7) 'FREQ': expected NAME=VALUE, such as FREQ=DAILY"),
    ])
    func rejectsWithAMessageNamingThePart(text: String, message: String) {
        #expect(RRuleTesting.rejection([text]) == message)
    }

    @Test func rejectsAnOverlongNumberWithoutOverflow() {
        let text = "RRULE:FREQ=DAILY;BYHOUR=" + String(repeating: "9", count: 40)
        #expect(
            RRuleTesting.rejection([text])
                == "rrule: BYHOUR (column 25) '\(String(repeating: "9", count: 40))': expected 0 to 23")
    }

    /// The largest COUNT and INTERVAL have ten digits; the reader stopped at nine and named a
    /// range that held the value it refused.
    @Test func readsTheLargestCountAndIntervalThatTheRejectionNames() throws {
        for part in ["COUNT", "INTERVAL"] {
            #expect(RRuleTesting.rejection(["RRULE:FREQ=YEARLY;\(part)=2147483647"]) == nil)
            #expect(RRuleTesting.rejection(["RRULE:FREQ=YEARLY;\(part)=0000000001"]) == nil)
        }
        #expect(
            RRuleTesting.rejection(["RRULE:FREQ=YEARLY;COUNT=2147483648"])
                == "rrule: COUNT (column 25) '2147483648': expected a whole number from 1 to 2147483647")
        let schedule = try RRuleTesting.parse(["RRULE:FREQ=YEARLY;INTERVAL=2000000000;COUNT=1000000000"])
        guard case .recurring(let rules) = schedule.kind else {
            Issue.record("not recurring")
            return
        }
        #expect(rules.first?.interval?.count == 1_000_000_000)
        #expect(rules.first?.interval?.step == .calendar(.year, every: 2_000_000_000))
    }

    @Test func readsEveryPart() throws {
        let parser = RRuleRecurParser(
            source: RRuleSource(lines: [
                "FREQ=YEARLY;INTERVAL=2;COUNT=5;BYSECOND=0,60;BYMINUTE=30;BYHOUR=9;BYDAY=MO,+2TU,-1FR;"
                    + "BYMONTHDAY=1,-1;BYYEARDAY=1,-366;BYMONTH=1,3;BYSETPOS=1,-1;WKST=SU"
            ]))
        let recur = try parser.parse(0..<parser.source.bytes.count)
        var expected = RRuleRecur(frequency: .year)
        expected.interval = 2
        expected.count = 5
        expected.seconds = [0, 60]
        expected.minutes = [30]
        expected.hours = [9]
        expected.days = [
            RRuleRecur.Day(weekday: .monday, ordinal: nil), RRuleRecur.Day(weekday: .tuesday, ordinal: 2),
            RRuleRecur.Day(weekday: .friday, ordinal: -1),
        ]
        expected.monthDays = [1, -1]
        expected.yearDays = [1, -366]
        expected.months = [1, 3]
        expected.setPositions = [1, -1]
        expected.weekStart = .sunday
        #expect(recur == expected)
        #expect(
            recur.description
                == "FREQ=YEARLY;INTERVAL=2;COUNT=5;BYSECOND=0,60;BYMINUTE=30;BYHOUR=9;BYDAY=MO,2TU,-1FR;"
                + "BYMONTHDAY=1,-1;BYYEARDAY=1,-366;BYMONTH=1,3;BYSETPOS=1,-1;WKST=SU")
    }

    @Test(arguments: [
        ("UNTIL=20261231", RRuleDateTime(local: LocalDateTime(year: 2026, month: 12, day: 31), form: .date)),
        (
            "UNTIL=20261231T235959",
            RRuleDateTime(
                local: LocalDateTime(year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59), form: .floating)
        ),
        (
            "until=20261231t080000z",
            RRuleDateTime(local: LocalDateTime(year: 2026, month: 12, day: 31, hour: 8), form: .utc)
        ),
    ])
    func readsTheThreeFormsOfUntil(part: String, until: RRuleDateTime) throws {
        let source = RRuleSource(lines: ["FREQ=DAILY;" + part])
        let recur = try RRuleRecurParser(source: source).parse(0..<source.bytes.count)
        #expect(recur.until == until)
    }

    @Test func acceptsLowerCaseAndAnyPartOrder() throws {
        let upper = try RRuleTesting.parse(["RRULE:FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=18"], start: "2026-01-01T00:00:00")
        let lower = try RRuleTesting.parse(["rrule:byhour=18;byday=-1fr;freq=monthly"], start: "2026-01-01T00:00:00")
        #expect(upper == lower)
    }
}
