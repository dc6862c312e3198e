/// A rewrite of one rule into an equivalent union of rules that another dialect may be able to
/// print. Each returns `nil` when it does not apply.
///
/// Rewrites are pure model transformations; none is trusted: the converter proves every result
/// by the equivalence check.
struct RuleRewrite: Sendable {
    /// A short name for reports and tests: `split-either`, `nearest-weekday`.
    let name: String
    let apply: @Sendable (ScheduleRule, RewriteContext) -> [ScheduleRule]?
}

/// What some rewrites need beyond the rule: where an interval they introduce is anchored.
struct RewriteContext: Hashable, Sendable {
    /// The local time a new interval counts from (the source's window start, or the start of the
    /// verification).
    var anchor: LocalDateTime
    /// Whether the zone keeps one offset over the whole verification span (UTC, Asia/Kolkata):
    /// then elapsed time and wall-clock time agree.
    var zoneHasFixedOffset: Bool
}

extension ScheduleRule {
    /// Whether the rule is a plain calendar match: no interval, or an interval of one period with
    /// no set positions, count or end (which only bounds it from the anchor on).
    var isCalendarMatch: Bool {
        guard let interval else { return true }
        guard case .calendar(_, let every) = interval.step else { return false }
        return every == 1 && interval.setPositions.isEmpty && interval.count == nil && interval.until == nil
    }

    /// A copy with another day selector.
    func with(days: DaySelector) -> ScheduleRule {
        var rule = self
        rule.days = days
        return rule
    }
}

extension RuleRewrite {
    /// Every rewrite, in the order the converter tries them.
    static let all: [RuleRewrite] = [
        setPositionToDays, splitEither, splitMonthDayTerms, splitWeekdayTerms, ordinalToDayBlock, dayBlockToOrdinal,
        lastWeekdayToSetPosition, nearestWeekday, flattenInterval, durationToCalendar, calendarToDuration,
    ]

    /// Quartz `nW`, `LW`, `L-nW` as rules of day position and weekday.
    static let nearestWeekday = RuleRewrite(name: "nearest-weekday") { rule, _ in
        NearestWeekdayExpansion.expand(rule)
    }
}
