import Testing

@testable import TaskgateCore

/// The printer's normal form, its refusals, and round trips.
@Suite struct ISO8601IntervalPrintingTests {
    typealias Support = ISO8601TestSupport

    static func printed(_ text: String, zone: String = "UTC", start: String? = nil) throws -> DialectText {
        try ISO8601IntervalDialect.print(Support.parse(text, zone: zone, start: start))
    }

    static func reparsed(_ text: DialectText) throws -> Schedule {
        try ISO8601IntervalDialect.parse(text.lines, context: text.context, embedded: Support.noEmbedded)
    }

    @Test(arguments: [
        ("R/2020-03-20T13:00:00Z/PT2H", "UTC", "R/2020-03-20T13:00:00Z/PT2H"),
        ("R-1/2020-03-20T14:00:00+01:00/PT120M", "UTC", "R/2020-03-20T13:00:00Z/PT120M"),
        ("R5/2026-01-31T08:00/P1M", "Europe/Berlin", "R5/2026-01-31T08:00:00/P1M"),
        ("R/2026-01-31T07:00:00Z/P1M0D", "Europe/Berlin", "R/2026-01-31T08:00:00/P1M"),
        ("R/2026-10-25T02:30:00+01:00/PT30M", "Europe/Berlin", "R/2026-10-25T02:30:00+01:00/PT30M"),
        ("R/2026-03-29T02:30:00/P1D", "Europe/Berlin", "R/2026-03-29T03:30:00/P1D"),
        ("R3/2026-03-07T12:00:00/2026-03-08T12:00:00", "America/New_York", "R3/2026-03-07T12:00:00/PT23H"),
        ("R/2026-01-01T00:00:00Z/PT1.5H", "UTC", "R/2026-01-01T00:00:00Z/PT1H30M"),
        ("R/PT2H/2020-05-11T15:30:00Z", "UTC", "R/PT2H/2020-05-11T15:30:00Z"),
        ("R2/PT2H/2020-05-11T15:30:00Z", "UTC", "R2/2020-05-11T11:30:00Z/PT2H"),
        ("R4/P1D/2026-03-30T02:30:00", "Europe/Berlin", "R4/P1D/2026-03-30T02:30:00"),
    ])
    func printsTheNormalForm(text: String, zone: String, expected: String) throws {
        let printed = try Self.printed(text, zone: zone)
        #expect(printed.lines == [expected])
        #expect(printed.context.zone == zone)
        #expect(try Self.reparsed(printed) == Support.parse(text, zone: zone))
    }

    @Test func windowGoesIntoTheContext() throws {
        let end = TimePoint.local(try Support.local("2026-02-01T00:00:00"))
        let schedule = try ISO8601IntervalDialect.parse(
            ["R/PT1H"], context: Support.context(zone: "Europe/Berlin", start: "2026-01-01T00:30:00", end: end),
            embedded: Support.noEmbedded)
        let printed = try ISO8601IntervalDialect.print(schedule)
        #expect(printed.lines == ["R/2026-01-01T00:30:00/PT1H"])
        #expect(printed.context.start == (try Support.local("2026-01-01T00:30:00")))
        #expect(printed.context.end == end)
        #expect(try Self.reparsed(printed) == schedule)
    }

