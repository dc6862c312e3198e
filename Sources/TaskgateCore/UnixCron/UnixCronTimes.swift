/// The five time fields of one crontab line, and the rule they mean under Debian cron.
struct UnixCronTimes: Hashable {
    var minute: UnixCronFieldValue
    var hour: UnixCronFieldValue
    var dayOfMonth: UnixCronFieldValue
    var month: UnixCronFieldValue
    var dayOfWeek: UnixCronFieldValue

    /// Debian cron's policy for a line whose minute and hour fields do not start with `*`
    /// ("fixed-time jobs", `cron.c`): after a clock jump forward of less than three hours the
    /// jobs of every skipped minute run at once, so a time in the gap runs at the first minute
    /// after it; after a jump back they do not run again, so a repeated time runs once, at the
    /// first pass.
    static let fixedTimePolicy = DSTPolicy(gap: .transition, overlap: .earlier)
    /// Debian cron's policy for a line whose minute or hour field starts with `*` ("wildcard
    /// jobs"): they run for the minutes the clock shows, so a gap time never runs and a repeated
    /// time runs in both passes.
    static let wildcardPolicy = DSTPolicy.wallClock

    /// Whether the line is a wildcard job in Debian's sense.
    var isWildcard: Bool { minute.startsWithStar || hour.startsWithStar }

    /// The rule the line selects: seconds 0 (cron has no seconds field), the fields' values, the
    /// day fields combined as Debian cron does, and the DST policy of the line's shape.
    ///
    /// Debian cron (`cron.c`, `find_jobs`) requires both day fields to match when either starts
    /// with `*` and either to match otherwise. The selector is normalised: a field that selects
    /// every day drops out, so `0 0 * * MON` is `.weekdays` and `0 0 1-31 * MON` is `.everyDay`.
    var rule: ScheduleRule {
        let monthDays = MonthDaySet(days: dayOfMonth.values)
        let weekdays = WeekdaySet(every: dayOfWeek.values.map(UnixCronTimes.weekday(cronNumber:)))
        let everyMonthDay = dayOfMonth.values.count == 31
        let everyWeekday = weekdays.isEveryDay
        let days: DaySelector
        if dayOfMonth.startsWithStar || dayOfWeek.startsWithStar {
            switch (everyMonthDay, everyWeekday) {
            case (true, true): days = .everyDay
            case (true, false): days = .weekdays(weekdays)
            case (false, true): days = .monthDays(monthDays)
            case (false, false): days = .both(monthDays, weekdays)
            }
        } else {
            days = everyMonthDay || everyWeekday ? .everyDay : .either(monthDays, weekdays)
        }
        return ScheduleRule(
            seconds: FieldSet([0]), minutes: FieldSet(minute.values), hours: FieldSet(hour.values), days: days,
            months: FieldSet(month.values), dstPolicy: isWildcard ? Self.wildcardPolicy : Self.fixedTimePolicy)
    }

    /// The weekday of a cron day-of-week number (0 and 7 are Sunday).
    static func weekday(cronNumber: Int) -> Weekday {
        cronNumber % 7 == 0 ? .sunday : Weekday.allCases[cronNumber % 7 - 1]
    }

    /// The cron day-of-week number of a weekday (Sunday is 0).
    static func cronNumber(of weekday: Weekday) -> Int {
        weekday.rawValue % 7
    }

    /// The fields Debian cron sets for an `@` macro (`entry.c`, `load_entry`), or `nil` for a
    /// name it does not know. `@reboot` is not a time and is handled by the caller.
    ///
    /// `@hourly` sets `HR_STAR`, so it is a wildcard job; `@monthly` and `@yearly` set
    /// `DOW_STAR`, so their day-of-week (all days) combines with day 1 by AND; `@weekly` sets
    /// `DOM_STAR` (or, in other builds, `DOW_STAR`: either gives Sundays only).
    static func macro(_ name: String) -> UnixCronTimes? {
        let midnight = (UnixCronFieldValue.single(0), UnixCronFieldValue.single(0))
        let allDays = UnixCronFieldValue(values: UnixCronField.dayOfMonth.starStep(1), startsWithStar: false)
        let allMonths = UnixCronFieldValue(values: UnixCronField.month.starStep(1), startsWithStar: false)
        let allWeekdays = UnixCronFieldValue(values: UnixCronField.dayOfWeek.starStep(1), startsWithStar: false)
        let allHours = UnixCronFieldValue(values: UnixCronField.hour.starStep(1), startsWithStar: true)
        var flaggedWeekdays = allWeekdays
        flaggedWeekdays.startsWithStar = true
        switch name {
        case "yearly", "annually":
            return UnixCronTimes(
                minute: midnight.0, hour: midnight.1, dayOfMonth: .single(1), month: .single(1),
                dayOfWeek: flaggedWeekdays)
        case "monthly":
            return UnixCronTimes(
                minute: midnight.0, hour: midnight.1, dayOfMonth: .single(1), month: allMonths,
                dayOfWeek: flaggedWeekdays)
        case "weekly":
            var flaggedDays = allDays
            flaggedDays.startsWithStar = true
            return UnixCronTimes(
                minute: midnight.0, hour: midnight.1, dayOfMonth: flaggedDays, month: allMonths, dayOfWeek: .single(0))
        case "daily", "midnight":
            return UnixCronTimes(
                minute: midnight.0, hour: midnight.1, dayOfMonth: allDays, month: allMonths, dayOfWeek: allWeekdays)
        case "hourly":
            return UnixCronTimes(
                minute: .single(0), hour: allHours, dayOfMonth: allDays, month: allMonths, dayOfWeek: allWeekdays)
        default:
            return nil
        }
    }
}
