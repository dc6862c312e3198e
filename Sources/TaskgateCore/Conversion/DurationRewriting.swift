/// Rewrites between ISO 8601 repeating intervals (a duration from an anchor) and calendar rules.
extension RuleRewrite {
    /// A duration as calendar rules: nominal days, weeks, months and years as an RRULE-style
    /// interval on the wall clock; an elapsed time part, in a zone of one fixed offset, as the
    /// times of day it reaches (when it divides a day) or as an interval of hours, minutes or
    /// seconds.
    static let durationToCalendar = RuleRewrite(name: "duration-to-calendar") { rule, context in
        guard let interval = rule.interval, case .duration(let duration) = interval.step,
            interval.setPositions.isEmpty, !duration.isZero
        else { return nil }
        let anchor = interval.anchor
        var calendar = rule
        calendar.seconds = FieldSet([anchor.second])
        calendar.minutes = FieldSet([anchor.minute])
        calendar.hours = FieldSet([anchor.hour])
        calendar.interval = RuleInterval(
            step: .calendar(.day, every: 1), anchor: anchor, count: interval.count, until: interval.until)
        let elapsed = duration.elapsedSeconds
        switch (duration.calendarMonths, duration.calendarDays, elapsed) {
        case (0, 0, _):
            guard context.zoneHasFixedOffset else { return nil }
            if interval.count == nil, interval.until == nil, 86_400 % elapsed == 0 {
                let times = stride(from: Int64(anchor.secondOfDay) % elapsed, to: 86_400, by: Int(elapsed)).map {
                    Int($0)
                }
                calendar.interval = nil
                return calendar.withTimes(TimeOfDayGrouping.products(of: times))
            }
            let (unit, every): (CalendarUnit, Int64) =
                elapsed % 86_400 == 0
                ? (.day, elapsed / 86_400)
                : elapsed % 3600 == 0
                    ? (.hour, elapsed / 3600)
                    : elapsed % 60 == 0 ? (.minute, elapsed / 60) : (.second, elapsed)
            guard every <= Int64(Int32.max) else { return nil }
            switch unit {
            case .hour: calendar.hours = .everyHour
            case .minute: (calendar.hours, calendar.minutes) = (.everyHour, .everyMinute)
            case .second:
                (calendar.hours, calendar.minutes, calendar.seconds) = (.everyHour, .everyMinute, .everySecond)
            case .day, .week, .month, .year: break
            }
            calendar.interval?.step = .calendar(unit, every: Int(every))
        case (0, let days, 0):
            if days % 7 == 0 {
                calendar.days = .weekdays(WeekdaySet(every: [anchor.weekday]))
                calendar.interval?.step = .calendar(.week, every: days / 7)
            } else {
                calendar.interval?.step = .calendar(.day, every: days)
            }
        case (let months, 0, 0):
            calendar.days = .monthDays(MonthDaySet(days: [anchor.day]))
            if months % 12 == 0 {
                calendar.months = FieldSet([anchor.month])
                calendar.interval?.step = .calendar(.year, every: months / 12)
            } else {
                calendar.interval?.step = .calendar(.month, every: months)
            }
        default:
            return nil
        }
        if let interval = calendar.interval, interval.count == nil, interval.until == nil,
            case .calendar(_, every: 1) = interval.step
        {
            // Every period is included: the rule is a calendar match from the anchor on, which is the
            // window start the check proves against.
            calendar.interval = nil
        }
        if duration.calendarMonths != 0 { return clampedToMonthEnds(calendar, day: anchor.day) }
        return [calendar]
    }

    /// A step of months from day 29, 30 or 31 lands on the last day of a month that lacks the day:
    /// `plusMonths` clamps (java.time, qlik-scheduling.md §4.1). Months the day always reaches or
    /// passes are "the last day"; the others keep the day: `P1M` from 31 January is
    /// `BYMONTHDAY=-1`, from 30 January it is the 30th, and the last day of February.
    private static func clampedToMonthEnds(_ rule: ScheduleRule, day: Int) -> [ScheduleRule] {
        guard day > 28 else { return [rule] }
        // A month's longest length: February 29.
        let longest = { (month: Int) in CivilCalendar.daysInMonth(year: 2000, month: month) }
        let lastDayMonths = FieldSet(rule.months.filter { day >= longest($0) })
        let dayMonths = FieldSet(rule.months.filter { day < longest($0) })
        var pieces: [ScheduleRule] = []
        if !dayMonths.isEmpty {
            var piece = rule
            piece.months = dayMonths
            pieces.append(piece)
        }
        if !lastDayMonths.isEmpty {
            var piece = rule.with(days: .monthDays(.lastDay))
            piece.months = lastDayMonths
            pieces.append(piece)
        }
        return pieces
    }

