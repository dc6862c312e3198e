/// Groups the items of a vCO pattern into rules whose union is exactly the items.
///
/// vCO items are tuples, not a product (`Monday 02:00:00,Friday 22:00:00,` is not Monday and
/// Friday at 02:00 and 22:00; vco.md §11 V5). Items are grouped first by the set of days that
/// share a time, then the times of each group by ``TimeOfDayGrouping`` (hours sharing their
/// minutes-and-seconds pattern, minutes sharing their seconds). The grouping depends only on the
/// set of items, so reading a printed pattern back gives the same rules in the same order.
enum VcoRecurrenceGrouping {
    static func rules(for items: [VcoRecurrenceItem], cycle: VcoRecurrenceCycle) -> [ScheduleRule] {
        let policy = cycle.dstPolicy
        switch cycle {
        case .oneTime:
            return []
        case .everyMinutes:
            let seconds = FieldSet(items.map(\.secondOfDay))
            return [ScheduleRule(seconds: seconds, minutes: .everyMinute, hours: .everyHour, dstPolicy: policy)]
        case .everyHours:
            return TimeOfDayGrouping.products(of: items.map(\.secondOfDay)).map { product in
                ScheduleRule(seconds: product.seconds, minutes: product.minutes, hours: .everyHour, dstPolicy: policy)
            }
        case .everyDays:
            return rules(times: items.map(\.secondOfDay), days: .everyDay, policy: policy)
        case .everyWeeks, .everyMonths:
            var daysByTime: [Int: Set<Int>] = [:]
            for item in items { daysByTime[item.secondOfDay, default: []].insert(item.day) }
            var timesByDays: [[Int]: [Int]] = [:]
            for (time, days) in daysByTime { timesByDays[days.sorted(), default: []].append(time) }
            return timesByDays.keys.sorted { $0.lexicographicallyPrecedes($1) }.flatMap { days in
                rules(times: timesByDays[days] ?? [], days: selector(days, cycle: cycle), policy: policy)
            }
        }
    }

    private static func rules(times: [Int], days: DaySelector, policy: DSTPolicy) -> [ScheduleRule] {
        TimeOfDayGrouping.products(of: times).map { product in
            ScheduleRule(
                seconds: product.seconds, minutes: product.minutes, hours: product.hours, days: days, dstPolicy: policy)
        }
    }

    /// Weekdays or days of the month; all of them is every day.
    private static func selector(_ days: [Int], cycle: VcoRecurrenceCycle) -> DaySelector {
        if cycle == .everyWeeks {
            let weekdays = WeekdaySet(every: days.compactMap { Weekday(rawValue: $0) })
            return weekdays.isEveryDay ? .everyDay : .weekdays(weekdays)
        }
        return days.count == 31 ? .everyDay : .monthDays(MonthDaySet(days: days))
    }
}
