extension RepeatingIntervalSyntax {
    /// The rule the interval stands for in `zone`.
    ///
    /// Occurrence k is java.time's `start.plus(period × k).plus(duration × k)` (see
    /// ``ISO8601IntervalDialect``): the nominal part on the wall clock from the start's reading,
    /// the time part elapsed. `Rn` gives n occurrences; `R/duration/end` counts back from the end,
    /// `R/duration` takes `windowStart` as its start.
    ///
    /// - Parameter windowStart: the window's start (`--start`, `startDateTime`): the anchor of
    ///   `R/duration`, and the first occurrence wanted by an unbounded `R/duration/end`.
    /// - Throws: ``ISO8601Problem`` when the interval has no anchor, ends before it starts, falls outside
    ///   the years 0001–9999, or cannot be counted back from its end.
    func rule(in zone: inout ZoneRules, windowStart: TimePoint?) throws(ISO8601Problem) -> ScheduleRule {
        let count: Int?
        switch repetitions {
        case .unbounded: count = nil
        case .count(let value): count = value
        }
        switch shape {
        case .startDuration(let start, let duration):
            let reading = try checkedReading(
                zone.reading(of: start), part: parts[0], field: "start", zone: zone.identifier)
            return Self.rule(
                anchor: reading.local, duration: duration, count: count, overlap: zone.javaTimeOverlap(for: reading))
        case .startEnd(let start, let end):
            let first = try checkedReading(
                zone.reading(of: start), part: parts[0], field: "start", zone: zone.identifier)
            let last = zone.reading(of: end)
            let seconds = last.instant.secondsSinceEpoch - first.instant.secondsSinceEpoch
            guard seconds > 0 else {
                throw ISO8601Problem(
                    field: "end", offset: parts[1].offset, value: parts[1].string,
                    reason: "the end (\(last.instant)) is not after the start (\(first.instant)); expected a later end")
            }
            // ISO 8601 §4.4.4: the interval's duration is the elapsed time from start to end.
            let duration = ISODuration(
                hours: Int(seconds / 3600), minutes: Int(seconds % 3600 / 60), seconds: Int(seconds % 60))
            return Self.rule(
                anchor: first.local, duration: duration, count: count, overlap: zone.javaTimeOverlap(for: first))
        case .duration(let duration):
            guard let windowStart else {
                throw ISO8601Problem(
                    field: "start", offset: parts[0].offset, value: parts[0].string,
                    reason: "the interval has no start, and Serverless Workflow leaves the first run to the runtime "
                        + "(qlik-scheduling H3); give a start (--start, or startDateTime in a schedule object)")
            }
            let reading = try checkedReading(
                zone.reading(of: windowStart), part: parts[0], field: "start", zone: zone.identifier)
            return Self.rule(
                anchor: reading.local, duration: duration, count: count, overlap: zone.javaTimeOverlap(for: reading))
        case .durationEnd(let duration, let end):
            let endReading = try checkedReading(
                zone.reading(of: end), part: parts[1], field: "end", zone: zone.identifier)
            var counter = CountingBack(zone: zone, end: endReading, duration: duration, windowStart: windowStart)
            let rule = try counter.rule(count: count, syntax: self)
            zone = counter.zone
            return rule
        }
    }

    /// The rule every ISO 8601 interval becomes: every local time matches, the interval selects.
    static func rule(
        anchor: LocalDateTime, duration: ISODuration, count: Int?, overlap: DSTPolicy.Overlap
    )
        -> ScheduleRule
    {
        ScheduleRule(
            seconds: .everySecond, minutes: .everyMinute, hours: .everyHour, days: .everyDay, months: .everyMonth,
            interval: RuleInterval(step: .duration(duration), anchor: anchor, count: count),
            dstPolicy: DSTPolicy(gap: .shiftForward, overlap: overlap))
    }

