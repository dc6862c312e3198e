/// vRealize Orchestrator recurrences, as ``Dialect/vco`` reads and writes them.
///
/// ```swift
/// let context = DialectContext(zone: "UTC", start: LocalDateTime(parsing: "2026-04-04T05:00:00"), reference: now)
/// let schedule = try VcoRecurrenceDialect.parse(["every-weeks (America/New_York) Monday 08:00:00,"], context: context)
/// ```
///
/// The text is `CYCLE PATTERN` (``VcoRecurrenceParser``). The schedule's zone is the pattern's
/// zone prefix, or the context's zone without one (vco.md §5.3 ASSUMPTION: the server's default
/// zone). The window:
/// - start: the task's `recurrence-start-date`, an instant (vco.md §6). The context gives it as
///   a local reading in the context's zone, read with the offset before a DST change. A vCO
///   task requires a start; when the context has none, the start is the context's `reference`
///   ("now"), which is what a task created now would carry.
/// - end: `recurrence-end-date`, the context's end, inclusive (vco.md §5.2 leaves that open).
///
/// `one-time` is a single run at the start. Every other cycle is a union of rules
/// (``VcoRecurrenceGrouping``) with the cycle's DST policy (``VcoRecurrenceCycle/dstPolicy``,
/// an assumption). `every-months` items on days 29–31 select nothing in months without that
/// day, as cron and RFC 5545 do; vCO's own behaviour in short months is unverified (vco.md §5.3).
enum VcoRecurrenceDialect {
    /// Reads one `CYCLE PATTERN` line.
    static func parse(_ lines: [String], context: DialectContext) throws(ScheduleSyntaxError) -> Schedule {
        let texts = lines.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
        guard texts.count == 1, let line = texts.first else {
            throw ScheduleSyntaxError(
                dialect: .vco, expression: lines.joined(separator: " | "), field: "recurrence", offset: 0,
                value: texts.first ?? "",
                reason: "a vCO task has one recurrence-cycle and recurrence-pattern; found \(texts.count) lines")
        }
        let result = try VcoRecurrenceParser(line).parse()
        let zoneName = result.zone ?? context.zone
        let start: Instant
        if let local = context.start {
            guard var contextZone = ZoneRules(identifier: context.zone) else {
                throw ScheduleSyntaxError(
                    dialect: .vco, expression: line, field: "zone", offset: 0, value: context.zone,
                    reason: "unknown time zone; expected an IANA name such as Europe/Zurich")
            }
            start = contextZone.resolve(local).firstReading
        } else {
            start = context.reference
        }
        switch result.cycle {
        case .oneTime:
            return Schedule(kind: .once(start), zone: zoneName, window: ScheduleWindow(end: context.end))
        case .everyMinutes, .everyHours, .everyDays, .everyWeeks, .everyMonths:
            return .recurring(
                VcoRecurrenceGrouping.rules(for: result.items, cycle: result.cycle), zone: zoneName,
                window: ScheduleWindow(start: .instant(start), end: context.end))
        }
    }

    /// Writes a schedule as one `CYCLE PATTERN` line; the start goes into the context.
    static func print(_ schedule: Schedule) throws(UnprintableSchedule) -> DialectText {
        try VcoRecurrencePrinter(schedule: schedule).print()
    }
}
