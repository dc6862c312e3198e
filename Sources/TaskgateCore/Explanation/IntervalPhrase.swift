/// The parts of a rule's interval in words: the cadence (`every 2 weeks from the week of
/// 2026-01-05, weeks starting Monday`), set positions, count and end.
enum IntervalPhrase {
    /// `every 2 weeks`, `every minute`.
    static func every(_ unit: CalendarUnit, _ count: Int) -> String {
        count == 1 ? "every \(unit.rawValue)" : "every \(count) \(unit.rawValue)s"
    }

    /// The first local time of the period of `unit` that holds `local`.
    static func periodStart(_ unit: CalendarUnit, of local: LocalDateTime, weekStart: Weekday) -> LocalDateTime {
        let day = local.startOfDay
        switch unit {
        case .year: return LocalDateTime(year: local.year, month: 1, day: 1)
        case .month: return LocalDateTime(year: local.year, month: local.month, day: 1)
        case .week: return day.adding(seconds: -Int64(weekStart.distance(to: local.weekday)) * 86_400)
        case .day: return day
        case .hour: return day.adding(seconds: Int64(local.hour) * 3600)
        case .minute: return day.adding(seconds: Int64(local.hour * 3600 + local.minute * 60))
        case .second: return local
        }
    }

    /// A period of a unit of a day or more, named by its start: `2026`, `January 2026`, `the week of
    /// 2026-01-05, weeks starting Monday`, `2026-01-05`; shorter units by the local time.
    static func periodName(_ unit: CalendarUnit, start: LocalDateTime, weekStart: Weekday) -> String {
        switch unit {
        case .year: "\(start.year)"
        case .month: "\(ClockText.monthName(start.month)) \(start.year)"
        case .week: "the week of \(ClockText.date(start)), weeks starting \(weekStart.name)"
        case .day: ClockText.date(start)
        case .hour, .minute, .second: ClockText.dateTime(start)
        }
    }

    /// `only the last of each month's matches`, `only the first and last of each week's matches`.
    static func setPositions(_ positions: [Int], unit: CalendarUnit) -> String? {
        guard !positions.isEmpty else { return nil }
        let words = EnglishList.joined(EnglishOrdinal.sortedPositions(positions).map(EnglishOrdinal.position))
        return "only the \(words) of each \(unit.rawValue)'s matches"
    }

    /// `45 times`, `once`.
    static func count(_ count: Int?) -> String? {
        guard let count else { return nil }
        return count == 1 ? "once" : "\(count) times"
    }

    /// `every 40 minutes from 2026-03-08 00:00 (elapsed time)`; a duration with calendar parts
    /// says how it treats a day the month lacks.
    static func duration(_ duration: ISODuration, anchor: LocalDateTime) -> String {
        let start = ClockText.dateTime(anchor)
        guard !duration.isZero else { return "once, at \(start)" }
        var text = DurationWords.every(duration) + " from " + start
        let nominal = duration.calendarMonths != 0 || duration.calendarDays != 0
        if duration.elapsedSeconds != 0 {
            text += nominal ? " (the date part on the calendar, the time part as elapsed time)" : " (elapsed time)"
        }
        if duration.calendarMonths != 0, anchor.day > 28 {
            // DurationRuleStream clamps a day past the end of a month to its last day.
            text += ", or on the last day of a month without a \(EnglishOrdinal.numbered(anchor.day))"
        }
        return text
    }
}
