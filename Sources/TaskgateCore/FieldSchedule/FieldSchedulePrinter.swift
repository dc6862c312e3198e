/// Writes rules as fylr schedule objects, one object a line (fylr.md §11.7 writer rules).
///
/// Every object has all five keys: explicit full `minutes` and `hours` lists when every value
/// is meant (so that easydb's default-hour reading cannot apply), `days_of_month` and
/// `weekdays` empty for "any", full lower-case weekday names, integers, and the schedule's zone.
///
/// A rule becomes several objects when its days are not one product: an OR of days of month
/// and weekdays is two objects, and the n-th weekday of the month is that weekday on the day
/// block 7n−6…7n (29–31 for the fifth), which is exact (fylr.md §5.2 item 7). Reading the
/// printed text back gives the block AND the weekday, which selects the same days.
///
/// Refused: seconds other than 0, months, years, year days, week numbers, intervals, counts,
/// set positions, the last day or weekday of the month, the nearest weekday, excluded dates, a
/// window end, and a DST policy other than fylr's literal wall-clock matching where the rule
/// selects local times at a DST change of the zone.
struct FieldSchedulePrinter {
    let schedule: Schedule

    func print() throws(UnprintableSchedule) -> DialectText {
        guard var zone = ZoneRules(identifier: schedule.zone) else {
            throw refusal(part: "zone", reason: UnknownTimeZoneError(identifier: schedule.zone).description)
        }
        guard schedule.exclusions.isEmpty else {
            throw refusal(part: "exclusions", reason: "fylr cannot leave out single dates (fylr.md §11.5)")
        }
        if let end = schedule.window.end {
            throw refusal(
                part: "window end", reason: "fylr schedules have no end; \(end) cannot be held (fylr.md §11.5)")
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
        let rules: [ScheduleRule]
        switch schedule.kind {
        case .manual:
            throw refusal(part: "kind", reason: "a task that runs only when started has no schedule object")
        case .once:
            throw refusal(
                part: "kind", reason: "a single run is fylr's next_run_at without schedules, not a schedule object")
        case .event(let event):
            throw refusal(part: "kind", reason: "fylr schedules cannot wait for an event ('\(event)')")
        case .recurring(let recurring):
            rules = recurring
        }
        guard !rules.isEmpty else { throw refusal(part: "rules", reason: "the schedule has no rule") }
        var lines: [String] = []
        for (index, rule) in rules.enumerated() {
            lines.append(contentsOf: try objects(for: rule, number: index + 1))
        }
        return DialectText(
            lines: lines,
            context: DialectContext(zone: schedule.zone, start: start, reference: Instant(secondsSinceEpoch: 0)))
    }

    /// The objects of one rule, as JSON text.
    func objects(for rule: ScheduleRule, number: Int) throws(UnprintableSchedule) -> [String] {
        try checkUnsupportedParts(of: rule, number: number)
        let minutes = try values(rule.minutes, in: 0...59, part: "minutes", number: number)
        let hours = try values(rule.hours, in: 0...23, part: "hours", number: number)
        if rule.dstPolicy != .wallClock {
            let exposure = DSTExposure(of: rule, in: schedule)
            guard exposure?.agrees(rule.dstPolicy, with: .wallClock) == true else {
                throw refusal(
                    number, part: "DST policy",
                    reason:
                        "fylr matches the wall clock literally (gap skip, overlap both; fylr.md §5.2 item 9); the rule "
                        + "has \(rule.dstPolicy) and selects local times at DST changes of \(schedule.zone)")
            }
        }
        return try dayPieces(rule.days, number: number).map { piece in
            Self.object(minutes: minutes, hours: hours, weekdays: piece.weekdays, days: piece.days, zone: schedule.zone)
        }
    }

    private func checkUnsupportedParts(of rule: ScheduleRule, number: Int) throws(UnprintableSchedule) {
        guard rule.seconds == FieldSet([0]) else {
            throw refusal(
                number, part: "seconds", reason: "fylr runs at whole minutes; seconds \(rule.seconds) cannot be held")
        }
        guard rule.months == .everyMonth else {
            throw refusal(
                number, part: "months", reason: "fylr has no month field; months \(rule.months) cannot be held")
        }
        if let years = rule.years {
            throw refusal(number, part: "years", reason: "fylr has no year field; years \(years) cannot be held")
        }
        if rule.yearDays != nil {
            throw refusal(number, part: "year days", reason: "fylr cannot select days by their place in the year")
        }
        if rule.weekNumbers != nil {
            throw refusal(number, part: "week numbers", reason: "fylr cannot select weeks of the year")
        }
        if let interval = rule.interval {
            if interval.count != nil {
                throw refusal(
                    number, part: "count", reason: "fylr cannot stop after a number of runs (fylr.md §11.2 R-8)")
            }
            if !interval.setPositions.isEmpty {
                throw refusal(
                    number, part: "set positions", reason: "fylr cannot pick the n-th match of a period (BYSETPOS)")
            }
            throw refusal(
                number, part: "interval",
                reason: "fylr matches the calendar; it cannot count periods or durations from an anchor (fylr.md §11.5)"
            )
        }
    }

    private func values(
        _ set: FieldSet, in range: ClosedRange<Int>, part: String, number: Int
    ) throws(UnprintableSchedule)
        -> [Int]
    {
        guard !set.isEmpty else { throw refusal(number, part: part, reason: "the rule selects no value") }
        guard set.values.allSatisfy(range.contains) else {
            throw refusal(number, part: part, reason: "\(set) lies outside \(range.lowerBound)-\(range.upperBound)")
        }
        return set.values
    }

    /// One product of days: the days of month AND the weekdays (empty = any).
    struct DayPiece: Hashable {
        var days: [Int]
        var weekdays: [Weekday]
    }

    private func dayPieces(_ selector: DaySelector, number: Int) throws(UnprintableSchedule) -> [DayPiece] {
        switch selector {
        case .everyDay:
            return [DayPiece(days: [], weekdays: [])]
        case .monthDays(let monthDays):
            let days = try plainDays(monthDays, number: number)
            return days.isEmpty ? [] : [DayPiece(days: Self.anyIfFull(days, count: 31), weekdays: [])]
        case .weekdays(let weekdays):
            return try weekdayPieces(weekdays, within: Set(1...31), number: number)
        case .either(let monthDays, let weekdays):
            let days = try plainDays(monthDays, number: number)
            let dayPiece = days.isEmpty ? [] : [DayPiece(days: Self.anyIfFull(days, count: 31), weekdays: [])]
            return try dayPiece + weekdayPieces(weekdays, within: Set(1...31), number: number)
        case .both(let monthDays, let weekdays):
            return try weekdayPieces(weekdays, within: Set(try plainDays(monthDays, number: number)), number: number)
        }
    }

    /// Weekdays on the given days: every such weekday, and each n-th weekday as its day block.
    private func weekdayPieces(
        _ weekdays: WeekdaySet, within days: Set<Int>, number: Int
    ) throws(UnprintableSchedule)
        -> [DayPiece]
    {
        var pieces: [DayPiece] = []
        if !weekdays.everyWeekday.isEmpty, !days.isEmpty {
            pieces.append(
                DayPiece(
                    days: Self.anyIfFull(days.sorted(), count: 31),
                    weekdays: weekdays.isEveryDay ? [] : weekdays.everyWeekday))
        }
        guard !weekdays.ordinals.isEmpty else { return pieces }
        guard weekdays.ordinalScope == .month else {
            throw refusal(
                number, part: "day selector",
                reason: "fylr cannot count weekdays within the year (RRULE YEARLY BYDAY=20MO)")
        }
        var ordinalsByWeekday: [Weekday: Set<Int>] = [:]
        for ordinal in weekdays.sortedOrdinals {
            guard (1...5).contains(ordinal.ordinal) else {
                throw refusal(
                    number, part: "day selector",
                    reason: "the weekday \(ordinal) counts from the end of the month; fylr has no days relative to the "
                        + "month's length (fylr.md §5.2 item 7)")
            }
            ordinalsByWeekday[ordinal.weekday, default: []].insert(ordinal.ordinal)
        }
        // Weekdays with the same ordinals share one object: the 1st Monday and the 1st Friday are
        // days 1–7 AND Monday or Friday.
        var weekdaysByOrdinals: [[Int]: [Weekday]] = [:]
        for (weekday, ordinals) in ordinalsByWeekday {
            weekdaysByOrdinals[ordinals.sorted(), default: []].append(weekday)
        }
        for ordinals in weekdaysByOrdinals.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let blockDays = Set(ordinals.flatMap(Self.dayBlock)).intersection(days)
            guard !blockDays.isEmpty else { continue }
            pieces.append(
                DayPiece(days: blockDays.sorted(), weekdays: (weekdaysByOrdinals[ordinals] ?? []).sorted()))
        }
        return pieces
    }

