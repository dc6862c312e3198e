import Testing

@testable import TaskgateCore

/// RRULE sets: lines, DTSTART, EXDATE and the schedule's zone and window.
@Suite struct RRuleParserTests {
    @Test(arguments: [
        (["RRULE;X-A=1:FREQ=DAILY"], "rrule: RRULE (column 7) 'X-A=1': RRULE takes no parameters"),
        (
            ["RRULE:FREQ=DAILY", "RDATE:20260101T000000Z"],
            "rrule: property (column 20) 'RDATE': RDATE is not supported; expected RRULE, EXDATE or DTSTART"
        ),
        (
            ["RRULE:FREQ=DAILY", "EXRULE:FREQ=DAILY"],
            "rrule: property (column 20) 'EXRULE': EXRULE is not supported (RFC 5545 deprecates it); expected RRULE, "
                + "EXDATE or DTSTART"
        ),
        (
            ["RRULE:FREQ=DAILY", "X-FOO:bar"],
            "rrule: property (column 20) 'X-FOO': expected RRULE, EXDATE or DTSTART"
        ),
        (
            ["RRULE:FREQ=DAILY", "EXDATE:20260101"],
            "rrule: EXDATE (column 27) '20260101': expected a date-time YYYYMMDDTHHMMSS, optionally followed by Z"
        ),
        (
            ["RRULE:FREQ=DAILY", "EXDATE;VALUE=DATE:20260101"],
            "rrule: EXDATE (column 27) 'VALUE=DATE': expected VALUE=DATE-TIME"
        ),
        (
            ["RRULE:FREQ=DAILY", "EXDATE;LANGUAGE=de:20260101T000000"],
            "rrule: EXDATE (column 27) 'LANGUAGE=de': expected the parameter TZID or VALUE"
        ),
        (
            ["RRULE:FREQ=DAILY", "EXDATE;TZID:20260101T000000"],
            "rrule: EXDATE (column 27) 'TZID': expected a parameter NAME=VALUE, such as TZID=Europe/Berlin"
        ),
        (
            ["RRULE:FREQ=DAILY", "DTSTART;TZID=Mars/Olympus:20260101T000000"],
            "rrule: TZID (column 33) 'Mars/Olympus': unknown time zone; expected an IANA name such as Europe/Berlin"
        ),
        (
            ["RRULE:FREQ=DAILY", "DTSTART;TZID=Europe/Berlin:20260101T000000Z"],
            "rrule: DTSTART (column 47) '20260101T000000Z': a UTC date-time (ending in Z) takes no TZID"
        ),
        (
            ["RRULE:FREQ=DAILY", "DTSTART:20260101T000000Z,20260102T000000Z"],
            "rrule: DTSTART (column 28) '20260101T000000Z,20260102T000000Z': expected one date-time, not a list"
        ),
        (
            ["RRULE:FREQ=DAILY", "DTSTART:2026"],
            "rrule: DTSTART (column 28) '2026': expected a date-time YYYYMMDDTHHMMSS, optionally followed by Z, or a "
                + "date YYYYMMDD"
        ),
        (
            ["RRULE:FREQ=DAILY", "DTSTART:20260101T000000Z", "DTSTART:20260102T000000Z"],
            "rrule: DTSTART (column 47) 'DTSTART:20260102T000000Z': DTSTART appears twice; expected at most one"
        ),
        ([], "rrule: RRULE (column 1) '': expected at least one RRULE line"),
        (["", "  "], "rrule: RRULE (column 1) ' |   ': expected at least one RRULE line"),
        (
            ["EXDATE:20260101T000000Z"],
            "rrule: RRULE (column 1) 'EXDATE:20260101T000000Z': expected at least one RRULE line"
        ),
    ])
    func rejectsLinesWithAMessageNamingThePart(lines: [String], message: String) {
        #expect(RRuleTesting.rejection(lines) == message)
    }

