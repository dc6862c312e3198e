/// A rule's day selector in words, saying how day-of-month and weekday combine: `or` for
/// classic cron (`on the 1st or on Mondays`), `if it is` for a day that must pass both (`on the
/// 13th if it is a Friday`).
enum DaySelectorPhrase {
    static func phrase(_ selector: DaySelector) -> String {
        switch selector {
        case .everyDay:
            return "every day"
        case .monthDays(let days):
            return MonthDayPhrase.phrase(days)
        case .weekdays(let weekdays):
            return weekdays.isEveryDay ? "every day" : WeekdayPhrase.phrase(weekdays)
        case .either(let days, let weekdays):
            if weekdays.isEveryDay { return "every day" }
            if days.isEmpty { return WeekdayPhrase.phrase(weekdays) }
            if weekdays.isEmpty { return MonthDayPhrase.phrase(days) }
            return MonthDayPhrase.phrase(days) + " or " + WeekdayPhrase.phrase(weekdays)
        case .both(let days, let weekdays):
            if weekdays.isEveryDay || days.isEmpty { return MonthDayPhrase.phrase(days) }
            return MonthDayPhrase.phrase(days) + " if it is " + WeekdayPhrase.predicate(weekdays)
        }
    }

    /// Whether the selector passes every day, so that saying it adds nothing to an interval.
    static func isEveryDay(_ selector: DaySelector) -> Bool {
        switch selector {
        case .everyDay: true
        case .weekdays(let weekdays), .either(_, let weekdays): weekdays.isEveryDay
        case .monthDays, .both: false
        }
    }
}
