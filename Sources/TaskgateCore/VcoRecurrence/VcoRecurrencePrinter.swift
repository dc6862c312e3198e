/// Writes a schedule as one vCO task's `CYCLE PATTERN`, in the canonical form of vco.md §5.1:
/// the zone prefix always, items sorted within the cycle and de-duplicated, two-digit fields,
/// full weekday names, every item followed by `,`.
///
/// The cycle is the shortest that holds every rule (vco.md §5.4) and whose DST behaviour
/// (``VcoRecurrenceCycle/dstPolicy``) the rules have, or cannot show in the zone. Refused: what
/// one vCO task cannot hold — months and years (§11 V2), the last day, nearest weekday and n-th
/// weekday (V3), an OR or AND of days of month and weekdays, rules of weekdays mixed with rules of
/// days of month, intervals, counts and set positions (V1), excluded dates, more than 1,000
/// items (V17).
struct VcoRecurrencePrinter {
    let schedule: Schedule

    /// The most items one printed pattern may hold (vco.md §5.3: a soft limit, the server's is unknown).
    static let maximumItems = 1000

    func print() throws(UnprintableSchedule) -> DialectText {
        guard var zone = ZoneRules(identifier: schedule.zone) else {
            throw refusal(part: "zone", reason: UnknownTimeZoneError(identifier: schedule.zone).description)
        }
        guard schedule.exclusions.isEmpty else {
            throw refusal(part: "exclusions", reason: "a vCO task cannot leave out single dates")
        }
        switch schedule.kind {
        case .manual:
            throw refusal(
                part: "kind",
                reason: "a vCO task always has a schedule; running only by hand is running the workflow (vco.md §4.1)")
        case .event(let event):
            throw refusal(part: "kind", reason: "a vCO task cannot wait for an event ('\(event)')")
        case .once(let instant):
            let start = try startReading(.instant(instant), in: &zone)
            return text("\(VcoRecurrenceCycle.oneTime.rawValue) (\(schedule.zone)) ", start: start)
        case .recurring(let rules):
            guard !rules.isEmpty else { throw refusal(part: "rules", reason: "the schedule has no rule") }
            var start: LocalDateTime?
            if let windowStart = schedule.window.start {
                start = try startReading(windowStart, in: &zone)
            }
            let (cycle, items) = try pattern(for: rules)
            let pattern = items.map { $0.text(in: cycle) + "," }.joined()
            return text("\(cycle.rawValue) (\(schedule.zone)) \(pattern)", start: start)
        }
    }

    /// The text with the start in its context. Without a start the context has none: a vCO task
    /// needs one, and whoever creates the task sends "now" (vco.md §11 V10), which is what the
    /// reader takes from the context's reference. The printed reference is 1970-01-01T00:00:00Z,
    /// so that reading the text back without a real "now" admits every later instant, as the
    /// unbounded schedule does.
    private func text(_ line: String, start: LocalDateTime?) -> DialectText {
        DialectText(
            lines: [line],
            context: DialectContext(
                zone: schedule.zone, start: start, end: schedule.window.end, reference: Instant(secondsSinceEpoch: 0)))
    }

    /// The local reading the reader turns back into the start instant.
    private func startReading(_ start: TimePoint, in zone: inout ZoneRules) throws(UnprintableSchedule) -> LocalDateTime
    {
        guard let local = WindowStartReading.instantStart(for: start, in: &zone) else {
            throw refusal(
                part: "window start",
                reason:
                    "the start \(start) is the second pass of a repeated local time or lies within two days of a DST "
                    + "change of \(schedule.zone); the local start of the text cannot name it")
        }
        return local
    }

    /// The cycle and the items of all rules.
    private func pattern(
        for rules: [ScheduleRule]
    ) throws(UnprintableSchedule) -> (VcoRecurrenceCycle, [VcoRecurrenceItem]) {
        var hasWeekdays = false
        var hasMonthDays = false
        for (index, rule) in rules.enumerated() {
            try checkUnsupportedParts(of: rule, number: index + 1)
            switch rule.days {
            case .everyDay: break
            case .weekdays: hasWeekdays = true
            case .monthDays: hasMonthDays = true
            case .either, .both:
                throw refusal(
                    index + 1, part: "day selector",
                    reason: "a vCO item names a weekday or a day of the month, never a combination of both")
            }
        }
        if hasWeekdays && hasMonthDays {
            throw refusal(
                part: "day selector",
                reason: "rules of weekdays and rules of days of the month need two cycles; one vCO task has one")
        }
        let candidates: [VcoRecurrenceCycle]
        if hasWeekdays {
            candidates = [.everyWeeks]
        } else if hasMonthDays {
            candidates = [.everyMonths]
        } else {
            let everyHour = rules.allSatisfy { $0.hours == .everyHour }
            let everyMinute = everyHour && rules.allSatisfy { $0.minutes == .everyMinute }
            candidates = (everyMinute ? [.everyMinutes] : []) + (everyHour ? [.everyHours] : []) + [.everyDays]
        }
        var exposures: [Int: DSTExposure] = [:]
        for cycle in candidates {
            var fits = true
            for (index, rule) in rules.enumerated() where rule.dstPolicy != cycle.dstPolicy {
                if exposures[index] == nil { exposures[index] = DSTExposure(of: rule, in: schedule) }
                if exposures[index]?.agrees(rule.dstPolicy, with: cycle.dstPolicy) != true {
                    fits = false
                    break
                }
            }
            guard fits else { continue }
            // One rule alone can need millions of items (every second of every month): refuse
            // before listing them.
            let largest = rules.map { Self.itemCount(of: $0, in: cycle) }.max() ?? 0
            guard largest <= Self.maximumItems else {
                throw refusal(
                    part: "items",
                    reason: "the pattern needs at least \(largest) \(cycle.rawValue) items; taskgate writes at most "
                        + "\(Self.maximumItems) per vCO task (vco.md §5.3)")
            }
            let items = Set(rules.flatMap { Self.items(of: $0, in: cycle) }).sorted()
            guard items.count <= Self.maximumItems else {
                throw refusal(
                    part: "items",
                    reason: "the pattern needs \(items.count) \(cycle.rawValue) items; taskgate writes at most "
                        + "\(Self.maximumItems) per vCO task (vco.md §5.3)")
            }
            return (cycle, items)
        }
        let cycles = candidates.map { "\($0.rawValue) (\($0.dstPolicy))" }.joined(separator: ", ")
        throw refusal(
            part: "DST policy",
            reason: "the rules' DST policies differ from what \(cycles) can have, and they select local times at DST "
                + "changes of \(schedule.zone)")
    }

