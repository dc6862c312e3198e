/// Writes a schedule as Quartz lines, one per rule, in the portable normal form of wyn.md §4.7:
/// seven fields separated by single spaces, upper case, weekday names, no wrapping ranges, `?` in
/// the unused day field, year `*` or one contiguous range.
///
/// What one Quartz line cannot hold is refused with the part named: both day fields, year days,
/// week numbers, set positions, counts, an interval that is not a field step, ordinals other than
/// one `#` or `L`, a DST policy the engine does not have.
struct QuartzPrinter {
    let engine: QuartzEngine

    private var dialect: Dialect { engine.dialect }

    /// The lines and the context that read them back.
    func print(_ schedule: Schedule) throws(UnprintableSchedule) -> DialectText {
        let rules: [ScheduleRule]
        switch schedule.kind {
        case .recurring(let recurring):
            rules = recurring
        case .manual:
            throw refusal(nil, "kind", "a manual schedule has no Quartz expression")
        case .once:
            throw refusal(nil, "kind", "a one-time schedule has no Quartz expression; Quartz repeats")
        case .event(let event):
            throw refusal(nil, "kind", "a schedule triggered by '\(event)' has no Quartz expression")
        }
        guard !rules.isEmpty else { throw refusal(nil, "rules", "a recurring schedule without rules never fires") }
        guard schedule.exclusions.isEmpty else {
            throw refusal(nil, "exclusions", "Quartz has no excluded dates (\(schedule.exclusions.count) given)")
        }
        var zone = ZoneRules(identifier: schedule.zone)
        var start = try localStart(schedule.window.start, zone: &zone)
        var folded: [ScheduleRule] = []
        for (index, rule) in rules.enumerated() {
            let (rule, anchor) = try fold(rule, number: index + 1)
            if let anchor, anchor > (start ?? anchor.adding(seconds: -1)) {
                // Local times before an anchor never occur: the window's wall-clock start says the
                // same, but only for the whole schedule.
                guard rules.count == 1 else {
                    throw refusal(
                        index + 1, "interval anchor",
                        "local times before \(anchor) are excluded for this rule only; a Quartz start bounds every line"
                    )
                }
                start = anchor
            }
            folded.append(rule)
        }
        let capYear = self.capYear(folded, windowStart: start)
        var lines: [String] = []
        for (index, rule) in folded.enumerated() {
            lines.append(try line(rule, number: index + 1, capYear: capYear))
        }
        let reference = Instant(
            secondsSinceEpoch: LocalDateTime(year: max(capYear - 100, 1), month: 1, day: 1).secondsSinceEpoch)
        return DialectText(
            lines: lines,
            context: DialectContext(zone: schedule.zone, start: start, end: schedule.window.end, reference: reference))
    }

    /// The window's start as the wall-clock reading Quartz compares: an instant start becomes its
    /// local reading, which is what Java does with a trigger's start time, unless the reading is
    /// ambiguous (a repeated hour), where the two would differ.
    private func localStart(_ start: TimePoint?, zone: inout ZoneRules?) throws(UnprintableSchedule) -> LocalDateTime? {
        switch start {
        case nil:
            return nil
        case .local(let local):
            return local
        case .instant(let instant):
            guard var rules = zone else {
                throw refusal(nil, "window start", "the zone is unknown, so the start instant has no local reading")
            }
            let local = rules.localDateTime(at: instant)
            zone = rules
            if case .overlap = rules.resolve(local) {
                throw refusal(
                    nil, "window start",
                    "\(instant) reads \(local), a time that occurs twice; Quartz compares the start on the wall clock "
                        + "and cannot tell the two apart")
            }
            return local
        }
    }

    /// Java's `MAX_YEAR` the printed context must give back: the largest year any rule selects,
    /// or a century after the start when a rule selects every year.
    private func capYear(_ rules: [ScheduleRule], windowStart: LocalDateTime?) -> Int {
        var cap = 0
        for rule in rules {
            if let years = rule.years {
                cap = max(cap, years.last ?? 0)
            } else {
                cap = max(cap, windowStart.map { $0.year + 100 } ?? CalendarMatcher.lastYear)
            }
        }
        return min(max(cap, 1970), CalendarMatcher.lastYear)
    }

