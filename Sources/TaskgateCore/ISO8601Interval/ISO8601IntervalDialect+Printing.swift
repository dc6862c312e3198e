extension ISO8601IntervalDialect {
    /// Writes a schedule as repeating intervals in normal form, one line per rule:
    /// `R[n]/start/duration`, the start as a local time in the zone (or with `Z` in a zone that is
    /// always UTC, or with its offset when only that reproduces it), the duration with zero parts
    /// left out. A series that the normal form cannot reproduce (one counted back from its end
    /// into a spring gap, or from the year 0001) is written `R[n]/duration/end`.
    ///
    /// The window goes into the returned context, except an instant window start, which only a
    /// Serverless Workflow schedule object can carry: such a schedule is written as one object
    /// (`{"interval":…,"startDateTime":…,"endDateTime":…,"timezone":…}`).
    ///
    /// Every line is checked by reading it back; nothing is written that would read differently.
    ///
    /// - Throws: ``UnprintableSchedule`` for what no ISO 8601 interval holds: calendar rules
    ///   ("weekdays at 8"), RRULE-style periods, `UNTIL`, exclusions, other DST policies.
    static func print(_ schedule: Schedule) throws(UnprintableSchedule) -> DialectText {
        let rules: [ScheduleRule]
        switch schedule.kind {
        case .manual:
            throw UnprintableSchedule(
                dialect: .iso8601, part: "kind", reason: "a task run only by hand has no repeating interval")
        case .once(let instant):
            throw UnprintableSchedule(
                dialect: .iso8601, part: "kind", reason: "a single run at \(instant) is not a repeating interval")
        case .event(let trigger):
            throw UnprintableSchedule(
                dialect: .iso8601, part: "kind",
                reason: "a run triggered by an event (\(trigger)) has no repeating interval")
        case .recurring(let list):
            rules = list
        }
        guard !rules.isEmpty else {
            throw UnprintableSchedule(
                dialect: .iso8601, part: "kind", reason: "a recurring schedule without rules never runs")
        }
        if let first = schedule.exclusions.first {
            throw UnprintableSchedule(
                dialect: .iso8601, part: "exclusions",
                reason: "ISO 8601 intervals have no exception dates (the schedule excludes \(first))")
        }
        guard var zone = ZoneRules(identifier: schedule.zone) else {
            throw UnprintableSchedule(
                dialect: .iso8601, part: "zone", reason: "unknown time zone '\(schedule.zone)'; expected an IANA name")
        }
        let windowStartIsInstant: Bool
        let localStart: LocalDateTime?
        switch schedule.window.start {
        case .instant: (windowStartIsInstant, localStart) = (true, nil)
        case .local(let local): (windowStartIsInstant, localStart) = (false, local)
        case nil: (windowStartIsInstant, localStart) = (false, nil)
        }
        if windowStartIsInstant, rules.count > 1 {
            throw UnprintableSchedule(
                dialect: .iso8601, part: "window start",
                reason:
                    "an instant window start needs a Serverless Workflow schedule object, which holds one interval; "
                    + "the schedule has \(rules.count) rules")
        }
        var lines: [String] = []
        for (index, rule) in rules.enumerated() {
            lines.append(try line(for: rule, number: index + 1, zone: &zone, windowStart: schedule.window.start))
        }
        let reference = Instant(secondsSinceEpoch: 0)
        guard windowStartIsInstant, let start = schedule.window.start else {
            return DialectText(
                lines: lines,
                context: DialectContext(
                    zone: schedule.zone, start: localStart, end: schedule.window.end, reference: reference))
        }
        var members = [("interval", lines[0]), ("startDateTime", start.isoText)]
        if let end = schedule.window.end { members.append(("endDateTime", end.isoText)) }
        members.append(("timezone", schedule.zone))
        let object =
            "{" + members.map { "\(JSONValue.quoted($0)):\(JSONValue.quoted($1))" }.joined(separator: ",") + "}"
        return DialectText(lines: [object], context: DialectContext(zone: schedule.zone, reference: reference))
    }

    /// The line of one rule, after checking that an interval holds it.
    private static func line(
        for rule: ScheduleRule, number: Int, zone: inout ZoneRules, windowStart: TimePoint?
    ) throws(UnprintableSchedule) -> String {
        func refuse(_ part: String, _ reason: String) -> UnprintableSchedule {
            UnprintableSchedule(dialect: .iso8601, rule: number, part: part, reason: reason)
        }
        guard let interval = rule.interval else {
            throw refuse(
                "interval",
                "a calendar rule (every local time its fields select) is not a repeating interval; "
                    + "an ISO 8601 interval "
                    + "adds a fixed duration to a start")
        }
        let duration: ISODuration
        switch interval.step {
        case .calendar(let unit, let every):
            throw refuse(
                "interval",
                "an RRULE-style period (every \(every) \(unit)) counts calendar periods; an ISO 8601 interval adds a "
                    + "duration, which differs across DST changes and month ends (qlik-scheduling H6-H8)")
        case .duration(let value):
            duration = value
        }
        let restricted: [(String, Bool)] = [
            ("seconds", rule.seconds != .everySecond), ("minutes", rule.minutes != .everyMinute),
            ("hours", rule.hours != .everyHour), ("day selector", rule.days != .everyDay),
            ("months", rule.months != .everyMonth), ("years", rule.years != nil), ("year days", rule.yearDays != nil),
            ("week numbers", rule.weekNumbers != nil),
        ]
        if let (part, _) = restricted.first(where: { $0.1 }) {
            throw refuse(
                part,
                "an ISO 8601 interval selects every step of its duration; it cannot also restrict the \(part) "
                    + "(\"weekdays at 8\" has no interval form)")
        }
        if !interval.setPositions.isEmpty {
            throw refuse("set positions", "an ISO 8601 interval has no BYSETPOS")
        }
        if let until = interval.until {
            throw refuse(
                "until", "an ISO 8601 interval ends after its count of repetitions, not at a point (UNTIL \(until))")
        }
        if interval.weekStart != .monday {
            throw refuse("week start", "an ISO 8601 interval has no week start (WKST \(interval.weekStart))")
        }
        if let count = interval.count, count < 0 {
            throw refuse("count", "a negative count (\(count)); expected 0 or more")
        }
        let fields = [
            duration.years, duration.months, duration.weeks, duration.days, duration.hours, duration.minutes,
            duration.seconds,
        ]
        if fields.contains(where: { $0 < 0 }) {
            throw refuse("interval", "the duration \(duration) has a negative part; ISO 8601 durations are positive")
        }
        if duration.isZero {
            throw refuse("interval", "a zero duration does not repeat")
        }
        if duration.calendarMonths > 119_988 || duration.calendarDays > 3_652_425
            || duration.elapsedSeconds > ISODuration.longestElapsedSeconds
        {
            throw refuse("interval", "the duration \(duration) is longer than 10,000 years")
        }
        if rule.dstPolicy.gap != .shiftForward || rule.dstPolicy.overlap == .both {
            throw refuse(
                "DST policy",
                "ISO 8601 intervals are computed as java.time does, which moves a time in a spring gap forward and "
                    + "takes one pass of an autumn overlap; the rule has \(rule.dstPolicy)")
        }
        for candidate in candidates(for: interval, duration: duration, policy: rule.dstPolicy, zone: &zone) {
            if reads(candidate, as: rule, zone: &zone, windowStart: windowStart) { return candidate }
        }
        throw refuse(
            "interval",
            "no ISO 8601 interval reproduces a series from \(interval.anchor) "
                + "with overlap \(rule.dstPolicy.overlap) in "
                + "\(zone.identifier): java.time would read that start in the other pass of the overlap")
    }

    /// The texts that may print a rule, normal form first.
    private static func candidates(
        for interval: RuleInterval, duration: ISODuration, policy: DSTPolicy, zone: inout ZoneRules
    ) -> [String] {
        let repetitions = interval.count.map { "R\($0)" } ?? "R"
        let anchor = interval.anchor
        let anchorInstant =
            DSTPolicy(gap: .shiftForward, overlap: policy.overlap).instants(for: zone.resolve(anchor)).first
            ?? zone.resolve(anchor).firstReading
        let alwaysUTC = zone.offset(at: anchorInstant) == 0 && isAlwaysUTC(&zone)
        let starts = [
            "\(repetitions)/\(alwaysUTC ? anchor.description + "Z" : anchor.description)/\(duration)",
            "\(repetitions)/\(zone.reading(at: anchorInstant).offsetText)/\(duration)",
        ]
        var ends: [String] = []
        if let count = interval.count,
            let end = forwardEnd(anchor: anchor, duration: duration, steps: count, policy: policy, zone: &zone)
        {
            for text in [alwaysUTC ? end.local.description + "Z" : end.local.description, end.offsetText] {
                ends.append("R/\(duration)/\(text)")
                ends.append("\(repetitions)/\(duration)/\(text)")
            }
        }
        // A series counted back from its end without a start reaches back to the year 0001; its
        // end is the readable form (R/PT2H/2020-05-11T15:30:00Z, not R8…/0001-01-01T01:30:00Z/PT2H).
        return anchor.year == 1 ? ends + starts : starts + ends
    }

    /// Whether a text reads back as exactly the rule.
    private static func reads(
        _ text: String, as rule: ScheduleRule, zone: inout ZoneRules, windowStart: TimePoint?
    )
        -> Bool
    {
        do {
            let syntax = try RepeatingIntervalSyntax.read(Array(text))
            return try syntax.rule(in: &zone, windowStart: windowStart) == rule
        } catch {
            return false
        }
    }

    /// The point `steps` durations after the anchor, as the engine computes it (java.time's
    /// `start.plus(period × steps).plus(duration × steps)`): the end of the last interval.
    private static func forwardEnd(
        anchor: LocalDateTime, duration: ISODuration, steps: Int, policy: DSTPolicy, zone: inout ZoneRules
    ) -> ZonedReading? {
        let months = anchor.year * 12 + anchor.month - 1 + steps * duration.calendarMonths
        let year = months / 12
        let month = months % 12 + 1
        guard (1...9999).contains(year) else { return nil }
        let day = min(anchor.day, CivilCalendar.daysInMonth(year: year, month: month))
        // Checked: a count near 2^31 times a long duration leaves the representable years.
        let (days, daysOverflow) = Int64(steps).multipliedReportingOverflow(by: Int64(duration.calendarDays) * 86_400)
        let (elapsed, elapsedOverflow) = Int64(steps).multipliedReportingOverflow(by: duration.elapsedSeconds)
        guard !daysOverflow, !elapsedOverflow, days < 400_000_000_000, elapsed < 400_000_000_000 else { return nil }
        let shifted = LocalDateTime(
            year: year, month: month, day: day, hour: anchor.hour, minute: anchor.minute, second: anchor.second
        )
        .adding(seconds: days)
        guard (1...9999).contains(shifted.year), let instant = policy.instants(for: zone.resolve(shifted)).first else {
            return nil
        }
        let end = instant.adding(seconds: elapsed)
        let reading = zone.reading(at: end)
        return (1...9999).contains(reading.local.year) ? reading : nil
    }

    /// Whether the zone is UTC at every instant (`UTC`, `Etc/UTC`, `Etc/GMT`…), so that `Z` may
    /// stand for it.
    private static func isAlwaysUTC(_ zone: inout ZoneRules) -> Bool {
        let first = Instant(secondsSinceEpoch: EnumerationBounds.firstLocalSecond)
        let last = Instant(secondsSinceEpoch: LocalDateTime(year: 9999, month: 12, day: 31).secondsSinceEpoch)
        return zone.offset(at: first) == 0 && zone.transitions(from: first, through: last).isEmpty
    }
}

extension ZonedReading {
    /// The reading with its offset: `2025-11-02T01:30:00-05:00`, or `…Z` at offset zero.
    var offsetText: String { local.description + ISODateTime.offsetText(offset) }
}

extension TimePoint {
    /// The point as a Serverless Workflow date-time: an instant in UTC with `Z`, a local time
    /// without offset.
    var isoText: String {
        switch self {
        case .instant(let instant): instant.description
        case .local(let local): local.description
        }
    }
}
