import Testing

@testable import TaskgateCore

/// Which texts are repeating intervals, and the exact words of every rejection.
@Suite struct RepeatingIntervalSyntaxTests {
    typealias Support = ISO8601TestSupport

    @Test(arguments: [
        ("R/2020-03-20T13:00:00Z/PT2H", RepeatingIntervalSyntax.Repetitions.unbounded),
        ("R-1/2020-03-20T13:00:00Z/PT2H", .unbounded),
        ("R5/2020-03-20T13:00:00Z/PT2H", .count(5)),
        ("R0/2020-03-20T13:00:00Z/PT2H", .count(0)),
        ("R2147483647/2020-03-20T13:00:00Z/PT2H", .count(2_147_483_647)),
    ])
    func readsRepetitions(text: String, expected: RepeatingIntervalSyntax.Repetitions) throws {
        #expect(try RepeatingIntervalSyntax.read(Array(text)).repetitions == expected)
    }

    @Test func readsTheFourForms() throws {
        let start = ISODateTime(local: try Support.local("2020-03-20T13:00:00"), offset: 0)
        let end = ISODateTime(local: try Support.local("2020-03-20T15:30:00"), offset: -18_000)
        let local = ISODateTime(local: try Support.local("2020-03-20T13:00:00"), offset: nil)
        #expect(
            try RepeatingIntervalSyntax.read(Array("R/2020-03-20T13:00:00Z/PT2H")).shape
                == .startDuration(start, ISODuration(hours: 2)))
        #expect(
            try RepeatingIntervalSyntax.read(Array("R/2020-03-20T13:00:00Z/2020-03-20T15:30:00-05:00")).shape
                == .startEnd(start, end))
        #expect(
            try RepeatingIntervalSyntax.read(Array("R/P1W/2020-03-20T13:00")).shape
                == .durationEnd(ISODuration(weeks: 1), local))
        #expect(
            try RepeatingIntervalSyntax.read(Array("R/P1Y2M3W4DT5H6M7S")).shape
                == .duration(ISODuration(years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7)))
    }

    @Test(arguments: [
        (
            "R/2020-03-20T13:00:00Z/PT0S",
            "iso8601: duration (column 24) 'PT0S': a zero duration does not repeat; expected a positive duration such as PT2H"
        ),
        (
            "R/2020-03-20T13:00:00Z/P",
            "iso8601: duration (column 24) 'P': a duration needs at least one component, such as PT2H"
        ),
        (
            "R/2020-03-20T13:00:00Z/-P1D",
            "iso8601: duration (column 24) '-P1D': a duration has no sign; expected a positive duration such as PT2H"
        ),
        (
            "R/2020-03-20T13:00:00Z/pt1h",
            "iso8601: duration (column 24) 'pt1h': ISO 8601 designators are upper case; expected a duration such as PT2H"
        ),
        (
            "R/2020-03-20T13:00:00Z",
            "iso8601: duration (column 3) '2020-03-20T13:00:00Z': a start alone does not repeat; expected a duration after it "
                + "(R/2020-03-20T13:00:00Z/PT2H)"
        ),
        (
            "R/PT1H/PT2H",
            "iso8601: end (column 8) 'PT2H': two durations; expected a start before the duration or an end after it"
        ),
        (
            "2020-03-20T13:00:00Z/PT1H",
            "iso8601: repetitions (column 1) '2020-03-20T13:00:00Z': a single interval does not repeat; expected R/ or Rn/ "
                + "before the interval (R/2020-03-20T13:00:00Z/PT2H)"
        ),
        (
            "every hour",
            "iso8601: interval (column 1) 'every hour': expected an ISO 8601 repeating interval such as R/2020-03-20T13:00:00Z/PT2H"
        ),
        (
            "R",
            "iso8601: interval (column 1) 'R': expected R[n]/start/duration, R[n]/start/end, R[n]/duration/end or R[n]/duration"
        ),
        (
            "R/2020-03-20T13:00Z/PT1H/P1D",
            "iso8601: interval (column 26) 'P1D': expected R[n]/start/duration, R[n]/start/end, R[n]/duration/end or R[n]/duration"
        ),
        (
            "R//PT1H",
            "iso8601: interval (column 3) '': an empty part; expected R[n]/start/duration, R[n]/start/end, R[n]/duration/end or "
                + "R[n]/duration"
        ),
        (
            "R99999999999/2020-03-20T13:00:00Z/PT1H",
            "iso8601: repetitions (column 1) 'R99999999999': too many repetitions; expected at most 2147483647, or R for no end"
        ),
        (
            "R-2/2020-03-20T13:00:00Z/PT1H",
            "iso8601: repetitions (column 1) 'R-2': expected R, Rn with n = 0, 1, 2, … or R-1"
        ),
        (
            "R/x/PT1H",
            "iso8601: start (column 3) 'x': expected a date-time such as 2020-03-20T13:00:00Z or a duration such as PT2H"
        ),
        (
            "R/PT1H",
            "iso8601: start (column 3) 'PT1H': the interval has no start, and Serverless Workflow leaves the first run to the "
                + "runtime (qlik-scheduling H3); give a start (--start, or startDateTime in a schedule object)"
        ),
        (
            "R/P1DT1H/2020-03-20T13:00:00Z",
            "iso8601: duration (column 3) 'P1DT1H': counting back from an end needs a duration of one kind — only hours, "
                + "minutes and seconds; only weeks and days; or only years and months (qlik-scheduling H4, H8); write the start "
                + "instead"
        ),
        (
            "R3/P1M/2025-05-31T00:00:00Z",
            "iso8601: end (column 8) '2025-05-31T00:00:00Z': counting 3 × P1M back from day 31 reaches 2025-02-28T00:00:00, "
                + "clamped to the month's end, and counting forward from there gives other days (qlik-scheduling H8); write the "
                + "start instead"
        ),
        (
            "R5/PT1H/0001-01-01T04:00:00Z",
            "iso8601: repetitions (column 1) 'R5': 5 intervals of PT1H before 0001-01-01T04:00:00 start before the year 0001"
        ),
        (
            "R/2020-03-20T13:00:00Z/2020-03-20T12:00:00Z",
            "iso8601: end (column 24) '2020-03-20T12:00:00Z': the end (2020-03-20T12:00:00Z) is not after the start "
                + "(2020-03-20T13:00:00Z); expected a later end"
        ),
        (
            "R/0001-01-01T00:00:00+05:00/PT1H",
            "iso8601: start (column 3) '0001-01-01T00:00:00+05:00': falls on 0000-12-31T19:00:00 in UTC; expected a time in "
                + "the years 0001-9999"
        ),
    ])
    func rejectsWithItsReason(text: String, message: String) throws {
        #expect(try Support.rejection(text) == message)
    }

    @Test func rejectionPointsIntoTheLineOfSeveral() throws {
        let error = #expect(throws: ScheduleSyntaxError.self) {
            try Support.parse(["R/2020-03-20T13:00:00Z/PT2H", "R/2020-03-20T13:00:00Z/PT0S"])
        }
        #expect(error?.offset == 53)
        #expect(
            error?.caretDiagram == """
                R/2020-03-20T13:00:00Z/PT2H | R/2020-03-20T13:00:00Z/PT0S
                                                                     ^
                """)
    }

    @Test func rejectsAnUnknownZone() throws {
        #expect(
            try Support.rejection("R/2020-03-20T13:00:00Z/PT2H", zone: "Mars/Olympus")
                == "iso8601: zone (column 1) 'Mars/Olympus': unknown time zone; expected an IANA name such as Europe/Berlin"
        )
    }

    @Test func acceptsSpacesAroundTheLine() throws {
        #expect(try Support.parse("  R/2020-03-20T13:00:00Z/PT2H ") == Support.parse("R/2020-03-20T13:00:00Z/PT2H"))
    }

    @Test(arguments: [
        ("R/9999-12-31T23:00:00-05:00/PT1H", "America/New_York"), ("R5/PT1H/0001-01-01T05:00:00Z", "UTC"),
    ])
    func acceptsTheEdgesOfTheYears(text: String, zone: String) throws {
        #expect(try Support.rejection(text, zone: zone) == nil)
    }

    @Test func rejectsAStartThatReadsAfterYear9999InTheZone() throws {
        #expect(
            try Support.rejection("R/9999-12-31T23:00:00-05:00/PT1H")
                == "iso8601: start (column 3) '9999-12-31T23:00:00-05:00': falls on 10000-01-01T04:00:00 in UTC; expected a "
                + "time in the years 0001-9999")
    }
}