    /// One rule as one line.
    private func line(_ rule: ScheduleRule, number: Int, capYear: Int) throws(UnprintableSchedule) -> String {
        if rule.yearDays != nil {
            throw refusal(number, "year days", "Quartz has no day-of-the-year field (RRULE BYYEARDAY)")
        }
        if rule.weekNumbers != nil {
            throw refusal(number, "week numbers", "Quartz has no week-number field (RRULE BYWEEKNO)")
        }
        let style = try timeStyle(rule.dstPolicy, number: number)
        let seconds = try timeText(rule.seconds, .seconds, range: 0...59, style: style, number: number)
        let minutes = try timeText(rule.minutes, .minutes, range: 0...59, style: style, number: number)
        var hours = try timeText(rule.hours, .hours, range: 0...23, style: style, number: number)
        if engine == .dotnet, rule.dstPolicy.overlap == .both,
            ![seconds, minutes, hours].contains(where: { $0.contains(where: { "*/-".contains($0) }) })
        {
            // Quartz.NET decides interval semantics from the text alone: a degenerate range keeps
            // the times and says "interval".
            let first = rule.hours.first ?? 0
            hours = "\(first)-\(first)" + hours.dropFirst(String(first).count)
        }
        let (dayOfMonth, dayOfWeek) = try dayTexts(rule.days, number: number)
        let months = try timeText(rule.months, .month, range: 1...12, style: .compact, number: number)
        let years = try yearText(rule.years, number: number, capYear: capYear)
        return [seconds, minutes, hours, dayOfMonth, months, dayOfWeek, years].joined(separator: " ")
    }

    /// The time-field style the rule's DST policy needs from this engine.
    private func timeStyle(_ policy: DSTPolicy, number: Int) throws(UnprintableSchedule) -> QuartzFieldText.Style {
        switch engine {
        case .java:
            guard policy == .javaQuartz else {
                throw refusal(
                    number, "DST policy",
                    "\(policy) is not Java Quartz's; it always skips a time in a spring-forward gap and fires a "
                        + "repeated time at its second pass (gap skip, overlap later)")
            }
            return .compact
        case .dotnet:
            switch (policy.gap, policy.overlap) {
            case (.shiftForward, .earlier): return .listsOnly
            case (.shiftForward, .both): return .compact
            case (.skip, _), (.transition, _), (.shiftForward, .later):
                throw refusal(
                    number, "DST policy",
                    "\(policy) is not Quartz.NET's; it shifts a time in a spring-forward gap forward and fires a "
                        + "repeated time at its first pass (fixed times) or at both (interval expressions)")
            }
        }
    }

    private func timeText(
        _ values: FieldSet, _ field: QuartzField, range: ClosedRange<Int>, style: QuartzFieldText.Style, number: Int
    ) throws(UnprintableSchedule) -> String {
        guard !values.isEmpty else { throw refusal(number, field.name, "selects no value, so the rule never fires") }
        guard let first = values.first, let last = values.last, range.contains(first), range.contains(last) else {
            throw refusal(number, field.name, "\(values) lies outside \(range.lowerBound)-\(range.upperBound)")
        }
        return QuartzFieldText.text(values.values, range: range, style: style)
    }

    /// `*` for every year up to the engine's last, or one contiguous range.
    private func yearText(_ years: YearSet?, number: Int, capYear: Int) throws(UnprintableSchedule) -> String {
        guard let years else { return "*" }
        guard let range = years.ranges.first else {
            throw refusal(number, "years", "selects no year the engine reaches, so the rule never fires")
        }
        guard years.ranges.count == 1 else {
            throw refusal(
                number, "years",
                "\(years) is not one contiguous range; the portable form (wyn.md §4.7) writes '*' or one range per line"
            )
        }
        if engine == .dotnet, range.lowerBound < 1970 {
            throw refusal(number, "years", "\(years) starts before 1970, which Quartz.NET 3.19 and later reject")
        }
        if range.lowerBound == 1970, range.upperBound == capYear { return "*" }
        return range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
    }

    func refusal(_ rule: Int?, _ part: String, _ reason: String) -> UnprintableSchedule {
        UnprintableSchedule(dialect: dialect, rule: rule, part: part, reason: reason)
    }
}