    private func checkUnsupportedParts(of rule: ScheduleRule, number: Int) throws(UnprintableSchedule) {
        guard rule.months == .everyMonth else {
            throw refusal(
                number, part: "months", reason: "a vCO task has no month filter; months \(rule.months) cannot be held")
        }
        if let years = rule.years {
            throw refusal(number, part: "years", reason: "a vCO task has no year filter; years \(years) cannot be held")
        }
        if rule.yearDays != nil {
            throw refusal(number, part: "year days", reason: "a vCO task cannot select days by their place in the year")
        }
        if rule.weekNumbers != nil {
            throw refusal(number, part: "week numbers", reason: "a vCO task cannot select weeks of the year")
        }
        if let interval = rule.interval {
            if interval.count != nil {
                throw refusal(number, part: "count", reason: "a vCO task cannot stop after a number of runs")
            }
            if !interval.setPositions.isEmpty {
                throw refusal(
                    number, part: "set positions", reason: "a vCO task cannot pick the n-th match of a period")
            }
            throw refusal(
                number, part: "interval",
                reason: "a vCO cycle has no multiplier: 'every 2 weeks' cannot be held (vco.md §11 V1)")
        }
        for (set, range, part) in [
            (rule.seconds, 0...59, "seconds"), (rule.minutes, 0...59, "minutes"), (rule.hours, 0...23, "hours"),
        ] {
            guard !set.isEmpty else { throw refusal(number, part: part, reason: "the rule selects no value") }
            guard set.values.allSatisfy(range.contains) else {
                throw refusal(number, part: part, reason: "\(set) lies outside \(range.lowerBound)-\(range.upperBound)")
            }
        }
        switch rule.days {
        case .everyDay, .either, .both:
            break
        case .weekdays(let weekdays):
            guard weekdays.ordinals.isEmpty else {
                throw refusal(
                    number, part: "day selector",
                    reason: "a vCO task has no n-th or last weekday of the month (vco.md §11 V3)")
            }
        case .monthDays(let days):
            guard days.isPlainDays else {
                throw refusal(
                    number, part: "day selector",
                    reason: "a vCO task has no last day or nearest weekday of the month (vco.md §11 V3)")
            }
        }
    }

    /// How many items one rule selects in `cycle`.
    static func itemCount(of rule: ScheduleRule, in cycle: VcoRecurrenceCycle) -> Int {
        let days: Int
        switch (cycle, rule.days) {
        case (.everyWeeks, .weekdays(let weekdays)): days = weekdays.everyWeekday.count
        case (.everyWeeks, _): days = 7
        case (.everyMonths, .monthDays(let monthDays)):
            days = monthDays.plainDays.filter { (1...31).contains($0) }.count
        case (.everyMonths, _): days = 31
        default: days = 1
        }
        switch cycle {
        case .everyMinutes: return rule.seconds.count
        case .everyHours: return rule.minutes.count * rule.seconds.count
        case .oneTime, .everyDays, .everyWeeks, .everyMonths:
            return days * rule.hours.count * rule.minutes.count * rule.seconds.count
        }
    }

    /// The items one rule selects in `cycle` (the rule fits the cycle).
    static func items(of rule: ScheduleRule, in cycle: VcoRecurrenceCycle) -> [VcoRecurrenceItem] {
        let days: [Int]
        switch (cycle, rule.days) {
        case (.everyWeeks, .weekdays(let weekdays)): days = weekdays.everyWeekday.map(\.rawValue)
        case (.everyWeeks, _): days = Weekday.allCases.map(\.rawValue)
        case (.everyMonths, .monthDays(let monthDays)): days = monthDays.plainDays.filter { (1...31).contains($0) }
        case (.everyMonths, _): days = Array(1...31)
        default: days = [0]
        }
        var times: [Int] = []
        switch cycle {
        case .everyMinutes: times = rule.seconds.values
        case .everyHours: times = rule.minutes.values.flatMap { minute in rule.seconds.values.map { minute * 60 + $0 } }
        case .oneTime, .everyDays, .everyWeeks, .everyMonths: times = rule.secondsOfDay
        }
        return days.flatMap { day in times.map { VcoRecurrenceItem(day: day, secondOfDay: $0) } }
    }

    private func refusal(_ number: Int? = nil, part: String, reason: String) -> UnprintableSchedule {
        UnprintableSchedule(dialect: .vco, rule: number, part: part, reason: reason)
    }
}