    /// A rule that fires once per period of a calendar interval, at the anchor's offset into the
    /// period, as a duration from the anchor: `FREQ=HOURLY;INTERVAL=2` from 09:15 is `PT2H`;
    /// daily at 08:00 is `P1D`. Elapsed hours equal wall-clock hours only in a zone of one
    /// offset; the equivalence check decides elsewhere.
    static let calendarToDuration = RuleRewrite(name: "calendar-to-duration") { rule, context in
        let (unit, every, anchor, count, until): (CalendarUnit, Int, LocalDateTime, Int?, TimePoint?)
        if let interval = rule.interval {
            guard case .calendar(let intervalUnit, let intervalEvery) = interval.step, interval.setPositions.isEmpty,
                rule.selectsOnlyAnchorPhase(of: intervalUnit, anchor: interval.anchor)
            else { return nil }
            (unit, every, anchor, count, until) = (
                intervalUnit, intervalEvery, interval.anchor, interval.count, interval.until
            )
        } else {
            guard let grid = rule.regularGrid(from: context.anchor) else { return nil }
            (unit, every, anchor, count, until) = (grid.unit, grid.every, grid.first, nil, nil)
        }
        guard every > 0 else { return nil }
        let duration: ISODuration
        switch unit {
        case .second: duration = ISODuration(seconds: every)
        case .minute: duration = ISODuration(minutes: every)
        case .hour: duration = ISODuration(hours: every)
        case .day: duration = ISODuration(days: every)
        case .week: duration = ISODuration(weeks: every)
        case .month: duration = ISODuration(months: every)
        case .year: duration = ISODuration(years: every)
        }
        var result = rule
        result.seconds = .everySecond
        result.minutes = .everyMinute
        result.hours = .everyHour
        result.days = .everyDay
        result.months = .everyMonth
        result.interval = RuleInterval(step: .duration(duration), anchor: anchor, count: count, until: until)
        return [result]
    }
}

extension ScheduleRule {
    /// Whether the rule selects, in each period of `unit`, exactly the local time at the anchor's
    /// offset into the period and nothing else, with no other restriction.
    fileprivate func selectsOnlyAnchorPhase(of unit: CalendarUnit, anchor: LocalDateTime) -> Bool {
        guard years == nil, yearDays == nil, weekNumbers == nil else { return false }
        let fixedSecond = seconds == FieldSet([anchor.second])
        let fixedMinute = minutes == FieldSet([anchor.minute])
        let fixedHour = hours == FieldSet([anchor.hour])
        let everyDay = days == .everyDay
        let allMonths = months == .everyMonth
        switch unit {
        case .second:
            return seconds == .everySecond && minutes == .everyMinute && hours == .everyHour && everyDay && allMonths
        case .minute: return fixedSecond && minutes == .everyMinute && hours == .everyHour && everyDay && allMonths
        case .hour: return fixedSecond && fixedMinute && hours == .everyHour && everyDay && allMonths
        case .day: return fixedSecond && fixedMinute && fixedHour && everyDay && allMonths
        case .week:
            return fixedSecond && fixedMinute && fixedHour && allMonths
                && days == .weekdays(WeekdaySet(every: [anchor.weekday]))
        case .month:
            return fixedSecond && fixedMinute && fixedHour && allMonths && anchor.day <= 28
                && days == .monthDays(MonthDaySet(days: [anchor.day]))
        case .year:
            return fixedSecond && fixedMinute && fixedHour && months == FieldSet([anchor.month])
                && !(anchor.month == 2 && anchor.day == 29) && days == .monthDays(MonthDaySet(days: [anchor.day]))
        }
    }

    /// A calendar match that is an even grid — the same step all day, every day — described by
    /// its unit, step and first local time at or after `start`.
    fileprivate func regularGrid(from start: LocalDateTime) -> (unit: CalendarUnit, every: Int, first: LocalDateTime)? {
        guard interval == nil, days == .everyDay, months == .everyMonth, years == nil, yearDays == nil,
            weekNumbers == nil
        else { return nil }
        let times = secondsOfDay
        guard !times.isEmpty else { return nil }
        let step = times.count > 1 ? times[1] - times[0] : 86_400
        guard 86_400 % step == 0, times.count == 86_400 / step,
            zip(times, times.dropFirst()).allSatisfy({ $1 - $0 == step })
        else { return nil }
        var matcher = CalendarMatcher(self)
        guard let first = matcher.first(atOrAfter: start, throughYear: start.year + 1) else { return nil }
        if step % 3600 == 0 { return (step == 86_400 ? .day : .hour, step == 86_400 ? 1 : step / 3600, first) }
        if step % 60 == 0 { return (.minute, step / 60, first) }
        return (.second, step, first)
    }
}
