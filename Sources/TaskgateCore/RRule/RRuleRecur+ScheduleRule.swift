extension RRuleRecur {
    /// The rule in taskgate's model, with what the RECUR value leaves out taken from DTSTART.
    ///
    /// The filling follows python-dateutil 2.9.0 (`rrule.__init__`), which follows RFC 5545
    /// §3.3.10 ("information, not contained in the rule, necessary to determine the various
    /// recurrence instance start time and dates are derived from the Start Time"):
    /// - `BYSECOND`, `BYMINUTE`, `BYHOUR` default to DTSTART's second, minute and hour for every
    ///   `FREQ` coarser than the unit, and to every value otherwise;
    /// - when no part selects days (`BYWEEKNO`, `BYYEARDAY`, `BYMONTHDAY`, `BYDAY`), `WEEKLY`
    ///   takes DTSTART's weekday, `MONTHLY` its day of the month, and `YEARLY` its day of the
    ///   month and, unless `BYMONTH` is given, its month.
    ///
    /// Ordinal weekdays count within the month for `MONTHLY` and for `YEARLY` with `BYMONTH`,
    /// within the year for `YEARLY` without it (RFC 5545 §3.3.10, BYDAY). `BYDAY` naming all seven
    /// weekdays without ordinals restricts nothing and becomes "every day", so that the model has
    /// one form for it. `WKST` is kept only where it changes the result: for weekly periods that
    /// matter (`INTERVAL` > 1 or `BYSETPOS`) and for `BYWEEKNO`; elsewhere the model holds Monday.
    func scheduleRule(start: LocalDateTime) -> ScheduleRule {
        let fillsDay = !hasDayPart
        let secondSet = seconds.map { FieldSet($0) } ?? (frequency > .second ? FieldSet([start.second]) : .everySecond)
        let minuteSet = minutes.map { FieldSet($0) } ?? (frequency > .minute ? FieldSet([start.minute]) : .everyMinute)
        let hourSet = hours.map { FieldSet($0) } ?? (frequency > .hour ? FieldSet([start.hour]) : .everyHour)
        var monthSet = months.map { FieldSet($0) } ?? .everyMonth
        var monthDayValues = monthDays
        var dayValues = days
        if fillsDay {
            switch frequency {
            case .year:
                if months == nil { monthSet = FieldSet([start.month]) }
                monthDayValues = [start.day]
            case .month:
                monthDayValues = [start.day]
            case .week:
                dayValues = [Day(weekday: start.weekday, ordinal: nil)]
            case .day, .hour, .minute, .second:
                break
            }
        }
        let weekStartValue = weekStart ?? .monday
        let periodsMatter = frequency == .week && (interval > 1 || setPositions != nil)
        return ScheduleRule(
            seconds: secondSet, minutes: minuteSet, hours: hourSet,
            days: Self.daySelector(
                monthDays: monthDayValues, days: dayValues, scope: frequency == .year && months == nil ? .year : .month),
            months: monthSet,
            yearDays: yearDays.map { YearDaySet($0) },
            weekNumbers: weekNumbers.map { WeekNumberSet($0, weekStart: weekStartValue) },
            interval: RuleInterval(
                step: .calendar(frequency, every: interval), anchor: start,
                weekStart: periodsMatter ? weekStartValue : .monday,
                setPositions: Array(Set(setPositions ?? [])).sorted(), count: count,
                until: until.map(Self.timePoint)),
            dstPolicy: .rfc5545)
    }

    /// `UNTIL` as a bound: a UTC value is an instant; a floating value, or a date (its midnight, as
    /// python-dateutil and libical read a date `UNTIL` beside a date-time DTSTART), is a
    /// wall-clock reading.
    static func timePoint(_ until: RRuleDateTime) -> TimePoint {
        if let instant = until.instant { return .instant(instant) }
        return .local(until.local)
    }

    private static func daySelector(monthDays: [Int]?, days: [Day]?, scope: OrdinalScope) -> DaySelector {
        var weekdays: WeekdaySet?
        if let days {
            let ordinals = Set(days.compactMap { day in day.ordinal.map { OrdinalWeekday(day.weekday, $0) } })
            let set = WeekdaySet(
                every: days.filter { $0.ordinal == nil }.map(\.weekday), ordinals: ordinals,
                scope: ordinals.isEmpty ? .month : scope)
            if !(set.isEveryDay && ordinals.isEmpty) { weekdays = set }
        }
        let monthDaySet = monthDays.map { values in
            MonthDaySet(
                days: MonthDaySet.mask(values, in: 1...31),
                fromEnd: MonthDaySet.mask(values.filter { $0 < 0 }.map { -$0 - 1 }, in: 0...30))
        }
        switch (monthDaySet, weekdays) {
        case (nil, nil): return .everyDay
        case (let monthDays?, nil): return .monthDays(monthDays)
        case (nil, let weekdays?): return .weekdays(weekdays)
        case (let monthDays?, let weekdays?): return .both(monthDays, weekdays)
        }
    }
}
