/// Proleptic Gregorian calendar arithmetic on epoch days (days since 1970-01-01).
///
/// Everything here is integer arithmetic: no `Calendar`, no allocation. The conversions follow
/// the well-known era-based algorithm (400-year eras of 146,097 days), so they are exact for
/// every year taskgate handles (1 through 9999).
enum CivilCalendar {
    /// The number of days from 1970-01-01 to the given date (negative before it).
    static func epochDay(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of an epoch day.
    static func date(epochDay: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = epochDay + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func daysInYear(_ year: Int) -> Int {
        isLeapYear(year) ? 366 : 365
    }

    /// The weekday of an epoch day; 1970-01-01 was a Thursday.
    static func weekday(epochDay: Int) -> Weekday {
        // ISO numbering: Monday = 1 … Sunday = 7. Epoch day 0 is ISO weekday 4.
        let isoIndex = ((epochDay + 3) % 7 + 7) % 7  // 0 = Monday
        return Weekday.allCases[isoIndex]
    }

    /// The 1-based day of the year of a date.
    static func dayOfYear(year: Int, month: Int, day: Int) -> Int {
        epochDay(year: year, month: month, day: day) - epochDay(year: year, month: 1, day: 1) + 1
    }
}
