import Testing

@testable import TaskgateCore

/// Debian cron on DST days: a fixed-time line (minute and hour not starting with '*') runs a gap
/// time at the first minute after the gap and a repeated time once, at the first pass; any other
/// line runs at the minutes the clock shows. The instants agree with cronsim 2.8 except where the
/// differential test pins cronsim's own mistakes (Lord Howe's repeated half hour).
@Suite struct UnixCronDialectTests {
    @Test(arguments: [
        // The brief's case: daily 02:30 in New York on 2026-03-08 runs at 03:00 EDT.
        (
            "30 2 * * *", "America/New_York", "2026-03-07T00:00:00Z", 4,
            ["2026-03-07T07:30:00Z", "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z"]
        ),
        // Two gap times become one run at the transition.
        (
            "15,45 2 * * *", "America/New_York", "2026-03-08T00:00:00Z", 2,
            ["2026-03-08T07:00:00Z", "2026-03-09T06:15:00Z"]
        ),
        // A repeated time runs once, at the first pass (EDT).
        (
            "30 1 * * *", "America/New_York", "2026-11-01T00:00:00Z", 2,
            ["2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"]
        ),
        // Wildcard lines: the gap hour does not exist, the repeated hour runs twice.
        (
            "30 * * * *", "America/New_York", "2026-03-08T05:00:00Z", 3,
            ["2026-03-08T05:30:00Z", "2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z"]
        ),
        (
            "30 * * * *", "America/New_York", "2026-11-01T04:00:00Z", 4,
            ["2026-11-01T04:30:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z"]
        ),
        (
            "*/30 2 * * *", "America/New_York", "2026-03-07T08:00:00Z", 3,
            ["2026-03-09T06:00:00Z", "2026-03-09T06:30:00Z", "2026-03-10T06:00:00Z"]
        ),
        // Lord Howe: a 30-minute gap (02:00 +10:30 to 02:30 +11) and overlap (02:00 +11 back to 01:30 +10:30).
        (
            "15 2 * * *", "Australia/Lord_Howe", "2026-10-03T00:00:00Z", 2,
            ["2026-10-03T15:30:00Z", "2026-10-04T15:15:00Z"]
        ),
        (
            "45 1 * * *", "Australia/Lord_Howe", "2026-04-04T00:00:00Z", 2,
            ["2026-04-04T14:45:00Z", "2026-04-05T15:15:00Z"]
        ),
        (
            "45 * * * *", "Australia/Lord_Howe", "2026-04-04T13:00:00Z", 4,
            ["2026-04-04T13:45:00Z", "2026-04-04T14:45:00Z", "2026-04-04T15:15:00Z", "2026-04-04T16:15:00Z"]
        ),
        (
            "* 2 * * *", "Australia/Lord_Howe", "2026-10-03T15:00:00Z", 3,
            ["2026-10-03T15:30:00Z", "2026-10-03T15:31:00Z", "2026-10-03T15:32:00Z"]
        ),
        // Chatham changes at 02:45 standard time: 03:00 is in the gap, and repeated in April.
        ("0 3 * * *", "Pacific/Chatham", "2026-09-26T00:00:00Z", 2, ["2026-09-26T14:00:00Z", "2026-09-27T13:15:00Z"]),
        ("0 3 * * *", "Pacific/Chatham", "2026-04-04T00:00:00Z", 2, ["2026-04-04T13:15:00Z", "2026-04-05T14:15:00Z"]),
        (
            "0 * * * *", "Pacific/Chatham", "2026-04-04T12:00:00Z", 4,
            ["2026-04-04T12:15:00Z", "2026-04-04T13:15:00Z", "2026-04-04T14:15:00Z", "2026-04-04T15:15:00Z"]
        ),
        // Havana springs forward at midnight: @daily runs at 01:00 CDT that day.
        ("@daily", "America/Havana", "2026-03-07T12:00:00Z", 2, ["2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z"]),
    ])
    func firesAtDebianInstantsAroundDSTChanges(
        expression: String, zone: String, after: String, count: Int, expected: [String]
    ) throws {
        #expect(try DialectTesting.next(.cron, expression, zone: zone, after: after, count: count) == expected)
    }

    @Test func roundTripsTheDifferentialSample() throws {
        // scripts/differential/cron.py --seed 1 --size 5000 --write-sample: lines cronsim and
        // taskgate agree on.
        let lines = try DialectTesting.fixtureLines("cron/roundtrip-sample.txt")
        #expect(lines.count > 500)
        var failures: [String] = []
        for line in lines {
            let result = try DialectTesting.roundTrip(.cron, [line], zone: "America/New_York")
            if !result.equal { failures.append("\(line) -> \(result.printed.lines)") }
        }
        #expect(failures == [])
    }

    @Test func printedTextIsANormalFormThatPrintsItself() throws {
        for line in try DialectTesting.fixtureLines("cron/roundtrip-sample.txt") {
            let first = try DialectTesting.roundTrip(.cron, [line]).printed
            let second = try DialectTesting.roundTrip(.cron, first.lines).printed
            #expect(second.lines == first.lines)
        }
    }

    @Test func roundTripsAWindowAndSeveralLines() throws {
        let result = try DialectTesting.roundTrip(
            .cron, ["0 8 * * 1-5", "30 17 * * 5"], zone: "Europe/Berlin", start: "2026-02-01T00:00:00")
        #expect(result.equal)
        #expect(result.printed.lines == ["0 8 * * 1-5", "30 17 * * 5"])
        #expect(result.printed.context.start == (try DialectTesting.local("2026-02-01T00:00:00")))
        #expect(result.printed.context.zone == "Europe/Berlin")
    }
}
