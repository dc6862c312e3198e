/// Folding an RRULE-style interval into Quartz fields, where that is exact.
///
/// A calendar interval of every n seconds, minutes, hours or months from an anchor includes the
/// periods whose number is a multiple of n. Counted on the wall clock, that is the field values
/// congruent to the anchor's modulo n whenever n divides the field's cycle (60, 60, 24, 12):
/// `FREQ=HOURLY;INTERVAL=6` from 02:00 is hours 2, 8, 14, 20 (qlik-scheduling.md §10 H11). Every
/// n days or weeks has no Quartz form (months differ in length, weeks cross them).
extension QuartzPrinter {
    /// The rule without its interval, and the anchor before which nothing occurs.
    func fold(_ rule: ScheduleRule, number: Int) throws(UnprintableSchedule) -> (ScheduleRule, LocalDateTime?) {
        guard let interval = rule.interval else { return (rule, nil) }
        guard interval.setPositions.isEmpty else {
            throw refusal(
                number, "set positions",
                "BYSETPOS \(interval.setPositions.map(String.init).joined(separator: ",")) has no Quartz form")
        }
        if let count = interval.count {
            throw refusal(number, "count", "COUNT=\(count) has no Quartz form; Quartz stops only at an end time")
        }
        if let until = interval.until {
            throw refusal(number, "until", "UNTIL \(until) belongs to this rule only; Quartz has no per-line end")
        }
        let unit: CalendarUnit
        let every: Int
        switch interval.step {
        case .duration(let duration):
            throw refusal(
                number, "interval",
                "an ISO 8601 repetition every \(duration) steps elapsed time from its start; Quartz matches fields")
        case .calendar(let calendarUnit, let calendarEvery):
            unit = calendarUnit
            every = calendarEvery
        }
        var folded = rule
        folded.interval = nil
        guard every > 1 else { return (folded, interval.anchor) }
        let anchor = interval.anchor
        switch unit {
        case .second:
            folded.seconds = try congruent(
                rule.seconds, to: anchor.second, every: every, cycle: 60, unit, number: number)
        case .minute:
            folded.minutes = try congruent(
                rule.minutes, to: anchor.minute, every: every, cycle: 60, unit, number: number)
        case .hour:
            folded.hours = try congruent(rule.hours, to: anchor.hour, every: every, cycle: 24, unit, number: number)
        case .month:
            folded.months = try congruent(rule.months, to: anchor.month, every: every, cycle: 12, unit, number: number)
        case .day, .week, .year:
            throw refusal(
                number, "interval",
                "every \(every) \(unit.rawValue)s from \(anchor) has no Quartz form; Quartz steps restart in every "
                    + "enclosing period (wyn.md §10 H7)")
        }
        return (folded, anchor)
    }

    private func congruent(
        _ values: FieldSet, to phase: Int, every: Int, cycle: Int, _ unit: CalendarUnit, number: Int
    ) throws(UnprintableSchedule) -> FieldSet {
        guard cycle % every == 0 else {
            throw refusal(
                number, "interval",
                "every \(every) \(unit.rawValue)s does not divide the \(cycle) \(unit.rawValue)s of the next unit, so the "
                    + "Quartz step would restart out of phase (wyn.md §10 H7)")
        }
        let kept = FieldSet(values.filter { ($0 - phase) % every == 0 })
        guard !kept.isEmpty else {
            throw refusal(
                number, "interval",
                "every \(every) \(unit.rawValue)s never meets the selected values, so the rule never fires")
        }
        return kept
    }
}
