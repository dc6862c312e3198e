/// Rewrites between "the n-th weekday of the month" and "a weekday within a block of seven
/// days": the n-th Friday is a Friday on days 7n−6…7n, the last Friday a Friday in the last seven
/// days. Quartz writes the first (`FRI#3`, `FRIL`), fylr only the second (days_of_month 15–21
/// and weekday friday, fylr.md §5.2 item 7).
extension RuleRewrite {
    /// One ordinal weekday as a day block and that weekday.
    static let ordinalToDayBlock = RuleRewrite(name: "ordinal-to-day-block") { rule, _ in
        guard rule.isCalendarMatch, case .weekdays(let set) = rule.days, set.every == 0, set.ordinalScope == .month,
            set.ordinals.count == 1, let ordinal = set.ordinals.first, let block = dayBlock(ordinal.ordinal)
        else { return nil }
        return [rule.with(days: .both(block, WeekdaySet(every: [ordinal.weekday])))]
    }

    /// A day block and one or more weekdays as one ordinal weekday per weekday.
    static let dayBlockToOrdinal = RuleRewrite(name: "day-block-to-ordinal") { rule, _ in
        guard rule.isCalendarMatch, case .both(let days, let weekdays) = rule.days, weekdays.ordinals.isEmpty,
            weekdays.every != 0, let ordinal = ordinal(ofBlock: days)
        else { return nil }
        return weekdays.everyWeekday.map { weekday in
            rule.with(days: .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(weekday, ordinal)])))
        }
    }

    /// The days on which the n-th (or, for negative n, n-th from last) such weekday can fall.
    static func dayBlock(_ ordinal: Int) -> MonthDaySet? {
        switch ordinal {
        case 1...4: MonthDaySet(days: (7 * ordinal - 6)...(7 * ordinal))
        case 5: MonthDaySet(days: 29...31)
        case -1: MonthDaySet(fromEnd: 0b111_1111)
        default: nil
        }
    }

    /// The ordinal whose block `days` is exactly, if any.
    static func ordinal(ofBlock days: MonthDaySet) -> Int? {
        for ordinal in [1, 2, 3, 4, 5, -1] where dayBlock(ordinal) == days { return ordinal }
        return nil
    }
}