    private func checkedReading(
        _ reading: ZonedReading, part: Part, field: String, zone: String
    ) throws(ISO8601Problem) -> ZonedReading {
        guard (1...9999).contains(reading.local.year) else {
            throw ISO8601Problem(
                field: field, offset: part.offset, value: part.string,
                reason: "falls on \(reading.local) in \(zone); expected a time in the years 0001-9999")
        }
        return reading
    }
}

/// `R[n]/duration/end`: the occurrences are end − k·duration for k = 1 … n (qlik-scheduling §4.1:
/// the last at end − duration), computed as java.time's `end.minus(…)` does.
///
/// The rule needs the first of them as its anchor, from which it counts forward again. Forward
/// and backward arithmetic agree only for durations of one kind: elapsed time (exact), whole
/// weeks and days (the wall clock is invertible), or whole months and years when the anchor's
/// day is not clamped (from day 31 back to a 30-day month, counting forward again would stay on
/// the 30th; H8). Other durations are refused. Without `n`, the series is endless into the past:
/// the anchor is the first occurrence at or after the window's start (or the earliest one in
/// year 0001), moved further back when its day would be clamped.
private struct CountingBack {
    var zone: ZoneRules
    let end: ZonedReading
    let duration: ISODuration
    let windowStart: TimePoint?
    let overlap: DSTPolicy.Overlap
    private let firstLocal = LocalDateTime(year: 1, month: 1, day: 1)

    init(zone: ZoneRules, end: ZonedReading, duration: ISODuration, windowStart: TimePoint?) {
        self.zone = zone
        self.end = end
        self.duration = duration
        self.windowStart = windowStart
        overlap = self.zone.javaTimeOverlap(for: end)
    }

    private enum Kind { case elapsed, days, months, mixed }

    private var kind: Kind {
        let hasMonths = duration.calendarMonths != 0
        let hasDays = duration.calendarDays != 0
        let hasTime = duration.elapsedSeconds != 0
        switch (hasMonths, hasDays, hasTime) {
        case (false, false, true): return .elapsed
        case (false, true, false): return .days
        case (true, false, false): return .months
        default: return .mixed
        }
    }

    mutating func rule(count: Int?, syntax: RepeatingIntervalSyntax) throws(ISO8601Problem) -> ScheduleRule {
        let kind = kind
        if kind == .mixed {
            throw ISO8601Problem(
                field: "duration", offset: syntax.parts[0].offset, value: syntax.parts[0].string,
                reason: "counting back from an end needs a duration of one kind — only hours, minutes and seconds; "
                    + "only weeks and days; or only years and months (qlik-scheduling H4, H8); write the start instead")
        }
        var steps: Int
        if let count {
            steps = count
            guard local(steps, kind) != nil else {
                throw ISO8601Problem(
                    field: "repetitions", offset: 0, value: "R\(count)",
                    reason: "\(count) intervals of \(duration) before \(end.local) start before the year 0001")
            }
            if kind == .months, steps >= 2, isClamped(steps) {
                let first = local(steps, kind).map(\.description) ?? ""
                throw ISO8601Problem(
                    field: "end", offset: syntax.parts[1].offset, value: syntax.parts[1].string,
                    reason:
                        "counting \(count) × \(duration) back from day \(end.local.day) reaches \(first), clamped to "
                        + "the month's end, and counting forward from there gives other days (qlik-scheduling H8); "
                        + "write the start instead")
            }
        } else {
            steps = firstWanted(kind)
            if kind == .months { steps = unclamped(from: steps) }
        }
        let anchor: LocalDateTime
        let overlap: DSTPolicy.Overlap
        if kind == .elapsed {
            // Only the anchor is ever resolved, so its own reading decides the overlap.
            let reading = elapsedReading(steps) ?? end
            anchor = reading.local
            overlap = zone.javaTimeOverlap(for: reading)
        } else {
            anchor = local(steps, kind) ?? end.local
            overlap = self.overlap
        }
        return RepeatingIntervalSyntax.rule(anchor: anchor, duration: duration, count: steps, overlap: overlap)
    }

