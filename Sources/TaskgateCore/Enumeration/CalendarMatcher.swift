/// Finds the local date-times that a rule's calendar fields select, jumping field by field.
///
/// The search never steps minute by minute: each field is a bit set, so "the next selected
/// value at or after v" is a single bit operation, and a whole month is skipped when its day
/// mask is empty. A day mask is computed once per month visited.
struct CalendarMatcher {
    private let seconds: FieldSet
    private let minutes: FieldSet
    private let hours: FieldSet
    private let months: FieldSet
    private let years: YearSet?
    private let days: DaySelector
    private let yearDays: YearDaySet?
    private let weekNumbers: WeekNumberSet?
    private var cachedYear = Int.min
    private var cachedMonth = 0
    private var cachedMask: UInt32 = 0

    /// The last year any search reaches.
    static let lastYear = 9999
    /// A calendar match repeats every 400 years; a search that finds nothing in that span
    /// finds nothing ever (unless years are restricted, which bound the search anyway).
    static let searchSpanYears = 400

    init(_ rule: ScheduleRule) {
        seconds = rule.seconds
        minutes = rule.minutes
        hours = rule.hours
        months = rule.months
        years = rule.years
        days = rule.days
        yearDays = rule.yearDays
        weekNumbers = rule.weekNumbers
    }

    /// Whether a date-time passes every field of the rule.
    mutating func matches(_ local: LocalDateTime) -> Bool {
        seconds.contains(local.second) && minutes.contains(local.minute) && hours.contains(local.hour)
            && months.contains(local.month) && (years?.contains(local.year) ?? true)
            && dayMask(year: local.year, month: local.month) & (1 << UInt32(local.day)) != 0
    }

    /// Whether a date passes the day, month and year filters.
    mutating func matchesDate(year: Int, month: Int, day: Int) -> Bool {
        months.contains(month) && (years?.contains(year) ?? true)
            && dayMask(year: year, month: month) & (1 << UInt32(day)) != 0
    }

    /// The days of a month that pass the day, month and year filters, as a mask (bit d = day d).
    mutating func selectedDays(year: Int, month: Int) -> UInt32 {
        months.contains(month) && (years?.contains(year) ?? true) ? dayMask(year: year, month: month) : 0
    }

    /// The selected days of a month, as a mask (bit d = day d).
    mutating func dayMask(year: Int, month: Int) -> UInt32 {
        if year == cachedYear, month == cachedMonth { return cachedMask }
        let layout = MonthLayout(year: year, month: month)
        var mask = days.mask(in: layout)
        if let yearDays, mask != 0 { mask &= yearDays.mask(in: layout) }
        if let weekNumbers, mask != 0 { mask &= weekNumbers.mask(in: layout) }
        cachedYear = year
        cachedMonth = month
        cachedMask = mask
        return mask
    }

    /// The seconds of the day that the hour, minute and second sets select, ascending.
    var timesOfDay: [Int] {
        var result: [Int] = []
        result.reserveCapacity(hours.count * minutes.count * seconds.count)
        for hour in hours where hour < 24 {
            for minute in minutes where minute < 60 {
                for second in seconds where second < 60 { result.append(hour * 3600 + minute * 60 + second) }
            }
        }
        return result
    }

    /// The first selected local date-time strictly after `start`, looking no further than the end
    /// of `throughYear`.
    mutating func first(after start: LocalDateTime, throughYear: Int) -> LocalDateTime? {
        // The search below carries an out-of-range second (60) into the minute, and so on, so the
        // next second needs no calendar arithmetic.
        var next = start
        next.second += 1
        return first(atOrAfter: next, throughYear: throughYear)
    }

    /// The first selected local date-time at or after `start`, looking no further than the end
    /// of `throughYear`. Fields of `start` may exceed their range by one (second 60, minute 60,
    /// hour 24, day 32, month 13): the search carries them into the next larger field.
    mutating func first(atOrAfter start: LocalDateTime, throughYear: Int) -> LocalDateTime? {
        var year = start.year
        var month = start.month
        var day = start.day
        var hour = start.hour
        var minute = start.minute
        var second = start.second
        let limit = min(throughYear, Self.lastYear)
        while year <= limit {
            if let years {
                guard let selected = years.next(atOrAfter: year), selected <= limit else { return nil }
                if selected != year {
                    year = selected
                    (month, day, hour, minute, second) = (1, 1, 0, 0, 0)
                }
            }
            guard let selectedMonth = months.next(atOrAfter: month), selectedMonth <= 12 else {
                year += 1
                (month, day, hour, minute, second) = (1, 1, 0, 0, 0)
                continue
            }
            if selectedMonth != month {
                month = selectedMonth
                (day, hour, minute, second) = (1, 0, 0, 0)
            }
            let mask = dayMask(year: year, month: month)
            let laterDays = day > 31 ? 0 : mask & (UInt32.max << UInt32(day))
            guard laterDays != 0 else {
                month += 1
                (day, hour, minute, second) = (1, 0, 0, 0)
                continue
            }
            let selectedDay = laterDays.trailingZeroBitCount
            if selectedDay != day {
                day = selectedDay
                (hour, minute, second) = (0, 0, 0)
            }
            guard let selectedHour = hours.next(atOrAfter: hour), selectedHour < 24 else {
                day += 1
                (hour, minute, second) = (0, 0, 0)
                continue
            }
            if selectedHour != hour {
                hour = selectedHour
                (minute, second) = (0, 0)
            }
            guard let selectedMinute = minutes.next(atOrAfter: minute), selectedMinute < 60 else {
                hour += 1
                (minute, second) = (0, 0)
                continue
            }
            if selectedMinute != minute {
                minute = selectedMinute
                second = 0
            }
            guard let selectedSecond = seconds.next(atOrAfter: second), selectedSecond < 60 else {
                minute += 1
                second = 0
                continue
            }
            return LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: selectedSecond)
        }
        return nil
    }
}
