/// Gives a Serverless Workflow schedule object its meaning (see ``ISO8601IntervalDialect``).
enum ServerlessWorkflowReading {
    /// The schedule of one object; errors carry offsets in `text`.
    static func schedule(
        _ text: [Character], context: DialectContext, embedded: EmbeddedScheduleParser
    ) throws(ScheduleSyntaxError) -> Schedule {
        let expression = String(text)
        let object: ServerlessWorkflowSchedule
        do {
            object = try ServerlessWorkflowSchedule(reading: FlatJSONObject.read(text))
        } catch {
            throw error.located(in: expression)
        }
        let zoneName = object.timezone?.text ?? "UTC"
        guard var zone = ZoneRules(identifier: zoneName) else {
            throw ISO8601Problem(
                field: "timezone", offset: object.timezone?.lineOffset(0) ?? 0, value: zoneName,
                reason: "unknown time zone; expected an IANA name such as Europe/Berlin"
            ).located(in: expression)
        }
        let start: TimePoint?
        let end: TimePoint?
        let validUntil: TimePoint?
        do {
            start = try object.startDateTime.map { value throws(ISO8601Problem) in
                try point(value, field: "startDateTime")
            }
            end = try object.endDateTime.map { value throws(ISO8601Problem) in try point(value, field: "endDateTime") }
            validUntil = try object.validUntil.map { value throws(ISO8601Problem) in
                try point(value, field: "validUntil")
            }
        } catch {
            throw error.located(in: expression)
        }
        if let start, let end, let endText = object.endDateTime,
            zone.reading(of: end).instant <= zone.reading(of: start).instant
        {
            throw ISO8601Problem(
                field: "endDateTime", offset: endText.lineOffset(0), value: endText.text,
                reason: "not after startDateTime; expected a later end (Qlik refuses it: CHO-017)"
            ).located(in: expression)
        }
        let given: [(String, ServerlessWorkflowSchedule.Text)] = [
            ("interval", object.interval), ("cron", object.cron), ("recurrence", object.recurrence),
        ].compactMap { name, value in value.map { (name, $0) } }
        guard let (kind, value) = given.first else {
            throw ISO8601Problem(
                field: "JSON", offset: 0, value: expression,
                reason: "the object has no interval, cron or recurrence; expected exactly one of them"
            ).located(in: expression)
        }
        if given.count > 1 {
            let (second, _) = given[1]
            throw ISO8601Problem(
                field: second, offset: (object.keyOffsets[second] ?? 0) + 1, value: second,
                reason: "more than one of interval, cron and recurrence; Qlik does not say which one wins "
                    + "(qlik-scheduling H1), so taskgate refuses to guess"
            ).located(in: expression)
        }
        guard kind != "interval" else {
            let rule: ScheduleRule
            do {
                let syntax = try RepeatingIntervalSyntax.read(Array(value.text))
                rule = try syntax.rule(in: &zone, windowStart: start)
            } catch {
                throw ISO8601Problem(
                    field: error.field, offset: value.lineOffset(error.offset), value: error.value, reason: error.reason
                ).located(in: expression)
            }
            return .recurring([rule], zone: zoneName, window: ScheduleWindow(start: start, end: end))
        }
        let dialect: Dialect
        if kind == "cron" {
            let fields = value.text.split(whereSeparator: \.isWhitespace).count
            switch fields {
            case 5: dialect = .cron
            case 6, 7: dialect = .quartz
            default:
                throw ISO8601Problem(
                    field: "cron", offset: value.lineOffset(0), value: value.text,
                    reason: "\(fields) fields; expected 5 (Unix cron) or 6 to 7 (Quartz) (qlik-scheduling H20)"
                ).located(in: expression)
            }
        } else {
            dialect = .rrule
        }
        let windowEnd = earlier(end, validUntil, zone: &zone)
        // H21: a start with an offset reaches the other dialect as its wall-clock reading.
        let inner = DialectContext(
            zone: zoneName, start: start.map { zone.reading(of: $0).local }, end: windowEnd,
            reference: context.reference)
        var schedule: Schedule
        do {
            schedule = try embedded(dialect, [value.text], inner)
        } catch {
            var moved = error
            moved.expression = expression
            moved.offset = value.lineOffset(error.offset)
            moved.value = error.value.escapingControlCharacters
            throw moved
        }
        schedule.window.end = earlier(schedule.window.end, windowEnd, zone: &zone)
        return schedule
    }

    /// A date-time value as a window point.
    private static func point(
        _ value: ServerlessWorkflowSchedule.Text, field: String
    ) throws(ISO8601Problem)
        -> TimePoint
    {
        do {
            let dateTime = try ISODateTime.read(Array(value.text))
            if let offset = dateTime.offset {
                return .instant(Instant(secondsSinceEpoch: dateTime.local.secondsSinceEpoch - Int64(offset)))
            }
            return .local(dateTime.local)
        } catch {
            throw ISO8601Problem(
                field: field, offset: value.lineOffset(error.offset), value: error.value, reason: error.reason)
        }
    }

    /// The earlier of two optional ends, each kept as written.
    private static func earlier(_ first: TimePoint?, _ second: TimePoint?, zone: inout ZoneRules) -> TimePoint? {
        guard let first else { return second }
        guard let second else { return first }
        return zone.reading(of: second).instant < zone.reading(of: first).instant ? second : first
    }
}

extension ISO8601Problem {
    /// The problem as the dialect's error, in `expression`.
    func located(in expression: String) -> ScheduleSyntaxError {
        ScheduleSyntaxError(
            dialect: .iso8601, expression: expression, field: field, offset: offset,
            value: value.escapingControlCharacters, reason: reason)
    }
}
