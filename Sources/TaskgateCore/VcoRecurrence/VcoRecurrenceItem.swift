/// One item of a vCO recurrence pattern: an offset inside one period of the cycle.
///
/// `every-minutes` items are a second (`30`), `every-hours` items a minute and second
/// (`15:15`), `every-days` items a time of day, `every-weeks` items a weekday and a time,
/// `every-months` items a day of the month and a time (vco.md §5.1).
struct VcoRecurrenceItem: Hashable, Comparable {
    /// The weekday (ISO number 1…7) for `every-weeks`, the day of the month for
    /// `every-months`, 0 otherwise.
    var day: Int
    /// Seconds since midnight (for `every-hours` the minute and second only, for
    /// `every-minutes` the second only).
    var secondOfDay: Int

    static func < (lhs: VcoRecurrenceItem, rhs: VcoRecurrenceItem) -> Bool {
        (lhs.day, lhs.secondOfDay) < (rhs.day, rhs.secondOfDay)
    }

    /// The canonical text of the item in `cycle`: two-digit fields, full weekday names.
    func text(in cycle: VcoRecurrenceCycle) -> String {
        let hour = (secondOfDay / 3600).zeroPadded(2)
        let minute = (secondOfDay % 3600 / 60).zeroPadded(2)
        let second = (secondOfDay % 60).zeroPadded(2)
        switch cycle {
        case .oneTime: return ""
        case .everyMinutes: return second
        case .everyHours: return "\(minute):\(second)"
        case .everyDays: return "\(hour):\(minute):\(second)"
        case .everyWeeks:
            let weekday = Weekday(rawValue: day)?.name ?? "Monday"
            return "\(weekday) \(hour):\(minute):\(second)"
        case .everyMonths: return "\(day.zeroPadded(2)) \(hour):\(minute):\(second)"
        }
    }
}
