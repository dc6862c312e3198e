/// Unites rules whose union is again one rule, so that a conversion writes the fewest lines:
/// Quartz patterns `0 30 9 ? * MON` and `0 30 9 ? * FRI` are one RRULE `BYDAY=MO,FR`; a
/// day-of-month pattern and a day-of-week pattern at the same time are one classic cron line.
enum RuleMerging {
    /// Merges pairs while one exists whose union is one rule that `accept` takes (the target can
    /// print it), dropping rules another already covers.
    static func merge(_ rules: [ScheduleRule], accept: (ScheduleRule) -> Bool = { _ in true }) -> [ScheduleRule] {
        var current: [ScheduleRule] = []
        for rule in rules where !current.contains(rule) { current.append(rule) }
        var changed = true
        while changed {
            changed = false
            search: for first in current.indices {
                for second in current.indices where second > first {
                    guard let union = merged(current[first], current[second]), accept(union) else { continue }
                    current[first] = union
                    current.remove(at: second)
                    changed = true
                    break search
                }
            }
        }
        return current
    }

    /// The one rule that selects exactly what `first` and `second` select together, if the two
    /// differ in one part only; `nil` otherwise.
    static func merged(_ first: ScheduleRule, _ second: ScheduleRule) -> ScheduleRule? {
        guard first.dstPolicy == second.dstPolicy, first.years == second.years, first.yearDays == second.yearDays,
            first.weekNumbers == second.weekNumbers, first.interval == second.interval,
            first.interval.map({ $0.setPositions.isEmpty && $0.count == nil }) ?? true
        else { return nil }
        if first == second { return first }
        let sameSeconds = first.seconds == second.seconds
        let sameMinutes = first.minutes == second.minutes
        let sameHours = first.hours == second.hours
        let sameMonths = first.months == second.months
        let sameDays = first.days == second.days
        var union = first
        switch (sameSeconds, sameMinutes, sameHours, sameMonths, sameDays) {
        case (false, true, true, true, true): union.seconds = FieldSet(bits: first.seconds.bits | second.seconds.bits)
        case (true, false, true, true, true): union.minutes = FieldSet(bits: first.minutes.bits | second.minutes.bits)
        case (true, true, false, true, true): union.hours = FieldSet(bits: first.hours.bits | second.hours.bits)
        case (true, true, true, false, true): union.months = FieldSet(bits: first.months.bits | second.months.bits)
        case (true, true, true, true, false):
            guard let days = Self.union(first.days, second.days) else { return nil }
            union.days = days
        default:
            return nil
        }
        return union
    }

    /// The day selector that selects the days of both, if one exists.
    static func union(_ first: DaySelector, _ second: DaySelector) -> DaySelector? {
        switch (first, second) {
        case (.everyDay, _), (_, .everyDay):
            return .everyDay
        case (.monthDays(let left), .monthDays(let right)):
            return .monthDays(left.union(right))
        case (.weekdays(let left), .weekdays(let right)):
            return left.union(right).map(DaySelector.weekdays)
        case (.monthDays(let days), .weekdays(let weekdays)), (.weekdays(let weekdays), .monthDays(let days)):
            return .either(days, weekdays)
        case (.either(let days, let weekdays), .monthDays(let more)),
            (.monthDays(let more), .either(let days, let weekdays)):
            return .either(days.union(more), weekdays)
        case (.either(let days, let weekdays), .weekdays(let more)),
            (.weekdays(let more), .either(let days, let weekdays)):
            return weekdays.union(more).map { .either(days, $0) }
        case (.either(let leftDays, let leftWeekdays), .either(let rightDays, let rightWeekdays)):
            return leftWeekdays.union(rightWeekdays).map { .either(leftDays.union(rightDays), $0) }
        case (.both(let leftDays, let leftWeekdays), .both(let rightDays, let rightWeekdays)):
            if leftDays == rightDays { return leftWeekdays.union(rightWeekdays).map { .both(leftDays, $0) } }
            if leftWeekdays == rightWeekdays { return .both(leftDays.union(rightDays), leftWeekdays) }
            return nil
        case (.both, _), (_, .both):
            return nil
        }
    }
}

extension MonthDaySet {
    /// Every term of both sets.
    func union(_ other: MonthDaySet) -> MonthDaySet {
        MonthDaySet(
            days: days | other.days, fromEnd: fromEnd | other.fromEnd,
            nearestWeekday: nearestWeekday | other.nearestWeekday,
            nearestWeekdayFromEnd: nearestWeekdayFromEnd | other.nearestWeekdayFromEnd)
    }
}

extension WeekdaySet {
    /// Every weekday and ordinal of both sets, when they count ordinals in the same scope.
    func union(_ other: WeekdaySet) -> WeekdaySet? {
        guard ordinalScope == other.ordinalScope || ordinals.isEmpty || other.ordinals.isEmpty else { return nil }
        var result = self
        result.every |= other.every
        result.ordinals.formUnion(other.ordinals)
        if ordinals.isEmpty { result.ordinalScope = other.ordinalScope }
        return result
    }
}
