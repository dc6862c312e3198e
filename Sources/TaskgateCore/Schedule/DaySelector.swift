/// How a rule selects days.
///
/// Dialects differ in how day-of-month and day-of-week combine: Quartz allows only one of
/// them (the other is `?`), classic cron matches a day when either matches (when both are
/// restricted), and fylr and RRULE require both.
public enum DaySelector: Hashable, Sendable {
    /// Every day.
    case everyDay
    /// Days chosen by their position in the month only.
    case monthDays(MonthDaySet)
    /// Days chosen by weekday only.
    case weekdays(WeekdaySet)
    /// Days that match the month days **or** the weekdays (classic cron).
    case either(MonthDaySet, WeekdaySet)
    /// Days that match the month days **and** the weekdays (fylr, RRULE).
    case both(MonthDaySet, WeekdaySet)
}
