/// Reads an RRULE set — RFC 5545 `RRULE`, `EXDATE` and `DTSTART` lines — into a ``Schedule``.
///
/// ```swift
/// let context = DialectContext(zone: "Europe/Berlin", start: start, reference: now)
/// let schedule = try RRuleParser.parse(["RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=7;BYMINUTE=30"], context: context)
/// ```
///
/// - Each `RRULE:` line, or bare RECUR line (`FREQ=…`), is one rule; the schedule fires at their
///   union (RFC 5545 §3.8.5.3).
/// - `EXDATE` lines (§3.8.5.1) remove date-times: a UTC value (`…Z`) is an instant; a floating
///   value, or one with `TZID` naming the schedule's zone, is a wall-clock reading in it; a value
///   with `TZID` naming another zone is the instant of that reading there.
/// - DTSTART is a `DTSTART` line if there is one (`DTSTART;TZID=Europe/Berlin:20260301T090000`
///   makes Europe/Berlin the schedule's zone, `DTSTART:20260301T080000Z` makes it UTC), else the
///   context's start, else the reference instant read in the zone, to the second — as
///   python-dateutil takes "now". It anchors every rule, fills what the rules leave out, and is
///   the window's start; a DTSTART that a rule does not select is not an occurrence
///   (python-dateutil; RFC 5545 leaves that case undefined).
/// - Local times resolve as RFC 5545 §3.3.5 and erratum 4271 say: a time in a spring-forward gap
///   is read with the offset before the gap, a repeated time means its first occurrence.
enum RRuleParser {
    /// Parses the lines; see the type's documentation.
    ///
    /// - Throws: ``ScheduleSyntaxError`` naming the part, its column, the value and what was
    ///   expected.
    static func parse(_ lines: [String], context: DialectContext) throws(ScheduleSyntaxError) -> Schedule {
        let source = RRuleSource(lines: lines)
        var recurs: [RRuleRecur] = []
        var exclusionLines: [RRuleContentLine] = []
        var startLine: RRuleContentLine?
        let recurParser = RRuleRecurParser(source: source)
        for lineRange in source.lines {
            let range = source.trimmed(lineRange)
            if range.isEmpty { continue }
            guard let line = try RRuleContentLine(source: source, range: range) else {
                recurs.append(try recurParser.parse(range))
                continue
            }
            switch line.name {
            case "RRULE":
                if let parameter = line.parameters.first {
                    throw source.error("RRULE", at: parameter.range, "RRULE takes no parameters")
                }
                recurs.append(try recurParser.parse(line.value))
            case "EXDATE":
                exclusionLines.append(line)
            case "DTSTART":
                if startLine != nil {
                    throw source.error("DTSTART", at: range, "DTSTART appears twice; expected at most one")
                }
                startLine = line
            case "RDATE":
                throw source.error(
                    "property", at: line.nameRange, "RDATE is not supported; expected RRULE, EXDATE or DTSTART")
            case "EXRULE":
                throw source.error(
                    "property", at: line.nameRange,
                    "EXRULE is not supported (RFC 5545 deprecates it); expected RRULE, EXDATE or DTSTART")
            default:
                throw source.error("property", at: line.nameRange, "expected RRULE, EXDATE or DTSTART")
            }
        }
        guard !recurs.isEmpty else {
            throw source.error("RRULE", at: 0..<source.bytes.count, "expected at least one RRULE line")
        }
        var zoneName = context.zone
        guard var zone = ZoneRules(identifier: zoneName) else {
            throw source.error(
                "zone", at: 0..<0, "unknown time zone '\(zoneName)'; expected an IANA name such as Europe/Berlin")
        }
        let start: LocalDateTime
        if let startLine {
            let value = try startLine.dateTime(source: source, field: "DTSTART", allowsDate: true)
            switch value.zone {
            case .utc:
                zoneName = "UTC"
            case .named(let name, let rules):
                zoneName = name
                zone = rules
            case .schedule:
                break
            }
            start = value.local
        } else if let contextStart = context.start {
            start = contextStart
        } else {
            start = zone.localDateTime(at: context.reference)
        }
        if zoneName == "UTC", let utc = ZoneRules(identifier: "UTC") { zone = utc }
        var instants: Set<Instant> = []
        var locals: Set<LocalDateTime> = []
        for line in exclusionLines {
            for value in try line.dateTimes(source: source, field: "EXDATE") {
                switch value.zone {
                case .utc:
                    instants.insert(Instant(secondsSinceEpoch: value.local.secondsSinceEpoch))
                case .named(let name, var rules) where name != zoneName:
                    instants.insert(rules.resolve(value.local).firstReading)
                case .named, .schedule:
                    locals.insert(value.local)
                }
            }
        }
        let exclusions = instants.sorted().map(TimePoint.instant) + locals.sorted().map(TimePoint.local)
        return Schedule.recurring(
            recurs.map { $0.scheduleRule(start: start) }, zone: zoneName,
            window: ScheduleWindow(start: .local(start), end: context.end), exclusions: exclusions)
    }
}
