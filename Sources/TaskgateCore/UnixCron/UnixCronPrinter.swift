/// Writes rules as Debian crontab time fields, one line per rule, in normal form.
///
/// A rule prints only when one line means exactly the same: seconds 0, no years, no
/// year days or week numbers, no interval, plain days of the month and plain weekdays combined
/// the way Debian cron can (AND needs a day field that starts with `*`), and a DST policy that
/// the line's shape has in Debian cron — or one that cannot differ from it for this rule in this
/// zone (``DSTExposure``).
struct UnixCronPrinter {
    let schedule: Schedule

    func print() throws(UnprintableSchedule) -> DialectText {
        guard var zone = ZoneRules(identifier: schedule.zone) else {
            throw refusal(part: "zone", reason: UnknownTimeZoneError(identifier: schedule.zone).description)
        }
        guard schedule.exclusions.isEmpty else {
            throw refusal(part: "exclusions", reason: "Debian cron cannot leave out single dates (RRULE EXDATE)")
        }
        var start: LocalDateTime?
        if let windowStart = schedule.window.start {
            guard let local = WindowStartReading.localStart(for: windowStart, in: &zone) else {
                throw refusal(
                    part: "window start",
                    reason:
                        "the start \(windowStart) lies within two days of a DST change of \(schedule.zone); a local "
                        + "start cannot name it")
            }
            start = local
        }
        let lines: [String]
        switch schedule.kind {
        case .manual:
            throw refusal(part: "kind", reason: "a task that runs only when started by hand has no crontab line")
        case .once:
            throw refusal(
                part: "kind", reason: "Debian cron has no one-time entries; a line with a date fires every year")
        case .event(let event):
            guard event == "reboot" else {
                throw refusal(part: "kind", reason: "Debian cron knows one event, @reboot, not '\(event)'")
            }
            lines = ["@reboot"]
        case .recurring(let rules):
            guard !rules.isEmpty else { throw refusal(part: "rules", reason: "the schedule has no rule") }
            var printed: [String] = []
            for (index, rule) in rules.enumerated() {
                printed.append(try line(for: rule, number: index + 1))
            }
            lines = printed
        }
        return DialectText(
            lines: lines,
            context: DialectContext(
                zone: schedule.zone, start: start, end: schedule.window.end, reference: Instant(secondsSinceEpoch: 0)))
    }

    /// One line: `minute hour day-of-month month day-of-week`.
    func line(for rule: ScheduleRule, number: Int) throws(UnprintableSchedule) -> String {
        try checkUnsupportedParts(of: rule, number: number)
        let minutes = try values(rule.minutes, in: .minute, part: "minutes", number: number)
        let hours = try values(rule.hours, in: .hour, part: "hours", number: number)
        let months = try values(rule.months, in: .month, part: "months", number: number)
        let (dayOfMonth, dayOfWeek) = try dayFields(rule.days, number: number)
        let (minute, hour) = try timeFields(minutes: minutes, hours: hours, rule: rule, number: number)
        let month = UnixCronFieldText.text(months, in: .month, allowStar: true)
        return [minute, hour, dayOfMonth, month, dayOfWeek].joined(separator: " ")
    }

    private func checkUnsupportedParts(of rule: ScheduleRule, number: Int) throws(UnprintableSchedule) {
        guard rule.seconds == FieldSet([0]) else {
            throw refusal(
                number, part: "seconds",
                reason: "Debian cron runs at whole minutes; seconds \(rule.seconds) cannot be held")
        }
        if let years = rule.years {
            throw refusal(number, part: "years", reason: "Debian cron has no year field; years \(years) cannot be held")
        }
        if rule.yearDays != nil {
            throw refusal(
                number, part: "year days", reason: "Debian cron cannot select days by their place in the year")
        }
        if rule.weekNumbers != nil {
            throw refusal(number, part: "week numbers", reason: "Debian cron cannot select weeks of the year")
        }
        if let interval = rule.interval {
            if interval.count != nil {
                throw refusal(number, part: "count", reason: "Debian cron cannot stop after a number of runs")
            }
            if !interval.setPositions.isEmpty {
                throw refusal(
                    number, part: "set positions",
                    reason: "Debian cron cannot pick the n-th match of a period (BYSETPOS)")
            }
            throw refusal(
                number, part: "interval",
                reason: "Debian cron matches the calendar; it cannot count periods or durations from an anchor")
        }
    }