    @Test func anInstantWindowStartNeedsAScheduleObject() throws {
        let json =
            #"{"interval": "R/PT2H", "startDateTime": "2025-08-31T23:22:27Z", "endDateTime": "2025-09-30T00:00:00", "#
            + #""timezone": "America/New_York"}"#
        let schedule = try Support.parse(json)
        let printed = try ISO8601IntervalDialect.print(schedule)
        #expect(
            printed.lines == [
                #"{"interval":"R/2025-08-31T19:22:27/PT2H","startDateTime":"2025-08-31T23:22:27Z","#
                    + #""endDateTime":"2025-09-30T00:00:00","timezone":"America/New_York"}"#
            ])
        #expect(try Self.reparsed(printed) == schedule)
    }

    static let daily = ScheduleRule(minutes: FieldSet([0]), hours: FieldSet([8]), dstPolicy: .rfc5545)

    @Test func refusesWhatAnIntervalCannotHold() throws {
        let anchor = try Support.local("2026-01-01T00:00:00")
        func interval(
            _ step: RuleInterval.Step, until: TimePoint? = nil,
            policy: DSTPolicy = DSTPolicy(gap: .shiftForward, overlap: .later)
        ) -> ScheduleRule {
            ScheduleRule(
                seconds: .everySecond, minutes: .everyMinute, hours: .everyHour, days: .everyDay, months: .everyMonth,
                interval: RuleInterval(step: step, anchor: anchor, until: until), dstPolicy: policy)
        }
        let weekdays = ScheduleRule(
            minutes: FieldSet([0]), hours: FieldSet([8]),
            days: .weekdays(WeekdaySet(every: [.monday, .tuesday, .wednesday, .thursday, .friday])),
            dstPolicy: .rfc5545)
        var restricted = interval(.duration(ISODuration(hours: 1)))
        restricted.hours = FieldSet(range: 8...17)
        let cases: [(Schedule, String)] = [
            (Schedule(kind: .manual, zone: "UTC"), "iso8601: kind: a task run only by hand has no repeating interval"),
            (
                Schedule(kind: .once(Instant(secondsSinceEpoch: 0)), zone: "UTC"),
                "iso8601: kind: a single run at 1970-01-01T00:00:00Z is not a repeating interval"
            ),
            (
                Schedule(kind: .event("task finished"), zone: "UTC"),
                "iso8601: kind: a run triggered by an event (task finished) has no repeating interval"
            ),
            (
                .recurring([weekdays], zone: "Europe/Berlin"),
                "iso8601: rule 1, interval: a calendar rule (every local time its fields select) is not a repeating interval; "
                    + "an ISO 8601 interval adds a fixed duration to a start"
            ),
            (
                .recurring([interval(.calendar(.day, every: 2))], zone: "Europe/Berlin"),
                "iso8601: rule 1, interval: an RRULE-style period (every 2 day) counts calendar periods; an ISO 8601 interval "
                    + "adds a duration, which differs across DST changes and month ends (qlik-scheduling H6-H8)"
            ),
            (
                .recurring([restricted], zone: "Europe/Berlin"),
                "iso8601: rule 1, hours: an ISO 8601 interval selects every step of its duration; it cannot also restrict the "
                    + "hours (\"weekdays at 8\" has no interval form)"
            ),
            (
                .recurring([interval(.duration(ISODuration(days: 1)), until: .local(anchor))], zone: "Europe/Berlin"),
                "iso8601: rule 1, until: an ISO 8601 interval ends after its count of repetitions, not at a point (UNTIL "
                    + "2026-01-01T00:00:00)"
            ),
            (
                .recurring([interval(.duration(ISODuration(days: 1)), policy: .javaQuartz)], zone: "Europe/Berlin"),
                "iso8601: rule 1, DST policy: ISO 8601 intervals are computed as java.time does, which moves a time in a "
                    + "spring gap forward and takes one pass of an autumn overlap; the rule has gap skip, overlap later"
            ),
            (
                .recurring([interval(.duration(ISODuration(days: 1)), policy: .rfc5545)], zone: "Europe/Berlin"),
                "iso8601: rule 1, interval: no ISO 8601 interval reproduces a series from 2026-01-01T00:00:00 with overlap "
                    + "earlier in Europe/Berlin: java.time would read that start in the other pass of the overlap"
            ),
            (
                .recurring([interval(.duration(ISODuration()))], zone: "UTC"),
                "iso8601: rule 1, interval: a zero duration does not repeat"
            ),
            (
                .recurring(
                    [interval(.duration(ISODuration(hours: 1)))], zone: "UTC", exclusions: [.local(anchor)]),
                "iso8601: exclusions: ISO 8601 intervals have no exception dates (the schedule excludes 2026-01-01T00:00:00)"
            ),
            (
                .recurring(
                    [interval(.duration(ISODuration(hours: 1))), interval(.duration(ISODuration(hours: 2)))],
                    zone: "UTC",
                    window: ScheduleWindow(start: .instant(Instant(secondsSinceEpoch: 0)))),
                "iso8601: window start: an instant window start needs a Serverless Workflow schedule object, which holds one "
                    + "interval; the schedule has 2 rules"
            ),
        ]
        for (schedule, message) in cases {
            let error = #expect(throws: UnprintableSchedule.self) { try ISO8601IntervalDialect.print(schedule) }
            #expect(error?.description == message)
        }
    }

    @Test func facadeReadsAndWritesTheDialect() throws {
        let context = try Support.context(zone: "Europe/Berlin")
        let schedule = try Dialect.iso8601.parse(["R/2026-01-01T08:00:00/P1D"], context: context)
        #expect(try Dialect.iso8601.print(schedule).lines == ["R/2026-01-01T08:00:00/P1D"])
    }
}
