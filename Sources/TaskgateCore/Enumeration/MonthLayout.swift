/// The facts about one month that day filters need, computed once per month visited.
struct MonthLayout {
    let year: Int
    let month: Int
    let length: Int
    let firstEpochDay: Int
    let firstWeekday: Weekday
    /// 1-based day of the year of the month's first day.
    let firstDayOfYear: Int
    let yearLength: Int

    init(year: Int, month: Int) {
        self.year = year
        self.month = month
        length = CivilCalendar.daysInMonth(year: year, month: month)
        firstEpochDay = CivilCalendar.epochDay(year: year, month: month, day: 1)
        firstWeekday = CivilCalendar.weekday(epochDay: firstEpochDay)
        let januaryFirst = CivilCalendar.epochDay(year: year, month: 1, day: 1)
        firstDayOfYear = firstEpochDay - januaryFirst + 1
        yearLength = CivilCalendar.daysInYear(year)
    }

    /// Bits 1…length set.
    var allDays: UInt32 { UInt32((UInt64(1) << UInt64(length)) - 1) << 1 }

    func weekday(ofDay day: Int) -> Weekday {
        Weekday.allCases[(firstWeekday.rawValue - 1 + day - 1) % 7]
    }

    /// The first day of the month that falls on `weekday`.
    func firstDay(on weekday: Weekday) -> Int {
        1 + firstWeekday.distance(to: weekday)
    }

    /// The day whose 1-based day of the year is `dayOfYear`, if it lies in this month.
    func day(ofYearDay dayOfYear: Int) -> Int? {
        let day = dayOfYear - firstDayOfYear + 1
        return (1...length).contains(day) ? day : nil
    }

    /// The Monday–Friday nearest to `day` without leaving the month (Quartz `W`): a Saturday
    /// moves back to Friday unless it is the 1st (then forward to Monday the 3rd); a Sunday moves
    /// forward to Monday unless it is the last day (then back to Friday).
    func nearestWeekday(to day: Int) -> Int {
        switch weekday(ofDay: day) {
        case .saturday: day == 1 ? 3 : day - 1
        case .sunday: day == length ? day - 2 : day + 1
        case .monday, .tuesday, .wednesday, .thursday, .friday: day
        }
    }
}
