/// The rule Java Quartz 2.3.2's evaluator (`CronExpression.getTimeAfter`) follows for a parsed
/// state, and the few states it accepts but cannot evaluate.
extension QuartzJavaState {
    /// The schedule rules this state selects: one, or two for `31W` (see below).
    ///
    /// - Parameters:
    ///   - capYear: Java's `MAX_YEAR` (the current year + 100): no year after it ever fires.
    ///   - policy: how the engine maps local times onto the time line on DST days.
    /// - Throws: ``QuartzProblem`` for a state Java accepts but fails on (a field left empty) or
    ///   never returns from (`0W`, `L-28W` to `L-30W`).
    func rules(capYear: Int, policy: DSTPolicy) throws(QuartzProblem) -> [ScheduleRule] {
        let seconds = try timeField(.seconds, range: 0...59)
        let minutes = try timeField(.minutes, range: 0...59)
        let hours = try timeField(.hours, range: 0...23)
        let days = try daySelector()
        // getTimeAfter reads the months only once a day has passed; with `8#2` (no day ever
        // passes) an empty month field returns "never" instead of failing.
        let neverPasses = days == .weekdays(WeekdaySet())
        let months = neverPasses ? self[.month].values(in: 1...12) : try timeField(.month, range: 1...12)
        let rule = ScheduleRule(
            seconds: seconds, minutes: minutes, hours: hours, days: days, months: months,
            years: years(capYear: capYear), dstPolicy: policy)
        guard case .monthDays(let days) = rule.days, days.nearestWeekdayDays == [31] else { return [rule] }
        // `31W` in a 30-day month: getTimeAfter asks its lenient calendar for the weekday of
        // "day 31", which is the 1st of the next month; when that is a Saturday it moves back a
        // day, to the 30th, a Friday inside the month, and fires there. The search reaches those
        // months day by day (the 31st before them is a Wednesday, so 31W fired on it), so this
        // happens every time (measured: `0 0 8 31W * ?` fires on 2027-04-30 in a chain from 2026).
        var thirtieth = rule
        thirtieth.days = .both(MonthDaySet(days: [30]), WeekdaySet(every: [.friday]))
        thirtieth.months = FieldSet(rule.months.filter { [4, 6, 9, 11].contains($0) })
        return thirtieth.months.isEmpty ? [rule] : [rule, thirtieth]
    }

    private func span(_ field: QuartzField) -> Range<Int> {
        fieldSpans[field] ?? 0..<0
    }

    /// The values of a field within its range; Java fails with `NoSuchElementException` on the
    /// first fire-time request when a field holds none (only `L` forms, which add nothing outside
    /// the day fields, or a bare `,`, leave one empty).
    private func timeField(_ field: QuartzField, range: ClosedRange<Int>) throws(QuartzProblem) -> FieldSet {
        try checkReachable(field, maximum: range.upperBound)
        let values = self[field].values(in: range)
        guard !values.isEmpty else {
            throw QuartzProblem(
                field, at: span(field),
                "selects no value ('L' means nothing outside the day fields); Java Quartz 2.3.2 accepts it and then "
                    + "fails when asked for a fire time; expected \(field.expectedValues)")
        }
        return values
    }

    /// `99-n` with n past the field's maximum stores values Java's evaluator can reach when the
    /// maximum itself is missing (`99-70/7` in seconds: after 56 comes 63); its lenient calendar
    /// then turns second 63 into the next minute's 3, a time outside the set, which taskgate does
    /// not model. With the maximum present the extra values are never reached.
    private func checkReachable(_ field: QuartzField, maximum: Int) throws(QuartzProblem) {
        let values = self[field]
        guard values.hasValue(above: maximum), !values.contains(maximum) else { return }
        throw QuartzProblem(
            field, at: span(field),
            "'99' reads as '*' in Java Quartz 2.3.2, and a range from it stores values past \(maximum) that Java then "
                + "rolls over into the next period, which taskgate does not model; expected \(field.expectedValues)")
    }

    private func daySelector() throws(QuartzProblem) -> DaySelector {
        if !self[.dayOfMonth].hasNoSpecMarker {
            return try monthDays()
        }
        return try weekdays()
    }