    private func values(
        _ set: FieldSet, in field: UnixCronField, part: String, number: Int
    ) throws(UnprintableSchedule)
        -> Set<Int>
    {
        let range = field.printedRange
        guard !set.isEmpty else { throw refusal(number, part: part, reason: "the rule selects no value") }
        guard set.values.allSatisfy(range.contains) else {
            throw refusal(number, part: part, reason: "\(set) lies outside \(range.lowerBound)-\(range.upperBound)")
        }
        return Set(set.values)
    }

    /// The minute and hour fields in the shape whose Debian DST behaviour the rule has.
    private func timeFields(
        minutes: Set<Int>, hours: Set<Int>, rule: ScheduleRule, number: Int
    ) throws(UnprintableSchedule)
        -> (String, String)
    {
        let naturalMinute = UnixCronFieldText.text(minutes, in: .minute, allowStar: true)
        let naturalHour = UnixCronFieldText.text(hours, in: .hour, allowStar: true)
        var wildcardFields: (String, String)?
        if naturalMinute.hasPrefix("*") || naturalHour.hasPrefix("*") {
            wildcardFields = (naturalMinute, naturalHour)
        } else if let minute = UnixCronFieldText.starText(minutes, in: .minute) {
            wildcardFields = (minute, naturalHour)
        } else if let hour = UnixCronFieldText.starText(hours, in: .hour) {
            wildcardFields = (naturalMinute, hour)
        }
        let fixedFields = (
            UnixCronFieldText.text(minutes, in: .minute, allowStar: false),
            UnixCronFieldText.text(hours, in: .hour, allowStar: false)
        )
        let prefersWildcard =
            rule.dstPolicy == UnixCronTimes.wildcardPolicy
            || (rule.dstPolicy != UnixCronTimes.fixedTimePolicy
                && (naturalMinute.hasPrefix("*") || naturalHour.hasPrefix("*")))
        var exposure: DSTExposure?
        for wildcard in prefersWildcard ? [true, false] : [false, true] {
            let policy = wildcard ? UnixCronTimes.wildcardPolicy : UnixCronTimes.fixedTimePolicy
            let fields = wildcard ? wildcardFields : fixedFields
            guard let fields else { continue }
            if policy == rule.dstPolicy { return fields }
            if exposure == nil { exposure = DSTExposure(of: rule, in: schedule) }
            if exposure?.agrees(rule.dstPolicy, with: policy) == true { return fields }
        }
        let wildcardNote = wildcardFields == nil ? " (a '*' line would need minute 0 or hour 0)" : ""
        throw refusal(
            number, part: "DST policy",
            reason: "Debian cron runs a line whose minute and hour do not start with '*' with gap transition, overlap "
                + "earlier, and any other line with gap skip, overlap both\(wildcardNote); the rule has \(rule.dstPolicy) "
                + "and selects local times at DST changes of \(schedule.zone)")
    }

    /// The day-of-month and day-of-week fields.
    private func dayFields(_ days: DaySelector, number: Int) throws(UnprintableSchedule) -> (String, String) {
        switch days {
        case .everyDay:
            return ("*", "*")
        case .weekdays(let weekdays):
            return try weekdayOnly(cronWeekdays(weekdays, number: number), number: number)
        case .monthDays(let monthDays):
            return try monthDayOnly(plainDays(monthDays, number: number), number: number)
        case .either(let monthDays, let weekdays):
            let days = try plainDays(monthDays, number: number)
            let weekdayValues = try cronWeekdays(weekdays, number: number)
            if days.isEmpty { return try weekdayOnly(weekdayValues, number: number) }
            if weekdayValues.isEmpty { return try monthDayOnly(days, number: number) }
            if days.count == 31 || weekdayValues.count == 7 { return ("*", "*") }
            // Neither field may start with '*', or Debian cron would AND them.
            return (
                UnixCronFieldText.text(days, in: .dayOfMonth, allowStar: false),
                UnixCronFieldText.text(weekdayValues, in: .dayOfWeek, allowStar: false)
            )
        case .both(let monthDays, let weekdays):
            let days = try plainDays(monthDays, number: number)
            let weekdayValues = try cronWeekdays(weekdays, number: number)
            guard !days.isEmpty, !weekdayValues.isEmpty else {
                throw refusal(number, part: "day selector", reason: "the rule selects no day")
            }
            if days.count == 31 { return try weekdayOnly(weekdayValues, number: number) }
            if weekdayValues.count == 7 { return try monthDayOnly(days, number: number) }
            return try bothFields(days, weekdayValues, number: number)
        }
    }