    /// The days on which the n-th such weekday of a month falls (n = 1…5).
    static func dayBlock(_ ordinal: Int) -> ClosedRange<Int> {
        ordinal == 5 ? 29...31 : (7 * ordinal - 6)...(7 * ordinal)
    }

    private func plainDays(_ days: MonthDaySet, number: Int) throws(UnprintableSchedule) -> [Int] {
        guard days.isPlainDays else {
            throw refusal(
                number, part: "day selector",
                reason: "the last day of the month and the nearest weekday cannot be held (fylr.md §11.5)")
        }
        return days.plainDays.filter { (1...31).contains($0) }
    }

    private static func anyIfFull(_ values: [Int], count: Int) -> [Int] {
        values.count == count ? [] : values
    }

    /// `{"minutes":[0],"hours":[8],"weekdays":["monday"],"days_of_month":[],"timezone":"Europe/Berlin"}`
    static func object(minutes: [Int], hours: [Int], weekdays: [Weekday], days: [Int], zone: String) -> String {
        let numbers = { (values: [Int]) in "[" + values.map(String.init).joined(separator: ",") + "]" }
        let names = "[" + weekdays.map { "\"\(FieldScheduleWeekday.name(of: $0))\"" }.joined(separator: ",") + "]"
        return "{\"minutes\":\(numbers(minutes)),\"hours\":\(numbers(hours)),\"weekdays\":\(names),"
            + "\"days_of_month\":\(numbers(days)),\"timezone\":\(jsonString(zone))}"
    }

    private static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{00}"..."\u{1F}":
                result +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private func refusal(_ number: Int? = nil, part: String, reason: String) -> UnprintableSchedule {
        UnprintableSchedule(dialect: .fylr, rule: number, part: part, reason: reason)
    }
}
