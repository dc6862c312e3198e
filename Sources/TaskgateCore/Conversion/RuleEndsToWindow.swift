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
            if interval.count != nil {
                guard let last = lastInstant(ofCounted: rule, in: schedule) else { return nil }
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

    /// Candidates listed at most to find a counted rule's end (a rule whose cycle is too long or
    /// too full to step over is listed one by one).
    static let candidateLimit = 1 << 25

    /// The instant of a counted rule's last occurrence, or `nil` when the rule has none or the
    /// end is more than ``candidateLimit`` candidates away.
    ///
    /// A calendar rule's candidates step over whole cycles to the last local time (`COUNT` counts
    /// local times); the instants are then enumerated from three days before it, more than any
    /// zone's offset. A last local time in a gap that the rule's policy skips leaves the instant of
    /// an earlier one, found by listing from the anchor, as a duration rule's end is.
    static func lastInstant(ofCounted rule: ScheduleRule, in schedule: Schedule) -> Instant? {
        guard let interval = rule.interval, interval.count != nil else { return nil }
        var counted = Schedule.recurring([rule], zone: schedule.zone)
        counted.window = ScheduleWindow(start: schedule.window.start)
        let anchorStart = Instant(secondsSinceEpoch: interval.anchor.secondsSinceEpoch - 14 * 3600 - 1)
        guard case .calendar = interval.step else { return lastListed(counted, after: anchorStart) }
        var localStart: LocalDateTime?
        if case .local(let start) = schedule.window.start { localStart = start }
        var candidates = LocalCandidates(
            rule: rule, from: LocalDateTime(year: CalendarMatcher.lastYear, month: 12, day: 31, hour: 23, minute: 59),
            lowerBound: localStart, upperBound: nil)
        guard let lastLocal = last(of: { candidates.next() }) else { return nil }
        let tailStart = Instant(secondsSinceEpoch: lastLocal.secondsSinceEpoch - 3 * 86_400)
        guard tailStart > anchorStart else { return lastListed(counted, after: anchorStart) }
        return lastListed(counted, after: tailStart) ?? lastListed(counted, after: anchorStart)
    }

    /// The last instant of `schedule` after `start`, listing at most ``candidateLimit`` of them.
    private static func lastListed(_ schedule: Schedule, after start: Instant) -> Instant? {
        guard var occurrences = try? schedule.occurrences(after: start) else { return nil }
        return last(of: { occurrences.next() })
    }

    /// The last element `next` gives before it gives `nil`, or `nil` when it gives none or more
    /// than ``candidateLimit``.
    private static func last<Element>(of next: () -> Element?) -> Element? {
        var last: Element?
        var listed = 0
        while let element = next() {
            last = element
            listed += 1
            if listed > candidateLimit { return nil }
        }
        return last
    }
}
