/// Extra rules that make a target fire where the source engine moves a time out of a
/// spring-forward gap and the target engine would skip it.
///
/// A daily 02:30 under RFC 5545 runs at 03:30 on the spring-forward day; Java Quartz would skip
/// that day. When the zone's spring-forward days all follow one calendar rule over the horizon
/// (America/New_York: the second Sunday of March; Europe/Berlin: the last Sunday of March;
/// Australia/Lord_Howe: the first Sunday of October), a rule "at 03:30 on the second Sunday of
/// March" restores the run. The converter proves the result like any other; the note says that
/// the compensation relies on the zone's current DST rules.
enum SpringForwardCompensation {
    /// Rules for the runs the target misses, or `nil` when the differences are not all missing
    /// spring-forward runs or the zone's spring-forward days follow no single rule.
    static func rules(
        for report: EquivalenceReport, source: Schedule, policy: DSTPolicy, zone: inout ZoneRules
    ) -> [ScheduleRule]? {
        guard report.differenceCount > 0, report.differences.count == report.differenceCount,
            report.differences.allSatisfy({ $0.reason == .dstGap && $0.source != nil && $0.target == nil })
        else { return nil }
        let springDays = zone.transitions(from: report.from, through: report.through)
            .filter { $0.offsetAfter > $0.offsetBefore }
            .map { $0.instant.localDateTime(offset: $0.offsetAfter) }
        guard let first = springDays.first, let days = commonDayRule(springDays) else { return nil }
        var times: Set<Int> = []
        for difference in report.differences {
            guard let instant = difference.source else { return nil }
            let local = zone.localDateTime(at: instant)
            guard springDays.contains(where: { $0.startOfDay == local.startOfDay }) else { return nil }
            times.insert(local.secondOfDay)
        }
        let base = ScheduleRule(days: days, months: FieldSet([first.month]), dstPolicy: policy)
        return base.withTimes(TimeOfDayGrouping.products(of: times))
    }

    /// The ordinal weekday of the month that every date is, if they share one.
    private static func commonDayRule(_ dates: [LocalDateTime]) -> DaySelector? {
        guard let first = dates.first, dates.allSatisfy({ $0.month == first.month && $0.weekday == first.weekday })
        else { return nil }
        let ordinals = Set(dates.map { ($0.day - 1) / 7 + 1 })
        if ordinals.count == 1, let ordinal = ordinals.first {
            return .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(first.weekday, ordinal)]))
        }
        let allLast = dates.allSatisfy { $0.day + 7 > CivilCalendar.daysInMonth(year: $0.year, month: $0.month) }
        return allLast ? .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(first.weekday, -1)])) : nil
    }
}
