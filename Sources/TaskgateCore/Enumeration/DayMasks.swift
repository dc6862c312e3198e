/// The day filters evaluated for one month: bit d of a mask is set when day d is selected.

extension MonthDaySet {
    /// Called once per month an enumeration visits: the terms are read bit by bit, with no array.
    func mask(in layout: MonthLayout) -> UInt32 {
        var mask = days & layout.allDays
        var terms = fromEnd
        while terms != 0 {
            let offset = terms.trailingZeroBitCount
            terms &= terms &- 1
            if offset < layout.length { mask |= 1 << UInt32(layout.length - offset) }
        }
        terms = nearestWeekday
        while terms != 0 {
            let day = terms.trailingZeroBitCount
            terms &= terms &- 1
            if day <= layout.length { mask |= 1 << UInt32(layout.nearestWeekday(to: day)) }
        }
        terms = nearestWeekdayFromEnd
        while terms != 0 {
            let offset = terms.trailingZeroBitCount
            terms &= terms &- 1
            if offset < layout.length { mask |= 1 << UInt32(layout.nearestWeekday(to: layout.length - offset)) }
        }
        return mask
    }
}

extension WeekdaySet {
    /// Days 1, 8, 15, 22 and 29.
    private static let weekly: UInt32 = 1 | 1 << 7 | 1 << 14 | 1 << 21 | 1 << 28

    func mask(in layout: MonthLayout) -> UInt32 {
        var mask: UInt32 = 0
        // Bit w (1…7) of `every` is the weekday of raw value w: the weekdays are read from the bits.
        var weekdays = every & 0b1111_1110
        while weekdays != 0 {
            let rawValue = weekdays.trailingZeroBitCount
            weekdays &= weekdays &- 1
            // The first day of the month on that weekday (MonthLayout.firstDay(on:)).
            let firstDay = 1 + ((rawValue - layout.firstWeekday.rawValue) % 7 + 7) % 7
            mask |= Self.weekly << UInt32(firstDay)
        }
        mask &= layout.allDays
        if !ordinals.isEmpty {
            for ordinal in ordinals {
                if let day = day(of: ordinal, in: layout) { mask |= 1 << UInt32(day) }
            }
        }
        return mask
    }

    private func day(of ordinal: OrdinalWeekday, in layout: MonthLayout) -> Int? {
        switch ordinalScope {
        case .month:
            let first = layout.firstDay(on: ordinal.weekday)
            let candidate: Int
            if ordinal.ordinal > 0 {
                candidate = first + 7 * (ordinal.ordinal - 1)
            } else {
                let last = first + 7 * ((layout.length - first) / 7)
                candidate = last + 7 * (ordinal.ordinal + 1)
            }
            return (1...layout.length).contains(candidate) ? candidate : nil
        case .year:
            let januaryFirst = CivilCalendar.weekday(epochDay: layout.firstEpochDay - layout.firstDayOfYear + 1)
            let first = 1 + januaryFirst.distance(to: ordinal.weekday)
            let dayOfYear: Int
            if ordinal.ordinal > 0 {
                dayOfYear = first + 7 * (ordinal.ordinal - 1)
            } else {
                let last = first + 7 * ((layout.yearLength - first) / 7)
                dayOfYear = last + 7 * (ordinal.ordinal + 1)
            }
            guard (1...layout.yearLength).contains(dayOfYear) else { return nil }
            return layout.day(ofYearDay: dayOfYear)
        }
    }
}

extension DaySelector {
    func mask(in layout: MonthLayout) -> UInt32 {
        switch self {
        case .everyDay: layout.allDays
        case .monthDays(let days): days.mask(in: layout)
        case .weekdays(let weekdays): weekdays.mask(in: layout)
        case .either(let days, let weekdays): days.mask(in: layout) | weekdays.mask(in: layout)
        case .both(let days, let weekdays): days.mask(in: layout) & weekdays.mask(in: layout)
        }
    }
}

extension YearDaySet {
    func mask(in layout: MonthLayout) -> UInt32 {
        var mask: UInt32 = 0
        for value in days {
            let dayOfYear = value > 0 ? value : layout.yearLength + 1 + value
            if let day = layout.day(ofYearDay: dayOfYear) { mask |= 1 << UInt32(day) }
        }
        return mask
    }
}

extension WeekNumberSet {
    /// The first day (epoch day) of week 1 of `year`: the week, starting on ``weekStart``, that
    /// holds 4 January and so at least four days of the year.
    private func firstDayOfWeekOne(_ year: Int) -> Int {
        let fourth = CivilCalendar.epochDay(year: year, month: 1, day: 4)
        return fourth - weekStart.distance(to: CivilCalendar.weekday(epochDay: fourth))
    }

    private func weekCount(_ year: Int) -> Int {
        (firstDayOfWeekOne(year + 1) - firstDayOfWeekOne(year)) / 7
    }

    /// The week number python-dateutil 2.9.0 gives the days of `year` before its week 1
    /// (`_iterinfo.rebuild`, `lnumweeks`). ISO 8601 makes it the previous year's week count;
    /// dateutil computes that count from the previous year's length only when that year's week 1
    /// began in the year before it, and otherwise from `year`'s own length, so on some dates
    /// (1 and 2 January 1994 with WKST=MO) it says 53 where ISO 8601 says 52. Mirrored so that
    /// RRULE agrees with the oracle; see the RRULE differential test.
    private func lastWeekNumberBeforeWeekOne(_ year: Int) -> Int {
        func mod7(_ value: Int) -> Int { (value % 7 + 7) % 7 }
        let start = weekStart.rawValue - 1
        let firstWeekday =
            CivilCalendar.weekday(epochDay: CivilCalendar.epochDay(year: year, month: 1, day: 1)).rawValue - 1
        let previousFirstWeekday =
            CivilCalendar.weekday(epochDay: CivilCalendar.epochDay(year: year - 1, month: 1, day: 1)).rawValue - 1
        if mod7(7 - previousFirstWeekday + start) >= 4 {
            return 52 + mod7(CivilCalendar.daysInYear(year - 1) + mod7(previousFirstWeekday - start)) / 4
        }
        return 52 + mod7(CivilCalendar.daysInYear(year) - mod7(7 - firstWeekday + start)) / 4
    }

    func mask(in layout: MonthLayout) -> UInt32 {
        let year = layout.year
        let weekOne = firstDayOfWeekOne(year)
        let nextWeekOne = firstDayOfWeekOne(year + 1)
        let count = weekCount(year)
        var mask: UInt32 = 0
        for day in 1...layout.length {
            let epochDay = layout.firstEpochDay + day - 1
            let selected: Bool
            if epochDay < weekOne {
                // The last week of the previous year: -1, or the number python-dateutil gives it.
                selected = weeks.contains(-1) || weeks.contains(lastWeekNumberBeforeWeekOne(year))
            } else if epochDay >= nextWeekOne {
                // Week 1 of the next year.
                selected = weeks.contains(1)
            } else {
                let week = (epochDay - weekOne) / 7 + 1
                selected = weeks.contains(week) || weeks.contains(week - count - 1)
            }
            if selected { mask |= 1 << UInt32(day) }
        }
        return mask
    }
}