    @Test func rejectsAnUnknownZoneInTheContext() {
        #expect(
            RRuleTesting.rejection(["RRULE:FREQ=DAILY"], zone: "Mars/Olympus")
                == "rrule: zone (column 1) '': unknown time zone 'Mars/Olympus'; expected an IANA name such as "
                + "Europe/Berlin")
    }

    @Test func theContextStartIsDTSTARTAndTheWindowStart() throws {
        let schedule = try RRuleTesting.parse(["RRULE:FREQ=DAILY"], zone: "Europe/Berlin", start: "2026-03-01T09:15:30")
        let start = try RRuleTesting.local("2026-03-01T09:15:30")
        #expect(schedule.zone == "Europe/Berlin")
        #expect(schedule.window == ScheduleWindow(start: .local(start)))
        #expect(schedule.rules.map { $0.interval?.anchor } == [start])
        #expect(schedule.exclusions == [])
    }

    @Test func withoutAStartDTSTARTIsTheReferenceReadInTheZone() throws {
        let schedule = try RRuleTesting.parse(
            ["FREQ=HOURLY"], zone: "America/New_York", reference: "2026-11-01T06:30:15Z")
        // 06:30:15Z is the second pass of 01:30:15 in New York.
        #expect(schedule.window.start == .local(try RRuleTesting.local("2026-11-01T01:30:15")))
    }

    @Test func aDTSTARTLineOverridesTheContext() throws {
        let tokyo = try RRuleTesting.parse(
            ["RRULE:FREQ=DAILY", "DTSTART;TZID=Asia/Tokyo:20260301T090000"], zone: "UTC", start: "2025-01-01T00:00:00")
        #expect(tokyo.zone == "Asia/Tokyo")
        #expect(tokyo.window.start == .local(try RRuleTesting.local("2026-03-01T09:00:00")))
        let utc = try RRuleTesting.parse(["DTSTART:20260301T090000Z", "RRULE:FREQ=DAILY"], zone: "Europe/Berlin")
        #expect(utc.zone == "UTC")
        #expect(utc.window.start == .local(try RRuleTesting.local("2026-03-01T09:00:00")))
        let date = try RRuleTesting.parse(["DTSTART;VALUE=DATE:20260301", "RRULE:FREQ=DAILY"], zone: "Europe/Berlin")
        #expect(date.zone == "Europe/Berlin")
        #expect(date.window.start == .local(try RRuleTesting.local("2026-03-01T00:00:00")))
    }

    @Test func exclusionsAreSortedInstantsThenWallClockTimes() throws {
        let schedule = try RRuleTesting.parse(
            [
                "RRULE:FREQ=DAILY", "EXDATE;TZID=Europe/Berlin:20260303T090000,20260302T090000",
                "EXDATE:20260305T080000Z,20260304T080000Z", "EXDATE:20260306T090000",
                "EXDATE;TZID=America/New_York:20260306T030000", "EXDATE;VALUE=DATE-TIME:20260302T090000",
            ], zone: "Europe/Berlin", start: "2026-03-01T09:00:00")
        #expect(
            schedule.exclusions == [
                .instant(try RRuleTesting.instant("2026-03-04T08:00:00Z")),
                .instant(try RRuleTesting.instant("2026-03-05T08:00:00Z")),
                .instant(try RRuleTesting.instant("2026-03-06T08:00:00Z")),
                .local(try RRuleTesting.local("2026-03-02T09:00:00")),
                .local(try RRuleTesting.local("2026-03-03T09:00:00")),
                .local(try RRuleTesting.local("2026-03-06T09:00:00")),
            ])
    }

    @Test func acceptsBareRecurLinesAndBlankLines() throws {
        let bare = try RRuleTesting.parse(["FREQ=DAILY;BYHOUR=9", " "], start: "2026-03-01T00:00:00")
        let prefixed = try RRuleTesting.parse(["RRULE:FREQ=DAILY;BYHOUR=9"], start: "2026-03-01T00:00:00")
        #expect(bare == prefixed)
    }

    @Test func aQuotedTZIDIsReadWithoutItsQuotes() throws {
        let schedule = try RRuleTesting.parse(["DTSTART;TZID=\"Asia/Tokyo\":20260301T090000", "RRULE:FREQ=DAILY"])
        #expect(schedule.zone == "Asia/Tokyo")
    }
}