    /// The wall-clock reading of occurrence `end − steps·duration`, or `nil` before the year 0001.
    private mutating func local(_ steps: Int, _ kind: Kind) -> LocalDateTime? {
        switch kind {
        case .elapsed:
            return elapsedReading(steps)?.local
        case .days:
            let (days, overflow) = steps.multipliedReportingOverflow(by: duration.calendarDays)
            guard !overflow, days <= 4_000_000 else { return nil }
            let local = end.local.adding(seconds: -Int64(days) * 86_400)
            return local >= firstLocal ? local : nil
        case .months, .mixed:
            let (months, overflow) = steps.multipliedReportingOverflow(by: duration.calendarMonths)
            guard !overflow else { return nil }
            let total = end.local.year * 12 + end.local.month - 1 - months
            guard total >= 12 else { return nil }
            let year = total / 12
            let month = total % 12 + 1
            let day = min(end.local.day, CivilCalendar.daysInMonth(year: year, month: month))
            return LocalDateTime(
                year: year, month: month, day: day, hour: end.local.hour, minute: end.local.minute,
                second: end.local.second)
        }
    }

    private mutating func elapsedReading(_ steps: Int) -> ZonedReading? {
        let (seconds, overflow) = Int64(steps).multipliedReportingOverflow(by: duration.elapsedSeconds)
        guard !overflow, seconds <= 400_000_000_000 else { return nil }
        let reading = zone.reading(at: end.instant.adding(seconds: -seconds))
        return reading.local >= firstLocal ? reading : nil
    }

    /// Occurrence `steps` as the engine will read it (for comparing with the window's start).
    private mutating func reading(_ steps: Int, _ kind: Kind) -> ZonedReading? {
        if kind == .elapsed { return elapsedReading(steps) }
        guard let local = local(steps, kind) else { return nil }
        let instants = DSTPolicy(gap: .shiftForward, overlap: overlap).instants(for: zone.resolve(local))
        guard let instant = instants.first else { return nil }
        return zone.reading(at: instant)
    }

    private mutating func admits(_ reading: ZonedReading) -> Bool {
        switch windowStart {
        case .instant(let start): reading.instant >= start
        case .local(let start): reading.local >= start
        case nil: reading.local >= firstLocal
        }
    }

    /// The number of occurrences at or after the window's start: an estimate from the average
    /// length of the duration, then corrected one step at a time.
    private mutating func firstWanted(_ kind: Kind) -> Int {
        let lower: Int64
        switch windowStart {
        case .instant(let start): lower = start.secondsSinceEpoch
        case .local(let start): lower = zone.reading(ofLocal: start).instant.secondsSinceEpoch
        case nil: lower = firstLocal.secondsSinceEpoch - 86_400
        }
        let averageLength =
            Double(duration.calendarMonths) * 2_629_746 + Double(duration.calendarDays) * 86_400
            + Double(duration.elapsedSeconds)
        let span = Double(end.instant.secondsSinceEpoch - lower)
        var steps = span > 0 ? Int((span / averageLength).rounded(.down)) : 0
        while steps > 0, let candidate = reading(steps, kind), !admits(candidate) { steps -= 1 }
        while steps > 0, reading(steps, kind) == nil { steps -= 1 }
        while let candidate = reading(steps + 1, kind), admits(candidate) { steps += 1 }
        return steps
    }

    private mutating func isClamped(_ steps: Int) -> Bool {
        guard let local = local(steps, .months) else { return false }
        return local.day != end.local.day
    }

    /// `steps`, or the nearest count further back (else nearer) whose first occurrence keeps the
    /// end's day of the month; occurrences before the window's start are then left to the window.
    private mutating func unclamped(from steps: Int) -> Int {
        guard steps >= 2, isClamped(steps) else { return steps }
        var candidate = steps
        // Day 29 of February recurs within 8 years; 400 years bound every pattern of month lengths.
        for _ in 0..<4_800 {
            candidate += 1
            guard local(candidate, .months) != nil else { break }
            if !isClamped(candidate) { return candidate }
        }
        candidate = steps
        while candidate >= 2, isClamped(candidate) { candidate -= 1 }
        return candidate
    }
}
