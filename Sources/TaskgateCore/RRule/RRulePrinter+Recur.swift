extension RRulePrinter {
    /// The RECUR value of one rule, in normal form.
    static func recur(for rule: ScheduleRule, number: Int) throws(UnprintableSchedule) -> RRuleRecur {
        func failure(_ part: String, _ reason: String) -> UnprintableSchedule {
            UnprintableSchedule(dialect: .rrule, rule: number, part: part, reason: reason)
        }
        guard rule.dstPolicy == .rfc5545 else {
            throw failure(
                "DST policy",
                "RRULE resolves local times as RFC 5545 §3.3.5 says (\(DSTPolicy.rfc5545)); this rule uses \(rule.dstPolicy)"
            )
        }
        if let years = rule.years {
            throw failure("years", "RRULE has no year restriction; the rule is limited to \(years)")
        }
        let seconds = try values(rule.seconds, in: 0...60, part: "seconds", number: number)
        let minutes = try values(rule.minutes, in: 0...59, part: "minutes", number: number)
        let hours = try values(rule.hours, in: 0...23, part: "hours", number: number)
        let months = try values(rule.months, in: 1...12, part: "months", number: number)
        let (monthDays, weekdays) = try daySets(rule.days, number: number)
        let ordinals = weekdays?.sortedOrdinals ?? []
        let allHours = rule.hours.isExactly(0...23)
        let allMinutes = rule.minutes.isExactly(0...59)
        let allSeconds = rule.seconds.isExactly(0...59)

        let frequency: CalendarUnit
        let every: Int
        if let interval = rule.interval, case .calendar(let unit, let step) = interval.step {
            frequency = unit
            every = step
        } else {
            // A calendar rule: the finest unit whose finer fields are all selected, or a coarser
            // one where RFC 5545 allows the day parts only there.
            var unit: CalendarUnit = allHours ? (allMinutes ? (allSeconds ? .second : .minute) : .hour) : .day
            if rule.weekNumbers != nil || (!ordinals.isEmpty && weekdays?.ordinalScope == .year) {
                unit = .year
            } else if !ordinals.isEmpty {
                unit = rule.yearDays == nil ? .month : .year
            } else if rule.yearDays != nil, unit == .day {
                unit = .year
            }
            frequency = unit
            every = 1
        }
        let frequencyText = "FREQ=" + frequency.rruleFrequency
        var recur = RRuleRecur(frequency: frequency)
        guard (1...RRuleRecurParser.largestCount).contains(every) else {
            throw failure("interval", "INTERVAL must be 1 to \(RRuleRecurParser.largestCount), not \(every)")
        }
        recur.interval = every
        if frequency > .second || !allSeconds { recur.seconds = seconds }
        if frequency > .minute || !allMinutes { recur.minutes = minutes }
        if frequency > .hour || !allHours { recur.hours = hours }

        if !ordinals.isEmpty {
            guard frequency == .month || frequency == .year else {
                throw failure("day selector", "ordinal weekdays need FREQ=MONTHLY or FREQ=YEARLY, not \(frequencyText)")
            }
            guard rule.weekNumbers == nil else {
                throw failure("day selector", "ordinal weekdays must not be combined with BYWEEKNO (RFC 5545 §3.3.10)")
            }
            if weekdays?.ordinalScope == .year, frequency == .month || !rule.months.isExactly(1...12) {
                throw failure(
                    "day selector", "ordinal weekdays counted in the year need FREQ=YEARLY without BYMONTH")
            }
            if let bad = ordinals.first(where: { !(1...53).contains(abs($0.ordinal)) }) {
                throw failure(
                    "day selector", "the ordinal \(bad.ordinal) of \(bad.weekday) is not 1 to 53 or -53 to -1")
            }
        }
        let monthScoped = !ordinals.isEmpty && weekdays?.ordinalScope == .month && frequency == .year
        if !rule.months.isExactly(1...12) || monthScoped { recur.months = months }
        if let weekdays {
            recur.days =
                weekdays.everyWeekday.map { RRuleRecur.Day(weekday: $0, ordinal: nil) }
                + ordinals.filter { $0.ordinal > 0 }.map { RRuleRecur.Day(weekday: $0.weekday, ordinal: $0.ordinal) }
                + ordinals.filter { $0.ordinal < 0 }.sorted { ($0.ordinal, $0.weekday) > ($1.ordinal, $1.weekday) }
                .map { RRuleRecur.Day(weekday: $0.weekday, ordinal: $0.ordinal) }
        }
        if let monthDays {
            guard frequency != .week else {
                throw failure("day selector", "days of the month are not allowed with FREQ=WEEKLY (RFC 5545 §3.3.10)")
            }
            recur.monthDays = monthDays.plainDays + monthDays.offsetsFromEnd.map { -$0 - 1 }
        }
        if let yearDays = rule.yearDays {
            guard ![.day, .week, .month].contains(frequency) else {
                throw failure("year days", "BYYEARDAY is not allowed with \(frequencyText) (RFC 5545 §3.3.10)")
            }
            recur.yearDays = try signedValues(yearDays.days, limit: 366, part: "year days", number: number)
        }
        if let weekNumbers = rule.weekNumbers {
            guard frequency == .year else {
                throw failure("week numbers", "BYWEEKNO is allowed only with FREQ=YEARLY, not \(frequencyText)")
            }
            recur.weekNumbers = try signedValues(weekNumbers.weeks, limit: 53, part: "week numbers", number: number)
            recur.weekStart = weekNumbers.weekStart
        }
        // What DTSTART would fill in is written out: a day part for WEEKLY, MONTHLY and YEARLY.
        let needsDayPart: Bool
        switch frequency {
        case .year: needsDayPart = !recur.hasDayPart
        case .month: needsDayPart = recur.days == nil && recur.monthDays == nil
        case .week: needsDayPart = recur.days == nil
        case .day, .hour, .minute, .second: needsDayPart = false
        }
        if needsDayPart { recur.days = everyWeekday }

        guard let interval = rule.interval else { return recur }
        if !interval.setPositions.isEmpty {
            recur.setPositions = try signedValues(
                interval.setPositions, limit: 366, part: "set positions", number: number)
            if !recur.hasSelectionPart { recur.seconds = seconds }
        }
        if frequency == .week, every > 1 || !interval.setPositions.isEmpty {
            if let weekStart = recur.weekStart, weekStart != interval.weekStart {
                throw failure(
                    "interval", "its week start \(interval.weekStart) differs from the week numbers' \(weekStart)")
            }
            recur.weekStart = interval.weekStart
        }
        switch (interval.count, interval.until) {
        case (let count?, _?):
            throw failure("interval", "COUNT \(count) and UNTIL must not occur together (RFC 5545 §3.3.10)")
        case (let count?, nil):
            guard (1...RRuleRecurParser.largestCount).contains(count) else {
                throw failure("interval", "COUNT must be 1 to \(RRuleRecurParser.largestCount), not \(count)")
            }
            recur.count = count
        case (nil, .instant(let instant)?):
            recur.until = RRuleDateTime(instant: instant)
        case (nil, .local(let local)?):
            recur.until = RRuleDateTime(local: local, form: .floating)
        case (nil, nil):
            break
        }
        return recur
    }

    /// The values of a field set, checked against the range RRULE allows.
    private static func values(
        _ set: FieldSet, in range: ClosedRange<Int>, part: String, number: Int
    ) throws(UnprintableSchedule) -> [Int] {
        guard !set.isEmpty else {
            throw UnprintableSchedule(dialect: .rrule, rule: number, part: part, reason: "the rule selects no value")
        }
        guard let bad = set.first(where: { !range.contains($0) }) else { return set.values }
        throw UnprintableSchedule(
            dialect: .rrule, rule: number, part: part,
            reason: "\(bad) is outside \(range.lowerBound) to \(range.upperBound)")
    }

    /// Signed values ±1…limit: the positive ones ascending, then the negative ones from -1 down.
    private static func signedValues(
        _ values: [Int], limit: Int, part: String, number: Int
    ) throws(UnprintableSchedule) -> [Int] {
        guard !values.isEmpty else {
            throw UnprintableSchedule(dialect: .rrule, rule: number, part: part, reason: "the rule selects no value")
        }
        if let bad = values.first(where: { $0 == 0 || abs($0) > limit }) {
            throw UnprintableSchedule(
                dialect: .rrule, rule: number, part: part, reason: "\(bad) is not 1 to \(limit) or -\(limit) to -1")
        }
        let unique = Set(values)
        return unique.filter { $0 > 0 }.sorted() + unique.filter { $0 < 0 }.sorted(by: >)
    }

    /// The month days and weekdays of a day selector, which RRULE intersects.
    private static func daySets(
        _ days: DaySelector, number: Int
    ) throws(UnprintableSchedule) -> (MonthDaySet?, WeekdaySet?) {
        func failure(_ reason: String) -> UnprintableSchedule {
            UnprintableSchedule(dialect: .rrule, rule: number, part: "day selector", reason: reason)
        }
        let monthDays: MonthDaySet?
        let weekdays: WeekdaySet?
        switch days {
        case .everyDay:
            (monthDays, weekdays) = (nil, nil)
        case .monthDays(let set):
            (monthDays, weekdays) = (set, nil)
        case .weekdays(let set):
            (monthDays, weekdays) = (nil, set)
        case .both(let set, let weekdaySet):
            (monthDays, weekdays) = (set, weekdaySet)
        case .either:
            throw failure(
                "a day matches the days of the month or the weekdays (cron); RRULE intersects BYMONTHDAY and BYDAY, "
                    + "so the union needs two RRULE lines")
        }
        if let monthDays {
            guard monthDays.nearestWeekday == 0, monthDays.nearestWeekdayFromEnd == 0 else {
                throw failure("the weekday nearest to a day of the month (Quartz W) has no single-RRULE form")
            }
            guard !monthDays.isEmpty, monthDays.days & 1 == 0, monthDays.fromEnd >> 31 == 0 else {
                throw failure("the days of the month select no day RRULE can name")
            }
        }
        if let weekdays, weekdays.isEmpty || weekdays.every & 1 != 0 {
            throw failure("the weekdays select no day")
        }
        return (monthDays, weekdays)
    }
}
