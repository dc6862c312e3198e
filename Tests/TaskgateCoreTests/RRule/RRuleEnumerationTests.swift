import Testing

@testable import TaskgateCore

/// RRULE semantics on the foundation's enumerator, each case with the instants python-dateutil
/// 2.9.0 gives (or, where a named deviation applies, what RFC 5545 says; see
/// scripts/differential/rrule.py).
@Suite struct RRuleEnumerationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var lines: [String]
        var zone: String
        var start: String?
        var after: String
        var count: Int
        var expected: [String]

        var testDescription: String { name }
    }

    static func daily(_ time: String, _ zone: String, from start: String, after: String, _ expected: [String]) -> Case {
        let parts = time.split(separator: ":")
        return Case(
            name: "daily \(time) \(zone)",
            lines: ["RRULE:FREQ=DAILY;BYHOUR=\(parts[0]);BYMINUTE=\(parts[1]);BYSECOND=0"], zone: zone, start: start,
            after: after, count: expected.count, expected: expected)
    }

    /// qlik-sharing.md §6.6, the dateutil column.
    static let daylightSavingTable: [Case] = [
        daily(
            "2:30", "America/New_York", from: "2027-03-12T00:00:00", after: "2027-03-13T00:00:00Z",
            ["2027-03-13T07:30:00Z", "2027-03-14T07:30:00Z", "2027-03-15T06:30:00Z"]),
        daily(
            "1:30", "America/New_York", from: "2027-11-05T00:00:00", after: "2027-11-07T00:00:00Z",
            ["2027-11-07T05:30:00Z", "2027-11-08T06:30:00Z"]),
        daily(
            "2:30", "Europe/Berlin", from: "2027-10-29T00:00:00", after: "2027-10-31T00:00:00Z",
            ["2027-10-31T00:30:00Z", "2027-11-01T01:30:00Z"]),
        Case(
            name: "hourly on the hour, New York spring", lines: ["RRULE:FREQ=HOURLY;BYMINUTE=0;BYSECOND=0"],
            zone: "America/New_York", start: "2027-03-13T00:00:00", after: "2027-03-14T05:30:00Z", count: 4,
            expected: ["2027-03-14T06:00:00Z", "2027-03-14T07:00:00Z", "2027-03-14T08:00:00Z", "2027-03-14T09:00:00Z"]),
        Case(
            name: "hourly on the hour, New York autumn", lines: ["RRULE:FREQ=HOURLY;BYMINUTE=0;BYSECOND=0"],
            zone: "America/New_York", start: "2027-11-06T00:00:00", after: "2027-11-07T03:30:00Z", count: 4,
            expected: ["2027-11-07T04:00:00Z", "2027-11-07T05:00:00Z", "2027-11-07T07:00:00Z", "2027-11-07T08:00:00Z"]),
        Case(
            name: "every 30 minutes, New York autumn", lines: ["RRULE:FREQ=MINUTELY;INTERVAL=30;BYSECOND=0"],
            zone: "America/New_York", start: "2027-11-06T00:00:00", after: "2027-11-07T04:45:00Z", count: 4,
            expected: ["2027-11-07T05:00:00Z", "2027-11-07T05:30:00Z", "2027-11-07T07:00:00Z", "2027-11-07T07:30:00Z"]),
    ]

    @Test(arguments: daylightSavingTable)
    func followsTheDaylightSavingTableOfTheQlikDigest(example: Case) throws {
        #expect(try Self.run(example) == example.expected)
    }

    static let semantics: [Case] = [
        Case(
            name: "COUNT counts the two local times that the spring gap maps to one instant",
            lines: ["RRULE:FREQ=HOURLY;COUNT=4"], zone: "Europe/Berlin", start: "2026-03-29T00:30:00",
            after: "2026-03-28T00:00:00Z", count: 5,
            expected: ["2026-03-28T23:30:00Z", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"]),
        Case(
            name: "a DTSTART the rule does not select is no occurrence", lines: ["RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3"],
            zone: "UTC", start: "2026-09-01T08:00:00", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-09-07T08:00:00Z", "2026-09-14T08:00:00Z", "2026-09-21T08:00:00Z"]),
        Case(
            name: "without a start, DTSTART is the reference read in the zone, to the second",
            lines: ["RRULE:FREQ=DAILY"], zone: "Europe/Berlin", start: nil, after: "2026-07-01T10:15:30Z", count: 2,
            expected: ["2026-07-02T10:15:30Z", "2026-07-03T10:15:30Z"]),
        Case(
            name: "UNTIL in UTC compares the instant, a gap time read before the gap",
            lines: ["RRULE:FREQ=DAILY;UNTIL=20270314T073000Z"], zone: "America/New_York", start: "2027-03-12T02:30:00",
            after: "2027-03-10T00:00:00Z", count: 5,
            expected: ["2027-03-12T07:30:00Z", "2027-03-13T07:30:00Z", "2027-03-14T07:30:00Z"]),
        Case(
            name: "a floating UNTIL compares the wall clock", lines: ["RRULE:FREQ=DAILY;UNTIL=20270314T023000"],
            zone: "America/New_York", start: "2027-03-12T02:30:00", after: "2027-03-10T00:00:00Z", count: 5,
            expected: ["2027-03-12T07:30:00Z", "2027-03-13T07:30:00Z", "2027-03-14T07:30:00Z"]),
        Case(
            name: "a date UNTIL is its midnight", lines: ["RRULE:FREQ=DAILY;UNTIL=20270314"], zone: "America/New_York",
            start: "2027-03-12T02:30:00", after: "2027-03-10T00:00:00Z", count: 5,
            expected: ["2027-03-12T07:30:00Z", "2027-03-13T07:30:00Z"]),
        Case(
            name: "EXDATE in UTC removes an instant, with the zone's TZID a wall-clock time",
            lines: [
                "RRULE:FREQ=DAILY;COUNT=5", "EXDATE:20260302T140000Z", "EXDATE;TZID=America/New_York:20260304T090000",
            ], zone: "America/New_York", start: "2026-03-01T09:00:00", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-03-01T14:00:00Z", "2026-03-03T14:00:00Z", "2026-03-05T14:00:00Z"]),
        Case(
            name: "a floating EXDATE is a wall-clock time in the zone",
            lines: ["RRULE:FREQ=DAILY;COUNT=5", "EXDATE:20260302T090000,20260303T090000"], zone: "America/New_York",
            start: "2026-03-01T09:00:00", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-03-01T14:00:00Z", "2026-03-04T14:00:00Z", "2026-03-05T14:00:00Z"]),
        Case(
            name: "an EXDATE with another zone's TZID is an instant",
            lines: ["RRULE:FREQ=DAILY;COUNT=3", "EXDATE;TZID=Europe/Berlin:20260302T150000"], zone: "America/New_York",
            start: "2026-03-01T09:00:00", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-03-01T14:00:00Z", "2026-03-03T14:00:00Z"]),
        Case(
            name: "an EXDATE instant removes both local times of the gap that map to it",
            lines: ["RRULE:FREQ=HOURLY;COUNT=4", "EXDATE:20260329T013000Z"], zone: "Europe/Berlin",
            start: "2026-03-29T00:30:00", after: "2026-03-28T00:00:00Z", count: 5,
            expected: ["2026-03-28T23:30:00Z", "2026-03-29T00:30:00Z"]),
        Case(
            name: "an EXDATE wall-clock time removes only its own local time",
            lines: ["RRULE:FREQ=HOURLY;COUNT=4", "EXDATE;TZID=Europe/Berlin:20260329T033000"], zone: "Europe/Berlin",
            start: "2026-03-29T00:30:00", after: "2026-03-28T00:00:00Z", count: 5,
            expected: ["2026-03-28T23:30:00Z", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"]),
        Case(
            name: "a DTSTART line with TZID sets the zone",
            lines: [
                "DTSTART;TZID=Asia/Tokyo:20260301T090000",
                "RRULE:FREQ=DAILY;COUNT=2",
            ], zone: "UTC", start: nil, after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"]),
        Case(
            name: "a DTSTART line in UTC makes the rule UTC",
            lines: [
                "DTSTART:20260301T090000Z",
                "RRULE:FREQ=DAILY;COUNT=2",
            ], zone: "America/New_York", start: nil, after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-03-01T09:00:00Z", "2026-03-02T09:00:00Z"]),
        Case(
            name: "a floating DTSTART line overrides the context's start",
            lines: [
                "DTSTART:20260301T090000",
                "RRULE:FREQ=DAILY;COUNT=2",
            ], zone: "America/New_York", start: "2025-01-01T00:00:00",
            after: "2026-01-01T00:00:00Z", count: 5, expected: ["2026-03-01T14:00:00Z", "2026-03-02T14:00:00Z"]),
        Case(
            name: "several rules are a union, an instant given once",
            lines: [
                "RRULE:FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR;COUNT=3",
                "RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25;COUNT=2",
                "RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25;COUNT=1",
            ], zone: "Europe/Berlin", start: "2026-01-01T08:00:00", after: "2026-01-01T00:00:00Z", count: 6,
            expected: [
                "2026-02-13T07:00:00Z", "2026-03-13T07:00:00Z", "2026-11-13T07:00:00Z", "2026-12-25T07:00:00Z",
                "2027-12-25T07:00:00Z",
            ]),
        Case(
            name: "SECONDLY with INTERVAL", lines: ["RRULE:FREQ=SECONDLY;INTERVAL=20;COUNT=4"], zone: "UTC",
            start: "2026-01-01T00:00:05", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-01-01T00:00:05Z", "2026-01-01T00:00:25Z", "2026-01-01T00:00:45Z", "2026-01-01T00:01:05Z"]),
        Case(
            name: "MINUTELY limited by BYMINUTE, expanded by BYSECOND",
            lines: ["RRULE:FREQ=MINUTELY;BYSECOND=0,30;BYMINUTE=0,1;COUNT=5"], zone: "UTC",
            start: "2026-01-01T00:00:05",
            after: "2026-01-01T00:00:00Z", count: 5,
            expected: [
                "2026-01-01T00:00:30Z", "2026-01-01T00:01:00Z", "2026-01-01T00:01:30Z", "2026-01-01T01:00:00Z",
                "2026-01-01T01:00:30Z",
            ]),
        Case(
            name: "HOURLY with INTERVAL steps the wall clock across days",
            lines: ["RRULE:FREQ=HOURLY;INTERVAL=5;BYHOUR=2,7,12;COUNT=4"], zone: "UTC", start: "2026-01-01T02:00:00",
            after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-01-01T02:00:00Z", "2026-01-01T07:00:00Z", "2026-01-01T12:00:00Z", "2026-01-06T02:00:00Z"]),
        Case(
            name: "HOURLY limited by BYYEARDAY", lines: ["RRULE:FREQ=HOURLY;BYYEARDAY=32;BYHOUR=6;COUNT=2"],
            zone: "UTC",
            start: "2026-01-01T00:00:00", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-02-01T06:00:00Z", "2027-02-01T06:00:00Z"]),
        Case(
            name: "DAILY limited by BYMONTHDAY and BYDAY",
            lines: ["RRULE:FREQ=DAILY;BYMONTHDAY=1,-1;BYDAY=MO,TU,WE,TH,FR;COUNT=4"], zone: "UTC",
            start: "2026-01-01T10:00:00", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-01-01T10:00:00Z", "2026-03-31T10:00:00Z", "2026-04-01T10:00:00Z", "2026-04-30T10:00:00Z"]),
        Case(
            name: "DAILY with INTERVAL and BYSETPOS",
            lines: ["RRULE:FREQ=DAILY;INTERVAL=3;BYSETPOS=-1;BYHOUR=8,20;COUNT=3"],
            zone: "UTC", start: "2026-01-01T10:00:00", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-01-01T20:00:00Z", "2026-01-04T20:00:00Z", "2026-01-07T20:00:00Z"]),
        Case(
            name: "WEEKLY with INTERVAL counts weeks from WKST",
            lines: ["RRULE:FREQ=WEEKLY;INTERVAL=3;BYDAY=SA;WKST=SU;COUNT=3"],
            zone: "UTC", start: "2026-01-06T10:00:00", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-01-10T10:00:00Z", "2026-01-31T10:00:00Z", "2026-02-21T10:00:00Z"]),
        Case(
            name: "MONTHLY from the 31st skips shorter months, and BYMONTH can leave none",
            lines: ["RRULE:FREQ=MONTHLY;BYMONTH=2,4;COUNT=3"], zone: "UTC", start: "2026-01-31T10:00:00",
            after: "2026-01-01T00:00:00Z", count: 5, expected: []),
        Case(
            name: "the fifth Friday exists in some months only", lines: ["RRULE:FREQ=MONTHLY;BYDAY=5FR;COUNT=4"],
            zone: "UTC", start: "2026-01-01T12:00:00", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-01-30T12:00:00Z", "2026-05-29T12:00:00Z", "2026-07-31T12:00:00Z", "2026-10-30T12:00:00Z"]),
        Case(
            name: "the fifth-last Monday", lines: ["RRULE:FREQ=MONTHLY;BYDAY=-5MO;COUNT=3"], zone: "UTC",
            start: "2026-01-01T12:00:00", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-03-02T12:00:00Z", "2026-06-01T12:00:00Z", "2026-08-03T12:00:00Z"]),
        Case(
            name: "a yearly rule from 29 February fires in leap years", lines: ["RRULE:FREQ=YEARLY;COUNT=3"],
            zone: "UTC",
            start: "2024-02-29T12:00:00", after: "2024-01-01T00:00:00Z", count: 5,
            expected: ["2024-02-29T12:00:00Z", "2028-02-29T12:00:00Z", "2032-02-29T12:00:00Z"]),
        Case(
            name: "negative year days count from 31 December", lines: ["RRULE:FREQ=YEARLY;BYYEARDAY=-1,-366;COUNT=4"],
            zone: "UTC", start: "2023-01-01T12:00:00", after: "2023-01-01T00:00:00Z", count: 5,
            expected: ["2023-12-31T12:00:00Z", "2024-01-01T12:00:00Z", "2024-12-31T12:00:00Z", "2025-12-31T12:00:00Z"]),
        Case(
            name: "year day 366 exists in leap years only", lines: ["RRULE:FREQ=YEARLY;BYYEARDAY=366;COUNT=2"],
            zone: "UTC", start: "2023-01-01T12:00:00", after: "2023-01-01T00:00:00Z", count: 5,
            expected: ["2024-12-31T12:00:00Z", "2028-12-31T12:00:00Z"]),
        Case(
            name: "YEARLY ordinals count in the year without BYMONTH", lines: ["RRULE:FREQ=YEARLY;BYDAY=-1MO;COUNT=2"],
            zone: "UTC", start: "2026-01-01T12:00:00", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-12-28T12:00:00Z", "2027-12-27T12:00:00Z"]),
        Case(
            name: "YEARLY ordinals count in the month with BYMONTH",
            lines: ["RRULE:FREQ=YEARLY;BYMONTH=2;BYDAY=-1MO;COUNT=2"], zone: "UTC", start: "2026-01-01T12:00:00",
            after: "2026-01-01T00:00:00Z", count: 5, expected: ["2026-02-23T12:00:00Z", "2027-02-22T12:00:00Z"]),
        Case(
            name: "BYWEEKNO=1 takes the end of December when week 1 starts there",
            lines: ["RRULE:FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO"], zone: "UTC", start: "2024-06-01T10:00:00",
            after: "2024-06-01T00:00:00Z", count: 3,
            expected: ["2024-12-30T10:00:00Z", "2025-12-29T10:00:00Z", "2027-01-04T10:00:00Z"]),
        Case(
            name: "BYWEEKNO=-1 is the last week of the year", lines: ["RRULE:FREQ=YEARLY;BYWEEKNO=-1;BYDAY=SU"],
            zone: "UTC", start: "2024-06-01T10:00:00", after: "2024-06-01T00:00:00Z", count: 3,
            expected: ["2024-12-29T10:00:00Z", "2025-12-28T10:00:00Z", "2027-01-03T10:00:00Z"]),
        Case(
            name: "BYWEEKNO with INTERVAL and WKST",
            lines: ["RRULE:FREQ=YEARLY;INTERVAL=2;BYWEEKNO=1;BYDAY=MO;WKST=SU;COUNT=3"], zone: "UTC",
            start: "2026-01-01T10:00:00", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-01-05T10:00:00Z", "2028-01-03T10:00:00Z", "2030-12-30T10:00:00Z"]),
        Case(
            // python-dateutil counts 1 and 2 January 1994 as week 53 (of 1993, which ISO 8601 gives 52
            // weeks): its `lnumweeks` uses the wrong year's length. Mirrored (DayMasks.swift).
            name: "the days before week 1 get python-dateutil's week number",
            lines: ["RRULE:FREQ=YEARLY;BYWEEKNO=53;BYDAY=SA,SU"], zone: "UTC", start: "1993-06-01T10:00:00",
            after: "1993-06-01T00:00:00Z", count: 4,
            expected: ["1994-01-01T10:00:00Z", "1994-01-02T10:00:00Z", "1999-01-02T10:00:00Z", "1999-01-03T10:00:00Z"]),
        Case(
            // python-dateutil's weekly day set for DTSTART's week starts at DTSTART's day.
            name: "BYSETPOS in the first week counts from DTSTART's day",
            lines: ["RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=2;COUNT=3"], zone: "UTC", start: "2026-03-04T09:00:00",
            after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-03-06T09:00:00Z", "2026-03-11T09:00:00Z", "2026-03-18T09:00:00Z"]),
        Case(
            name: "BYSECOND=60 never occurs in POSIX time", lines: ["RRULE:FREQ=DAILY;BYSECOND=0,60;COUNT=2"],
            zone: "UTC", start: "2026-03-01T09:00:00", after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-03-01T09:00:00Z", "2026-03-02T09:00:00Z"]),
        Case(
            name: "a rule of leap seconds only never fires", lines: ["RRULE:FREQ=MINUTELY;BYSECOND=60"], zone: "UTC",
            start: "2026-03-01T09:00:00", after: "2026-01-01T00:00:00Z", count: 5, expected: []),
        Case(
            // RFC 5545: BYDAY is a list of days; python-dateutil intersects plain and ordinal entries.
            name: "BYDAY mixing plain and ordinal weekdays is their union",
            lines: ["RRULE:FREQ=MONTHLY;BYDAY=MO,1TU;COUNT=4"], zone: "UTC", start: "2026-03-01T09:00:00",
            after: "2026-01-01T00:00:00Z", count: 5,
            expected: ["2026-03-02T09:00:00Z", "2026-03-03T09:00:00Z", "2026-03-09T09:00:00Z", "2026-03-16T09:00:00Z"]),
    ]

    @Test(arguments: semantics)
    func enumeratesAsPythonDateutil(example: Case) throws {
        #expect(try Self.run(example) == example.expected)
    }

    @Test func aLeapSecondRuleEndsAtOnce() throws {
        let clock = ContinuousClock()
        var fires: [String] = []
        let elapsed = try clock.measure {
            fires = try RRuleTesting.next(
                ["RRULE:FREQ=SECONDLY;BYSECOND=60"], start: "2026-03-01T09:00:00", after: "2026-01-01T00:00:00Z",
                count: 1)
        }
        #expect(fires.isEmpty)
        #expect(elapsed < .seconds(1))
    }

    /// Found by fuzz-rrule: every hourly period holds one real time (08:00; second 60 is none), so
    /// BYSETPOS=2,-2 picks nothing in any of them, COUNT is never used up, and the search walked every
    /// fourth hour from year 481 to 9999 (27 s under the fuzzer).
    @Test func aPositionBeyondEveryPeriodsRealTimesEndsAtOnce() throws {
        let clock = ContinuousClock()
        var fires: [String] = []
        let elapsed = try clock.measure {
            fires = try RRuleTesting.next(
                ["RRULE:FREQ=HOURLY;INTERVAL=4;BYSECOND=0,60;BYSETPOS=2,-2;COUNT=6;BYMINUTE=8"],
                zone: "Pacific/Chatham", start: "0481-08-02T19:00:00", after: "2026-01-01T00:00:00Z", count: 8)
        }
        #expect(fires.isEmpty)
        #expect(elapsed < .seconds(1))
    }

    static func run(_ example: Case) throws -> [String] {
        try RRuleTesting.next(
            example.lines, zone: example.zone, start: example.start, after: example.after, count: example.count)
    }
}
