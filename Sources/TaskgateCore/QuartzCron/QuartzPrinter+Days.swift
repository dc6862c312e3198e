/// The two day fields of a printed line: one is `?` (Quartz restricts one of them only).
extension QuartzPrinter {
    /// Day-of-month and day-of-week text for a day selector.
    func dayTexts(_ days: DaySelector, number: Int) throws(UnprintableSchedule) -> (String, String) {
        switch days {
        case .everyDay:
            return ("*", "?")
        case .monthDays(let monthDays):
            return (try monthDayText(monthDays, number: number), "?")
        case .weekdays(let weekdays):
            return ("?", try weekdayText(weekdays, number: number))
        case .either(let monthDays, let weekdays):
            if weekdays.isEmpty { return try dayTexts(.monthDays(monthDays), number: number) }
            if monthDays.isEmpty { return try dayTexts(.weekdays(weekdays), number: number) }
            throw refusal(
                number, "day selector",
                "a day matches day-of-month or day-of-week (cron's OR); Quartz restricts one of the two day fields "
                    + "only: write one line per field")
        case .both(let monthDays, let weekdays):
            if monthDays == MonthDaySet(days: 1...31) { return try dayTexts(.weekdays(weekdays), number: number) }
            if weekdays.isEveryDay { return try dayTexts(.monthDays(monthDays), number: number) }
            throw refusal(
                number, "day selector",
                "a day must match both day-of-month and day-of-week; Quartz restricts one of the two day fields only")
        }
    }

    /// Plain days, or one of `L`, `L-n`, `LW`, `L-nW`, `nW` alone (wyn.md §4.7: n ≤ 27 for `L-n`
    /// so that the day exists in every month, d ≤ 28 for `dW`).
    private func monthDayText(_ days: MonthDaySet, number: Int) throws(UnprintableSchedule) -> String {
        let terms = [days.days, days.fromEnd, days.nearestWeekday, days.nearestWeekdayFromEnd].filter { $0 != 0 }.count
        guard terms > 0 else { throw refusal(number, "day-of-month", "selects no day, so the rule never fires") }
        if days.isPlainDays {
            let values = days.plainDays
            guard let last = values.last, last <= 31, values.first ?? 0 >= 1 else {
                throw refusal(number, "day-of-month", "days \(values) lie outside 1-31")
            }
            return QuartzFieldText.text(values, range: 1...31, style: .compact)
        }
        let single =
            terms == 1
            && [days.fromEnd, days.nearestWeekday, days.nearestWeekdayFromEnd].allSatisfy { $0.nonzeroBitCount <= 1 }
        guard single else {
            throw refusal(
                number, "day-of-month",
                "Quartz writes 'L', 'L-n', 'LW', 'L-nW' or 'nW' only alone in day-of-month, and never with other days")
        }
        if let offset = days.offsetsFromEnd.first {
            guard offset <= 27 else {
                throw refusal(
                    number, "day-of-month",
                    "'L-\(offset)' falls in some months only; the portable form (wyn.md §4.7) keeps n ≤ 27")
            }
            return offset == 0 ? "L" : "L-\(offset)"
        }
        if let day = days.nearestWeekdayDays.first {
            // Java Quartz 2.3.2 reads 29W–31W by the month its search started in (measured: `29W`
            // fires on 2025-02-28 when started inside February, and skips February otherwise).
            guard (1...28).contains(day) else {
                throw refusal(
                    number, "day-of-month",
                    "'\(day)W' depends on where Java's search starts in months shorter than \(day) days; the "
                        + "portable form (wyn.md §4.7) keeps d ≤ 28")
            }
            return "\(day)W"
        }
        let offset = days.nearestWeekdayOffsetsFromEnd.first ?? 0
        guard offset <= 27 else {
            throw refusal(
                number, "day-of-month",
                "'L-\(offset)W' makes Java Quartz 2.3.2 loop forever in short months; expected n ≤ 27")
        }
        return offset == 0 ? "LW" : "L-\(offset)W"
    }

    /// Weekday names, or one `DAY#k` (k 1–5) or `DAYL`.
    private func weekdayText(_ weekdays: WeekdaySet, number: Int) throws(UnprintableSchedule) -> String {
        if weekdays.ordinals.isEmpty {
            let values = weekdays.everyWeekday.map(QuartzJavaState.quartzNumber(of:)).sorted()
            guard !values.isEmpty else {
                throw refusal(number, "day-of-week", "selects no weekday, so the rule never fires")
            }
            return QuartzFieldText.text(values, range: 1...7, style: .compact, names: QuartzFieldText.weekdayName)
        }
        guard weekdays.every == 0, weekdays.ordinals.count == 1, let ordinal = weekdays.ordinals.first else {
            throw refusal(
                number, "day-of-week",
                "Quartz holds one ordinal weekday ('#' or 'L') and nothing else in day-of-week; found "
                    + weekdays.sortedOrdinals.map(\.description).joined(separator: ", ")
                    + (weekdays.every == 0
                        ? "" : " and every " + weekdays.everyWeekday.map(\.name).joined(separator: ", ")))
        }
        guard weekdays.ordinalScope == .month else {
            throw refusal(number, "day-of-week", "'\(ordinal)' counts within the year; Quartz counts within the month")
        }
        let name = QuartzFieldText.weekdayName(QuartzJavaState.quartzNumber(of: ordinal.weekday))
        switch ordinal.ordinal {
        case 1...5: return "\(name)#\(ordinal.ordinal)"
        case -1: return "\(name)L"
        default:
            throw refusal(
                number, "day-of-week",
                "the \(ordinal.ordinal) \(ordinal.weekday) of the month has no Quartz form; Quartz has '#1'-'#5' and 'L' (last)"
            )
        }
    }
}