    /// An AND of the two day fields: one of them must start with `*` (Debian's `DOM_STAR` or
    /// `DOW_STAR`), and such a field always holds day 1 or Sunday.
    private func bothFields(
        _ days: Set<Int>, _ weekdays: Set<Int>, number: Int
    ) throws(UnprintableSchedule) -> (String, String) {
        if let step = UnixCronFieldText.exactStarStep(weekdays, in: .dayOfWeek) {
            return (UnixCronFieldText.text(days, in: .dayOfMonth, allowStar: true), "*/\(step)")
        }
        if let step = UnixCronFieldText.exactStarStep(days, in: .dayOfMonth) {
            return ("*/\(step)", UnixCronFieldText.text(weekdays, in: .dayOfWeek, allowStar: true))
        }
        if let weekdayText = UnixCronFieldText.starText(weekdays, in: .dayOfWeek) {
            return (UnixCronFieldText.text(days, in: .dayOfMonth, allowStar: true), weekdayText)
        }
        if let dayText = UnixCronFieldText.starText(days, in: .dayOfMonth) {
            return (dayText, UnixCronFieldText.text(weekdays, in: .dayOfWeek, allowStar: true))
        }
        let dayText = UnixCronFieldText.text(days, in: .dayOfMonth, allowStar: false)
        let weekdayText = UnixCronFieldText.text(weekdays, in: .dayOfWeek, allowStar: false)
        throw refusal(
            number, part: "day selector",
            reason:
                "a day must match both day-of-month \(dayText) and day-of-week \(weekdayText); Debian cron ANDs the two "
                + "only when one field starts with '*', which always selects day 1 or Sunday")
    }

    private func weekdayOnly(_ weekdays: Set<Int>, number: Int) throws(UnprintableSchedule) -> (String, String) {
        guard !weekdays.isEmpty else { throw refusal(number, part: "day selector", reason: "the rule selects no day") }
        return ("*", UnixCronFieldText.text(weekdays, in: .dayOfWeek, allowStar: true))
    }

    private func monthDayOnly(_ days: Set<Int>, number: Int) throws(UnprintableSchedule) -> (String, String) {
        guard !days.isEmpty else { throw refusal(number, part: "day selector", reason: "the rule selects no day") }
        return (UnixCronFieldText.text(days, in: .dayOfMonth, allowStar: true), "*")
    }

    private func plainDays(_ days: MonthDaySet, number: Int) throws(UnprintableSchedule) -> Set<Int> {
        guard days.isPlainDays else {
            throw refusal(
                number, part: "day selector",
                reason: "the last day of the month and the nearest weekday (Quartz L, W) are not Debian cron syntax")
        }
        return Set(days.plainDays.filter { (1...31).contains($0) })
    }

    private func cronWeekdays(_ weekdays: WeekdaySet, number: Int) throws(UnprintableSchedule) -> Set<Int> {
        guard weekdays.ordinals.isEmpty else {
            let ordinals = weekdays.sortedOrdinals.map(\.description).joined(separator: ", ")
            throw refusal(
                number, part: "day selector",
                reason: "the n-th weekday of the month (\(ordinals)) is not Debian cron syntax")
        }
        return Set(weekdays.everyWeekday.map(UnixCronTimes.cronNumber(of:)))
    }

    private func refusal(_ number: Int? = nil, part: String, reason: String) -> UnprintableSchedule {
        UnprintableSchedule(dialect: .cron, rule: number, part: part, reason: reason)
    }
}