    /// Day-of-month as the evaluator reads it: `L` forms first, then `W` on the smallest day
    /// stored (`1,15W` is `1W`), then the plain days.
    private func monthDays() throws(QuartzProblem) -> DaySelector {
        let days = self[.dayOfMonth]
        if lastDayOfMonth {
            guard nearestWeekday else { return .monthDays(MonthDaySet(fromEnd: 1 << UInt32(lastDayOffset))) }
            // getTimeAfter computes the day "last - n", which is 0 or less in February (and in
            // 30-day months for n = 30); its lenient calendar then steps back into the previous
            // month, which sends it forward again: the loop never ends (measured: `0 0 8 L-28W * ?`
            // from 2026-01-15 does not return).
            guard lastDayOffset < 28 else {
                throw QuartzProblem(
                    .dayOfMonth, at: span(.dayOfMonth),
                    "Java Quartz 2.3.2 accepts 'L-\(lastDayOffset)W' but its evaluator loops forever at the first "
                        + "month with at most \(lastDayOffset) days; expected an offset 0-27 before 'W'")
            }
            return .monthDays(MonthDaySet(nearestWeekdayFromEnd: 1 << UInt32(lastDayOffset)))
        }
        if nearestWeekday, let first = days.first {
            // Day 0 is the last day of the previous month to Java's lenient calendar: the same loop.
            guard first >= 1 else {
                throw QuartzProblem(
                    .dayOfMonth, at: nearestWeekdaySpan ?? span(.dayOfMonth),
                    "Java Quartz 2.3.2 accepts day 0 before 'W' but its evaluator loops forever; expected a day 1-31")
            }
            return .monthDays(MonthDaySet(nearestWeekday: 1 << UInt32(first)))
        }
        let plain = days.values(in: 1...31)
        guard !plain.isEmpty else {
            throw QuartzProblem(
                .dayOfMonth, at: span(.dayOfMonth), "selects no day; expected \(QuartzField.dayOfMonth.expectedValues)")
        }
        if plain.isExactly(1...31) { return .everyDay }
        return .monthDays(MonthDaySet(days: UInt32(truncatingIfNeeded: plain.bits)))
    }

    /// Day-of-week as the evaluator reads it: `nL` first, then `n#k` on the smallest weekday
    /// stored, then the plain weekdays.
    private func weekdays() throws(QuartzProblem) -> DaySelector {
        let days = self[.dayOfWeek]
        if lastDayOfWeek, let first = days.first, let weekday = Self.weekday(quartzNumber: first) {
            return .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(weekday, -1)]))
        }
        if nthDayOfWeek != 0, let first = days.first {
            // Java stores the number before `#` unchecked. Its search adds "desired - current"
            // days: 0 lands on Saturday like 7, and 8 or more always moves on and never fires.
            guard let weekday = Self.weekday(quartzNumber: first == 0 ? 7 : first) else {
                return .weekdays(WeekdaySet())
            }
            return .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(weekday, nthDayOfWeek)]))
        }
        try checkReachable(.dayOfWeek, maximum: 7)
        let plain = days.values(in: 1...7)
        guard !plain.isEmpty else {
            throw QuartzProblem(
                .dayOfWeek, at: span(.dayOfWeek),
                "selects no weekday; Java Quartz 2.3.2 accepts it and then fails when asked for a fire time; "
                    + "expected \(QuartzField.dayOfWeek.expectedValues)")
        }
        if plain.count == 7 { return .everyDay }
        return .weekdays(WeekdaySet(every: plain.compactMap { Self.weekday(quartzNumber: $0) }))
    }

    /// The years up to the engine's last year (and 9999, the model's last).
    private func years(capYear: Int) -> YearSet {
        let reachable = 1...max(1, min(capYear, CalendarMatcher.lastYear))
        return YearSet(ranges: years.flatMap { $0.ranges(in: reachable) })
    }

    /// Quartz numbers weekdays 1 = Sunday … 7 = Saturday.
    static func weekday(quartzNumber: Int) -> Weekday? {
        switch quartzNumber {
        case 1: .sunday
        case 2: .monday
        case 3: .tuesday
        case 4: .wednesday
        case 5: .thursday
        case 6: .friday
        case 7: .saturday
        default: nil
        }
    }

    /// The Quartz number of a weekday.
    static func quartzNumber(of weekday: Weekday) -> Int {
        switch weekday {
        case .sunday: 1
        case .monday: 2
        case .tuesday: 3
        case .wednesday: 4
        case .thursday: 5
        case .friday: 6
        case .saturday: 7
        }
    }
}
