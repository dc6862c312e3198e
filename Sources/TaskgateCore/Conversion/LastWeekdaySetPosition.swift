/// Quartz `LW` — the last Monday–Friday of the month — as one RRULE: the last of the month's
/// weekdays (`FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1`).
extension RuleRewrite {
    static let lastWeekdayToSetPosition = RuleRewrite(name: "last-weekday-set-position") { rule, context in
        guard rule.interval == nil, case .monthDays(let set) = rule.days, set == .lastWeekday,
            rule.seconds.count == 1, rule.minutes.count == 1, rule.hours.count == 1
        else { return nil }
        // With one time of day, the last of the month's (weekday, time) pairs is the last weekday.
        var rewritten = rule.with(
            days: .weekdays(WeekdaySet(every: [.monday, .tuesday, .wednesday, .thursday, .friday])))
        rewritten.interval = RuleInterval(step: .calendar(.month, every: 1), anchor: context.anchor, setPositions: [-1])
        return [rewritten]
    }
}
