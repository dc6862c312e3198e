/// RRULE set positions over the days of each month, where the chosen day is one a day selector
/// names directly: `FREQ=MONTHLY;BYDAY=FR;BYSETPOS=2` is the second Friday (`2FR`, Quartz `6#2`),
/// `BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1` the last weekday (Quartz `LW`) and `BYSETPOS=1` the first
/// (Quartz `1W`, which never leaves the month), `BYMONTHDAY=-1,-2;BYSETPOS=1` the second-to-last
/// day (Quartz `L-1`).
///
/// Only rules with one time of day qualify: then the month's set holds one instant per day, and
/// the n-th instant is the n-th day.
extension RuleRewrite {
    static let setPositionToDays = RuleRewrite(name: "set-position-days") { rule, _ in
        guard let interval = rule.interval, case .calendar(.month, 1) = interval.step,
            interval.setPositions.count == 1, let position = interval.setPositions.first,
            interval.count == nil, interval.until == nil, rule.yearDays == nil, rule.weekNumbers == nil,
            rule.seconds.count == 1, rule.minutes.count == 1, rule.hours.count == 1,
            let days = SetPositionDays.selector(for: rule.days, position: position)
        else { return nil }
        var rewritten = rule.with(days: days)
        rewritten.interval = nil
        return [rewritten]
    }
}

/// The day selector that picks the `position`-th day of a month's selected days.
enum SetPositionDays {
    /// Every month has days 1…28, and the 28 days counted back from its last.
    private static let daysInEveryMonth = 28

    static func selector(for days: DaySelector, position: Int) -> DaySelector? {
        switch days {
        case .everyDay:
            return monthDay(position: position, among: Array(1...daysInEveryMonth), fromEnd: false)
        case .weekdays(let weekdays):
            return weekdaySelector(weekdays, position: position)
        case .monthDays(let set):
            if set.nearestWeekday | set.nearestWeekdayFromEnd != 0 { return nil }
            if set.fromEnd == 0 {
                let plain = set.plainDays
                guard plain.allSatisfy({ $0 <= daysInEveryMonth }) else { return nil }
                return monthDay(position: position, among: plain, fromEnd: false)
            }
            guard set.days == 0 else { return nil }
            // Offsets from the last day, in calendar order: the deepest offset comes first.
            let offsets = set.offsetsFromEnd.sorted(by: >)
            guard offsets.allSatisfy({ $0 < daysInEveryMonth }) else { return nil }
            return monthDay(position: position, among: offsets, fromEnd: true)
        case .either, .both:
            return nil
        }
    }

    /// The `position`-th (from the end when negative) of `values`, which every month has.
    private static func monthDay(position: Int, among values: [Int], fromEnd: Bool) -> DaySelector? {
        let index = position > 0 ? position - 1 : values.count + position
        guard position != 0, values.indices.contains(index) else { return nil }
        let value = values[index]
        return .monthDays(fromEnd ? MonthDaySet(fromEnd: 1 << UInt32(value)) : MonthDaySet(days: [value]))
    }

    private static func weekdaySelector(_ weekdays: WeekdaySet, position: Int) -> DaySelector? {
        guard weekdays.ordinals.isEmpty else { return nil }
        let every = weekdays.everyWeekday
        if every.count == 1, let weekday = every.first, (1...5).contains(abs(position)) {
            return .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(weekday, position)]))
        }
        guard every == [.monday, .tuesday, .wednesday, .thursday, .friday] else { return nil }
        switch position {
        case 1: return .monthDays(MonthDaySet(nearestWeekday: 1 << 1))
        case -1: return .monthDays(.lastWeekday)
        default: return nil
        }
    }
}
