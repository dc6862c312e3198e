/// Rewrites that split one rule's day selector into a union of simpler rules.
extension RuleRewrite {
    /// Classic cron's "day of month OR day of week" as two rules (Quartz allows one day field
    /// per pattern, RRULE ANDs its parts).
    static let splitEither = RuleRewrite(name: "split-either") { rule, _ in
        guard rule.isCalendarMatch, case .either(let monthDays, let weekdays) = rule.days else { return nil }
        return [rule.with(days: .monthDays(monthDays)), rule.with(days: .weekdays(weekdays))]
    }

    /// A month-day set that mixes kinds of term (plain days, from the end, nearest weekday) as one
    /// rule per kind: Quartz does not combine `L` or `W` with other days.
    static let splitMonthDayTerms = RuleRewrite(name: "split-month-days") { rule, _ in
        guard rule.isCalendarMatch else { return nil }
        let parts: (MonthDaySet, (MonthDaySet) -> DaySelector)
        switch rule.days {
        case .monthDays(let set): parts = (set, { .monthDays($0) })
        case .both(let set, let weekdays): parts = (set, { .both($0, weekdays) })
        case .everyDay, .weekdays, .either: return nil
        }
        let terms = parts.0.termsByKind
        guard terms.count > 1 else { return nil }
        return terms.map { rule.with(days: parts.1($0)) }
    }

    /// A weekday set that mixes every-week weekdays with ordinals, or holds several ordinals, as
    /// one rule per ordinal and one for the weekly days: Quartz allows one `#` or `L` term.
    static let splitWeekdayTerms = RuleRewrite(name: "split-weekdays") { rule, _ in
        guard rule.isCalendarMatch else { return nil }
        let parts: (WeekdaySet, (WeekdaySet) -> DaySelector)
        switch rule.days {
        case .weekdays(let set): parts = (set, { .weekdays($0) })
        case .both(let monthDays, let set): parts = (set, { .both(monthDays, $0) })
        case .everyDay, .monthDays, .either: return nil
        }
        let set = parts.0
        guard set.ordinals.count + (set.every == 0 ? 0 : 1) > 1 else { return nil }
        var pieces: [WeekdaySet] = []
        if set.every != 0 { pieces.append(WeekdaySet(every: set.everyWeekday, scope: set.ordinalScope)) }
        for ordinal in set.sortedOrdinals { pieces.append(WeekdaySet(ordinals: [ordinal], scope: set.ordinalScope)) }
        return pieces.map { rule.with(days: parts.1($0)) }
    }
}

extension MonthDaySet {
    /// The set split by kind of term, kinds that are present only, in a fixed order.
    var termsByKind: [MonthDaySet] {
        [
            MonthDaySet(days: days), MonthDaySet(fromEnd: fromEnd), MonthDaySet(nearestWeekday: nearestWeekday),
            MonthDaySet(nearestWeekdayFromEnd: nearestWeekdayFromEnd),
        ].filter { !$0.isEmpty }
    }
}
