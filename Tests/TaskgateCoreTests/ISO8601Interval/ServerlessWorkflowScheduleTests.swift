import Testing

@testable import TaskgateCore

/// Serverless Workflow schedule objects (qlik-scheduling.md §4.2–4.3).
@Suite struct ServerlessWorkflowScheduleTests {
    typealias Support = ISO8601TestSupport

    /// A stand-in for the cron and RRULE readers: an event schedule that records what it was given.
    static func recording(
        _ dialect: Dialect, _ lines: [String], _ context: DialectContext
    ) throws(ScheduleSyntaxError)
        -> Schedule
    {
        let start = context.start?.description ?? "-"
        let end = context.end?.description ?? "-"
        return Schedule(
            kind: .event("\(dialect) \(lines) zone=\(context.zone) start=\(start) end=\(end)"), zone: context.zone,
            window: ScheduleWindow(start: context.start.map { .local($0) }, end: context.end))
    }

    static func parse(_ json: String, zone: String = "UTC") throws -> Schedule {
        try ISO8601IntervalDialect.parse([json], context: Support.context(zone: zone), embedded: recording)
    }

    static func rejection(_ json: String) throws -> String? {
        let context = try Support.context()
        do {
            _ = try ISO8601IntervalDialect.parse([json], context: context, embedded: recording)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func intervalIsReadInTheObjectsTimezoneWithItsWindow() throws {
        let schedule = try Self.parse(
            #"{"interval": "R/PT1H", "startDateTime": "2026-03-29T00:30:00", "endDateTime": "2026-03-29T04:00:00", "#
                + #""timezone": "Europe/Berlin"}"#, zone: "America/New_York")
        #expect(schedule.zone == "Europe/Berlin")
        #expect(
            schedule.window
                == ScheduleWindow(
                    start: .local(try Support.local("2026-03-29T00:30:00")),
                    end: .local(try Support.local("2026-03-29T04:00:00"))))
        #expect(
            try schedule.nextOccurrences(after: Support.instant("2026-03-28T00:00:00Z"), count: 10).map(\.description)
                == ["2026-03-28T23:30:00Z", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"])
    }

    @Test func timezoneDefaultsToUTCWhateverTheContextZone() throws {
        let schedule = try Self.parse(#"{"interval": "R/2026-01-01T08:00:00/P1D"}"#, zone: "Europe/Berlin")
        #expect(schedule.zone == "UTC")
        #expect(
            try schedule.nextOccurrences(after: Support.instant("2026-01-01T00:00:00Z"), count: 1).map(\.description)
                == ["2026-01-01T08:00:00Z"])
    }

    @Test func startDateTimeWithAnOffsetIsAnInstantAndAnchorsADurationAlone() throws {
        let schedule = try Self.parse(
            #"{"interval": "R/PT2H", "startDateTime": "2025-08-31T23:22:27Z", "timezone": "America/New_York"}"#)
        #expect(schedule.window.start == .instant(try Support.instant("2025-08-31T23:22:27Z")))
        #expect(
            try schedule.nextOccurrences(after: Support.instant("2025-08-31T00:00:00Z"), count: 2).map(\.description)
                == ["2025-08-31T23:22:27Z", "2025-09-01T01:22:27Z"])
    }

    @Test(arguments: [
        ("0 8 * * 1-5", Dialect.cron), ("0 0/15 * * * ?", .quartz), ("0 15,30,45 * ? * * 2026", .quartz),
    ])
    func cronFieldCountChoosesTheDialect(expression: String, dialect: Dialect) throws {
        // H20: 5 fields are Unix cron, 6–7 Quartz.
        let schedule = try Self.parse(#"{"cron": "\#(expression)", "timezone": "Europe/Berlin"}"#)
        #expect(schedule.kind == .event("\(dialect) [\"\(expression)\"] zone=Europe/Berlin start=- end=-"))
    }

    @Test func cronObjectEndsAtTheEarlierOfValidUntilAndEndDateTime() throws {
        let schedule = try Self.parse(
            #"{"cron": {"expression": "0 0/15 8-17 ? * MON-FRI", "validUntil": "2025-12-31T23:59:59-05:00"}, "#
                + #""endDateTime": "2026-01-15T00:00:00", "timezone": "America/New_York"}"#)
        #expect(
            schedule.kind
                == .event(
                    "quartz [\"0 0/15 8-17 ? * MON-FRI\"] zone=America/New_York start=- end=2026-01-01T04:59:59Z"))
        #expect(schedule.window.end == .instant(try Support.instant("2026-01-01T04:59:59Z")))
    }

    @Test func recurrenceGoesToTheRRuleReaderWithTheStartAsAWallClockReading() throws {
        // H21: a startDateTime with an offset reaches the other dialect as its reading in `timezone`.
        let schedule = try Self.parse(
            #"{"recurrence": "RRULE:FREQ=DAILY;INTERVAL=1", "startDateTime": "2025-08-31T23:22:27Z", "#
                + #""timezone": "Europe/Berlin"}"#)
        #expect(
            schedule.kind
                == .event(
                    "rrule [\"RRULE:FREQ=DAILY;INTERVAL=1\"] zone=Europe/Berlin start=2025-09-01T01:22:27 end=-"))
    }

    @Test func embeddedErrorPointsIntoTheObject() throws {
        let failing: EmbeddedScheduleParser = { dialect, lines, _ throws(ScheduleSyntaxError) in
            throw ScheduleSyntaxError(
                dialect: .quartz, expression: lines[0], field: "day-of-week", fieldNumber: 6, offset: 10, value: "8",
                reason: "'8' is not valid; expected 1-7 or SUN-SAT")
        }
        // The escaped slash before the expression's column 10 shifts it by one in the line.
        let json = #"{"timezone": "Etc\/UTC", "cron": "0 0 12 ? * 8"}"#
        let error = #expect(throws: ScheduleSyntaxError.self) {
            try ISO8601IntervalDialect.parse([json], context: Support.context(), embedded: failing)
        }
        #expect(
            error?.description
                == "quartz: day-of-week (field 6, column 45) '8': '8' is not valid; expected 1-7 or SUN-SAT")
        #expect(error?.caretDiagram == json + "\n" + String(repeating: " ", count: 44) + "^")
    }

    @Test(arguments: [
        (
            #"{"interval": "R/PT1H", "cron": "0 * * * *"}"#,
            "iso8601: cron (column 25) 'cron': more than one of interval, cron and recurrence; Qlik does not say which one "
                + "wins (qlik-scheduling H1), so taskgate refuses to guess"
        ),
        (
            #"{"interval": "R/2020-01-01T00:00:00Z/PT1H", "every": "PT1H"}"#,
            "iso8601: JSON (column 46) 'every': unknown key; expected interval, cron, recurrence, startDateTime, endDateTime "
                + "or timezone"
        ),
        (
            #"{"interval": "R/2020-01-01T00:00:00Z/PT1H", "interval": "R/PT2H"}"#,
            "iso8601: JSON (column 45) 'interval': duplicate key; each key may appear once"
        ),
        (
            #"{"interval": 5}"#,
            "iso8601: JSON (column 14) '5': expected a string in double quotes (numbers, booleans and arrays are not "
                + "schedule values)"
        ),
        (
            #"{"interval": "R/2020-01-01T00:00:00Z/PT1H""#,
            "iso8601: JSON (column 43) '': expected ',' or '}' after a value"
        ),
        (
            "{}",
            "iso8601: JSON (column 1) '{}': the object has no interval, cron or recurrence; expected exactly one of them"
        ),
        (
            #"{"interval": "R/2020-01-01T00:00:00Z/PT1H"} x"#,
            "iso8601: JSON (column 45) 'x': unexpected text after the object; expected one JSON object on the line"
        ),
        (
            #"{"interval": "R/2020-01-01T00:00:00Z/PT1H", "timezone": "Mars/Olympus"}"#,
            "iso8601: timezone (column 58) 'Mars/Olympus': unknown time zone; expected an IANA name such as Europe/Berlin"
        ),
        (
            #"{"interval": "R/PT1H", "startDateTime": "2025-01-01T00:00:00", "endDateTime": "2024-01-01T00:00:00"}"#,
            "iso8601: endDateTime (column 80) '2024-01-01T00:00:00': not after startDateTime; expected a later end (Qlik "
                + "refuses it: CHO-017)"
        ),
        (
            #"{"interval": "R\/2020-01-01T00:00:00Z\/PT0S"}"#,
            "iso8601: duration (column 40) 'PT0S': a zero duration does not repeat; expected a positive duration such as PT2H"
        ),
        (
            #"{"cron": "0 0 * *"}"#,
            "iso8601: cron (column 11) '0 0 * *': 4 fields; expected 5 (Unix cron) or 6 to 7 (Quartz) (qlik-scheduling H20)"
        ),
        (
            #"{"cron": {"validUntil": "2025-01-01T00:00:00Z"}}"#,
            #"iso8601: cron (column 10) '{': the cron object has no expression; expected {"expression": "…", "validUntil": "…"}"#
        ),
        (
            #"{"startDateTime": "2025-01-01T00:00:00.5Z", "interval": "R/PT1H"}"#,
            "iso8601: startDateTime (column 39) '.5': a fraction of a second cannot be scheduled; taskgate schedules are "
                + "exact to the second"
        ),
        (
            #"{"interval": "R/PT1H\u00"}"#,
            #"iso8601: JSON (column 21) '\u00"': expected four hexadecimal digits after \u"#
        ),
    ])
    func rejectsWithItsReason(json: String, message: String) throws {
        #expect(try Self.rejection(json) == message)
    }

    @Test func anObjectMustBeTheOnlyLine() throws {
        let context = try Support.context()
        let error = #expect(throws: ScheduleSyntaxError.self) {
            try ISO8601IntervalDialect.parse(
                [#"{"interval": "R/2020-01-01T00:00:00Z/PT1H"}"#, "R/2020-01-01T00:00:00Z/PT2H"], context: context,
                embedded: Self.recording)
        }
        #expect(error?.reason == "a Serverless Workflow schedule object must be the only line")
    }

    @Test func nullMembersAreAbsent() throws {
        #expect(
            try Self.parse(#"{"interval": "R/2020-01-01T00:00:00Z/PT1H", "endDateTime": null, "cron": null}"#)
                == Self.parse(#"{"interval": "R/2020-01-01T00:00:00Z/PT1H"}"#))
    }
}

extension ServerlessWorkflowScheduleTests {
    @Test func aValueWithALineBreakIsQuotedOnOneLine() throws {
        #expect(
            try Self.rejection(#"{"time\nzone": "UTC"}"#)
                == #"iso8601: JSON (column 3) 'time\nzone': unknown key; expected interval, cron, recurrence, startDateTime, "#
                + "endDateTime or timezone")
    }
}
