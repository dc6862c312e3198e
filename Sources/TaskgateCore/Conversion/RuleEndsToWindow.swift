/// Moves the end of rules (RRULE `COUNT`, `UNTIL`) into the schedule's window end, for targets
/// whose lines cannot end themselves (Qlik: "not allowed: UNTIL"; qlik-scheduling.md H19).
///
/// `COUNT` becomes the instant of its last occurrence; this is exact only when every rule ends
/// at the same instant, or when there is one rule. Otherwise the schedule is returned unchanged
/// and the printer's refusal stands.
enum RuleEndsToWindow {
    static func apply(to schedule: Schedule) -> Schedule? {
        guard case .recurring(let rules) = schedule.kind,
            rules.contains(where: { $0.interval?.count != nil || $0.interval?.until != nil })
        else { return nil }
        var ends: [TimePoint] = []
        var openRules: [ScheduleRule] = []
        for rule in rules {
            guard let interval = rule.interval, interval.count != nil || interval.until != nil else { return nil }
            if let count = interval.count {
                var counted = Schedule.recurring([rule], zone: schedule.zone)
                counted.window = ScheduleWindow(start: schedule.window.start)
                let start = Instant(secondsSinceEpoch: interval.anchor.secondsSinceEpoch - 14 * 3600 - 1)
                guard let last = try? counted.nextOccurrences(after: start, count: count).last else { return nil }
                ends.append(.instant(last))
            } else if let until = interval.until {
                ends.append(until)
            }
            var open = rule
            open.interval?.count = nil
            open.interval?.until = nil
            openRules.append(open)
        }
        guard let end = ends.first, ends.allSatisfy({ $0 == end }) else { return nil }
        var result = schedule
        result.kind = .recurring(openRules)
        switch (schedule.window.end, end) {
        case (nil, _): result.window.end = end
        case (.instant(let existing), .instant(let new)): result.window.end = .instant(min(existing, new))
        case (.local(let existing), .local(let new)): result.window.end = .local(min(existing, new))
        default: return nil
        }
        return result
    }
}
