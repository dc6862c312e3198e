/// One rule of a schedule in words.
///
/// A rule without a cadence, or with a cadence of a day or more, reads time first: `at 09:00
/// on Tuesdays and Sundays, every 2 weeks from the week of 2026-01-05, weeks starting Monday`.
/// A rule that steps by hours, minutes or seconds, or by an ISO 8601 duration, reads cadence
/// first and its clock fields as limits: `every 15 minutes from 2026-01-05 09:00, only in hours
/// 9 to 17, on Monday to Friday`. Set positions, count and end follow.
struct RulePhrase {
    let rule: ScheduleRule
    /// The window's start; an anchor it already implies is not repeated.
    let windowStart: TimePoint?

    func text(points: inout TimePointText) -> String {
        var clauses: [String] = []
        var reference: LocalDateTime?
        let calendar = calendarParts
        switch rule.interval?.step {
        case .duration(let duration):
            clauses.append(IntervalPhrase.duration(duration, anchor: anchor))
            clauses += limits(coarserThan: nil)
            clauses += calendar.isEmpty ? [] : [calendar.joined(separator: " ")]
        case .calendar(let unit, let every) where unit < .day && every > 1:
            var start = IntervalPhrase.periodStart(unit, of: anchor, weekStart: weekStart)
            let finer = finerFields(than: unit)
            if finer.allSatisfy({ $0.selected.count == 1 }) {
                start = Self.setting(finer, in: start)
            } else if let phrase = TimeOfDayPhrase.fieldByField(finer) {
                clauses.append(phrase + " of the \(unit == .hour ? "hour" : "minute")")
            }
            reference = start
            clauses.insert(IntervalPhrase.every(unit, every) + " from " + ClockText.dateTime(start), at: 0)
            clauses += limits(coarserThan: unit)
            clauses += calendar.isEmpty ? [] : [calendar.joined(separator: " ")]
        case .calendar(let unit, let every):
            let time = TimeOfDayPhrase.phrase(seconds: rule.seconds, minutes: rule.minutes, hours: rule.hours)
            clauses.append(([time] + calendar).joined(separator: " "))
            if every > 1 {
                let start = IntervalPhrase.periodStart(unit, of: anchor, weekStart: weekStart)
                reference = start
                clauses.append(
                    IntervalPhrase.every(unit, every) + " from "
                        + IntervalPhrase.periodName(unit, start: start, weekStart: weekStart))
            }
        case nil:
            let time = TimeOfDayPhrase.phrase(seconds: rule.seconds, minutes: rule.minutes, hours: rule.hours)
            clauses.append(([time] + calendar).joined(separator: " "))
        }
        if let interval = rule.interval {
            if case .calendar(let unit, let every) = interval.step {
                if let notBefore = notBefore(reference: reference) { clauses.append(notBefore) }
                if var positions = IntervalPhrase.setPositions(interval.setPositions, unit: unit) {
                    if unit == .week, every == 1 { positions += ", weeks starting \(interval.weekStart.name)" }
                    clauses.append(positions)
                }
            }
            if let count = IntervalPhrase.count(interval.count) { clauses.append(count) }
            if let until = interval.until { clauses.append("until " + points.text(until)) }
        }
        return clauses.joined(separator: ", ")
    }

    private var anchor: LocalDateTime {
        rule.interval?.anchor ?? LocalDateTime(year: 1970, month: 1, day: 1)
    }

    private var weekStart: Weekday { rule.interval?.weekStart ?? .monday }

    /// Days, months, years, days of the year and week numbers; `every day` is left out where the
    /// cadence already says it.
    private var calendarParts: [String] {
        var parts: [String] = []
        let everyDay = DaySelectorPhrase.isEveryDay(rule.days)
        // `every day` says nothing a cadence of a day or less, or a day-of-year filter, does not.
        if !everyDay || !(cadenceCoversEveryDay || rule.yearDays != nil) {
            parts.append(DaySelectorPhrase.phrase(rule.days))
        }
        parts += [
            CalendarFilterPhrase.months(rule.months), CalendarFilterPhrase.years(rule.years),
            CalendarFilterPhrase.yearDays(rule.yearDays, narrowing: !everyDay),
            CalendarFilterPhrase.weekNumbers(rule.weekNumbers),
        ].compactMap { $0 }
        return parts
    }

    /// Whether the cadence steps by a day or less (or by a duration), so that `every day` is implied.
    private var cadenceCoversEveryDay: Bool {
        switch rule.interval?.step {
        case .duration: true
        case .calendar(let unit, let every): unit <= .day && every > 1
        case nil: false
        }
    }

    /// `not before 2026-01-05 09:20` when the anchor cuts off local times that the cadence's
    /// reference point and the window do not.
    private func notBefore(reference: LocalDateTime?) -> String? {
        if let reference, anchor <= reference { return nil }
        if case .local(let start) = windowStart, start >= anchor { return nil }
        return "not before " + ClockText.dateTime(anchor)
    }

    /// The clock fields finer than a unit of less than a day, finest first.
    private func finerFields(than unit: CalendarUnit) -> [TimeOfDayPhrase.Field] {
        switch unit {
        case .hour: [.second(rule.seconds), .minute(rule.minutes)]
        case .minute: [.second(rule.seconds)]
        case .second, .day, .week, .month, .year: []
        }
    }

    /// `only in hours 9 to 17`, `only at minutes 0 and 30`: the clock fields at or above `unit`
    /// (all of them for `nil`) that do not select every value.
    private func limits(coarserThan unit: CalendarUnit?) -> [String] {
        let fields: [TimeOfDayPhrase.Field] = [.hour(rule.hours), .minute(rule.minutes), .second(rule.seconds)]
        return fields.compactMap { field in
            guard unit.map({ field.unit >= $0 }) ?? true, !field.isFull else { return nil }
            return "only \(field.unit == .hour ? "in" : "at") \(field.phrase)"
        }
    }

    /// The reading with each field set to its only value.
    private static func setting(_ fields: [TimeOfDayPhrase.Field], in local: LocalDateTime) -> LocalDateTime {
        var result = local
        for field in fields {
            guard let value = field.selected.first else { continue }
            switch field.unit {
            case .second: result.second = value
            case .minute: result.minute = value
            case .hour: result.hour = value
            case .day, .week, .month, .year: break
            }
        }
        return result
    }
}
