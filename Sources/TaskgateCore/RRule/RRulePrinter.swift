/// Writes a ``Schedule`` as an RRULE set in normal form: one `RRULE:` line per rule, then the
/// `EXDATE` lines, with DTSTART, the zone and the window's end in the returned context.
///
/// ```swift
/// let text = try RRulePrinter.print(schedule)
/// // text.lines == ["RRULE:FREQ=WEEKLY;BYSECOND=0;BYMINUTE=30;BYHOUR=7;BYDAY=MO,WE,FR"]
/// ```
///
/// Normal form: `FREQ` first, then `INTERVAL` (when not 1), `COUNT` or `UTIL`, the BYxxx parts
/// in the order of the RFC 5545 §3.3.10 grammar, and `WKST` only where it changes the result.
/// Everything DTSTART would otherwise fill in is written out (`BYHOUR`, `BYMINUTE`, `BYSECOND`
/// for coarser frequencies; a day part for `WEEKLY`, `MONTHLY`, `YEARLY`), so that the text means
/// the same whatever start a product later puts beside it. A rule without an interval (a cron
/// rule) is written with the coarsest `FREQ` that needs no `INTERVAL`.
enum RRulePrinter {
    static let everyWeekday = Weekday.allCases.map { RRuleRecur.Day(weekday: $0, ordinal: nil) }

    /// Prints the schedule; see the type's documentation.
    ///
    /// - Throws: ``UnprintableSchedule`` naming the part RRULE cannot hold: a one-off or event
    ///   schedule, a year restriction, a cron day OR, a nearest weekday (Quartz `W`), a DST policy
    ///   other than RFC 5545's, a duration step, rules with different anchors, a part RFC 5545
    ///   forbids with the rule's `FREQ`.
    static func print(_ schedule: Schedule) throws(UnprintableSchedule) -> DialectText {
        let rules: [ScheduleRule]
        switch schedule.kind {
        case .manual:
            throw UnprintableSchedule(
                dialect: .rrule, part: "kind", reason: "a manual schedule has no instants to recur")
        case .once(let instant):
            throw UnprintableSchedule(
                dialect: .rrule, part: "kind",
                reason: "a single run at \(instant) is not a recurrence; RRULE has no one-off form")
        case .event(let trigger):
            throw UnprintableSchedule(
                dialect: .rrule, part: "kind", reason: "the event trigger '\(trigger)' has no RRULE form")
        case .recurring(let list):
            rules = list
        }
        guard !rules.isEmpty else {
            throw UnprintableSchedule(
                dialect: .rrule, part: "rules", reason: "a recurring schedule needs at least one rule")
        }
        guard var zone = ZoneRules(identifier: schedule.zone) else {
            throw UnprintableSchedule(
                dialect: .rrule, part: "zone",
                reason: "unknown time zone '\(schedule.zone)'; expected an IANA name such as Europe/Berlin")
        }
        let start = try startTime(of: schedule, rules: rules, zone: &zone)
        var lines: [String] = []
        for (index, rule) in rules.enumerated() {
            lines.append("RRULE:" + (try recur(for: rule, number: index + 1)).description)
        }
        var instants: [Instant] = []
        var locals: [LocalDateTime] = []
        for exclusion in schedule.exclusions {
            switch exclusion {
            case .instant(let instant): instants.append(instant)
            case .local(let local): locals.append(local)
            }
        }
        if !instants.isEmpty {
            lines.append(
                "EXDATE:" + Set(instants).sorted().map { RRuleDateTime(instant: $0).description }.joined(separator: ",")
            )
        }
        if !locals.isEmpty {
            lines.append(
                "EXDATE;TZID=\(schedule.zone):"
                    + Set(locals).sorted().map { RRuleDateTime(local: $0, form: .floating).description }
                    .joined(separator: ","))
        }
        let context = DialectContext(
            zone: schedule.zone, start: start, end: schedule.window.end, reference: zone.resolve(start).firstReading)
        return DialectText(lines: lines, context: context)
    }

    /// DTSTART: the anchor all interval rules share, else the window's start.
    private static func startTime(
        of schedule: Schedule, rules: [ScheduleRule], zone: inout ZoneRules
    ) throws(UnprintableSchedule) -> LocalDateTime {
        var anchor: LocalDateTime?
        for (index, rule) in rules.enumerated() {
            guard let interval = rule.interval else { continue }
            if case .duration(let duration) = interval.step {
                throw UnprintableSchedule(
                    dialect: .rrule, rule: index + 1, part: "interval",
                    reason:
                        "a step of \(duration) from the anchor has no RRULE form; FREQ steps by whole calendar units")
            }
            if let anchor, anchor != interval.anchor {
                throw UnprintableSchedule(
                    dialect: .rrule, rule: index + 1, part: "interval",
                    reason: "its anchor \(interval.anchor) differs from \(anchor), the anchor of an earlier rule; "
                        + "an RRULE set has one DTSTART")
            }
            anchor = interval.anchor
        }
        let windowStart = schedule.window.start
        guard let anchor else {
            // Only calendar rules: they fire from the window's start, which becomes DTSTART.
            switch windowStart {
            case .local(let local):
                return local
            case .instant(let instant):
                let local = zone.localDateTime(at: instant)
                guard zone.resolve(local).firstReading == instant else {
                    throw UnprintableSchedule(
                        dialect: .rrule, part: "window start",
                        reason:
                            "\(instant) is the second pass of the repeated local time \(local) in \(schedule.zone); "
                            + "a DTSTART of \(local) means its first pass (RFC 5545 §3.3.5)")
                }
                return local
            case nil:
                throw UnprintableSchedule(
                    dialect: .rrule, part: "window start",
                    reason: "RRULE needs a DTSTART, and the schedule has neither a window start nor a rule anchor")
            }
        }
        let allAnchored = rules.allSatisfy { $0.interval != nil }
        switch windowStart {
        case nil:
            if allAnchored { return anchor }
        case .local(let local):
            if local == anchor || (allAnchored && local < anchor) { return anchor }
        case .instant(let instant):
            let resolution = zone.resolve(anchor)
            if case .unique(let exact) = resolution, exact == instant { return anchor }
            // Far enough before DTSTART that no local time from DTSTART on maps before it.
            if allAnchored, instant.secondsSinceEpoch <= resolution.firstReading.secondsSinceEpoch - 86_400 {
                return anchor
            }
        }
        let bound = windowStart.map { "starts at \($0)" } ?? "has no start"
        throw UnprintableSchedule(
            dialect: .rrule, part: "window start",
            reason: "the window \(bound) but the rules' DTSTART is \(anchor); an RRULE set has one DTSTART for both")
    }
}
