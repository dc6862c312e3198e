/// The `iso8601` dialect: ISO 8601 repeating intervals and Serverless Workflow schedule objects.
///
/// ```swift
/// let context = DialectContext(zone: "UTC", reference: now)
/// let schedule = try Dialect.iso8601.parse(["R/2020-03-20T13:00:00Z/PT2H"], context: context)
/// ```
///
/// **Lines.** Each line is a repeating interval (several lines are the union of their
/// instants), or the only line is a Serverless Workflow schedule object in JSON
/// (`{"interval": "R/PT2H", "startDateTime": "…", "timezone": "Europe/Berlin"}`).
///
/// **Forms.** `R[n]/start/duration`, `R[n]/start/end` (the duration is end − start, elapsed),
/// `R[n]/duration/end` (occurrences end − k·duration, the last at end − duration), and
/// `R[n]/duration`, whose start comes from the context (`--start`, `startDateTime`) or is refused:
/// Serverless Workflow leaves its phase to the runtime (qlik-scheduling H3). `Rn` means n
/// occurrences (ISO 8601-1:2019 §5.6.1: n recurrences of the interval, each occurrence at an
/// interval's start); `R` and `R-1` never end.
///
/// **Zone.** A date-time with `Z` or an offset is an instant; one without is a wall-clock time in
/// the context's zone (for a bare line) or in the object's `timezone` (default `UTC`, as in
/// Serverless Workflow 0.8). Qlik's string form means UTC (H2): its reader passes zone `UTC`.
///
/// **Arithmetic.** As java.time, which Serverless Workflow runtimes use: occurrence k is
/// `start.plus(period × k).plus(duration × k)` where `start` is a `ZonedDateTime`. Years, months,
/// weeks and days are added to the start's wall-clock reading, from the start each time (so
/// `R/…-01-31…/P1M` gives Jan 31, Feb 28, Mar 31: k·P1M, not P1M added k times; H8); a day
/// past a month's end is clamped to its last day (`LocalDate.plusMonths`). The new local time is
/// read as `ZonedDateTime.ofLocal` does: in a spring gap it moves forward by the gap's length;
/// in an autumn overlap it keeps the start's offset if that is one of the two, else takes the
/// earlier (see ``ZoneRules/javaTimeOverlap(for:)``). Hours, minutes and seconds are then added as
/// elapsed time. A start in a gap is read as java.time reads it (02:30 → 03:30) before the
/// series is computed, so the series continues at 03:30.
///
/// Kogito (the Java Serverless Workflow runtime) differs: it reads the duration with
/// `java.time.Duration.parse`, which refuses `P1M`, `P1Y` and `P1W` and makes `P1D` exactly 24
/// elapsed hours, and it needs offsets on date-times. taskgate reads the nominal parts as ISO
/// 8601 means them.
///
/// **Object.** Exactly one of `interval`, `cron`, `recurrence` (more than one is refused: H1).
/// `cron` with 5 fields is Unix cron, with 6–7 Quartz (H20). `startDateTime`/`endDateTime` bound
/// the window (an interval's window start also anchors `R/duration`); a value with an offset is
/// an instant, and is handed to the `cron`/`recurrence` reader as its wall-clock reading in
/// `timezone` (H21). The window ends at the earlier of `endDateTime` and `cron.validUntil` (H23).
/// An object is self-contained: the context's zone, start and end are not used for it.
enum ISO8601IntervalDialect {
    /// Reads the lines.
    ///
    /// - Parameter embedded: reads the `cron` and `recurrence` of a schedule object.
    /// - Throws: ``ScheduleSyntaxError`` naming the part, its column in the lines joined by
    ///   ` | `, the value and what was expected.
    static func parse(
        _ lines: [String], context: DialectContext, embedded: EmbeddedScheduleParser
    ) throws(ScheduleSyntaxError) -> Schedule {
        let expression = lines.joined(separator: " | ")
        guard !lines.isEmpty else {
            throw ScheduleSyntaxError(
                dialect: .iso8601, expression: expression, field: "interval", offset: 0, value: "",
                reason: "no text; expected a repeating interval such as \(RepeatingIntervalSyntax.example)")
        }
        var rules: [ScheduleRule] = []
        var zone: ZoneRules?
        var lineStart = 0
        for line in lines {
            defer { lineStart += line.count + 3 }
            let characters = Array(line)
            let first = characters.firstIndex { !$0.isWhitespace } ?? characters.count
            let end = (characters.lastIndex { !$0.isWhitespace } ?? -1) + 1
            let text = first < end ? Array(characters[first..<end]) : []
            func located(_ problem: ISO8601Problem) -> ScheduleSyntaxError {
                ScheduleSyntaxError(
                    dialect: .iso8601, expression: expression, field: problem.field,
                    offset: lineStart + first + problem.offset, value: problem.value.escapingControlCharacters,
                    reason: problem.reason)
            }
            if text.first == "{" {
                guard lines.count == 1 else {
                    throw located(
                        ISO8601Problem(
                            field: "JSON", offset: 0, value: String(text),
                            reason: "a Serverless Workflow schedule object must be the only line"))
                }
                do {
                    return try ServerlessWorkflowReading.schedule(text, context: context, embedded: embedded)
                } catch {
                    throw error.relocated(into: expression, at: lineStart + first)
                }
            }
            guard !text.isEmpty else {
                throw located(
                    ISO8601Problem(
                        field: "interval", offset: 0, value: "",
                        reason:
                            "an empty line; expected a repeating interval such as \(RepeatingIntervalSyntax.example)"))
            }
            if zone == nil {
                guard let rules = ZoneRules(identifier: context.zone) else {
                    throw ScheduleSyntaxError(
                        dialect: .iso8601, expression: expression, field: "zone", offset: 0, value: context.zone,
                        reason: "unknown time zone; expected an IANA name such as Europe/Berlin")
                }
                zone = rules
            }
            guard var rulesOfZone = zone else { continue }
            do {
                let syntax = try RepeatingIntervalSyntax.read(text)
                rules.append(try syntax.rule(in: &rulesOfZone, windowStart: context.start.map { .local($0) }))
            } catch {
                throw located(error)
            }
            zone = rulesOfZone
        }
        return .recurring(
            rules, zone: context.zone, window: ScheduleWindow(start: context.start.map { .local($0) }, end: context.end)
        )
    }
}

extension ScheduleSyntaxError {
    /// The error moved into a longer expression in which its own text starts at `start`.
    func relocated(into expression: String, at start: Int) -> ScheduleSyntaxError {
        var moved = self
        moved.expression = expression
        moved.offset += start
        return moved
    }
}
