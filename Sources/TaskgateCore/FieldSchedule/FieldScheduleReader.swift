/// Reads fylr schedule objects into rules (fylr.md §5 and the reader rules of §11.7).
///
/// Each object `{"minutes":[…],"hours":[…],"days_of_month":[…],"weekdays":[…],"timezone":"…"}`
/// is one rule; several objects (a JSON array, or one JSON text per line) are their union
/// (fylr.md §5.2 item 2). Inside one object every non-empty list must match, day of month AND
/// weekday included (§5.2 item 1). Lists are checked against their ranges, de-duplicated and
/// sorted; weekdays are full or three-letter English names in any case (§5.3).
///
/// An empty or missing list means "any value", as the current spec's `ScheduleApi` says
/// (fylr.md §5.2 item 3). easydb 5, fylr's predecessor, read missing `hours`/`minutes` as a
/// feature-specific default hour or minute instead; that reading is a documented ambiguity
/// (§13 question 2) and is not followed here. Writers avoid it by always sending full lists.
///
/// A missing `timezone` is the context's zone. taskgate holds one zone per schedule, so every
/// object must name the same zone (or leave it out when the context's zone is that zone).
/// Local times are matched on the wall clock literally (§5.2 item 9): ``DSTPolicy/wallClock``.
struct FieldScheduleReader {
    let context: DialectContext
    private(set) var rules: [ScheduleRule] = []
    /// The zone of the first schedule and that schedule's index.
    private var zone: (name: String, index: Int)?

    /// The keys of a schedule object, in the order the printer writes them.
    static let keys = ["minutes", "hours", "weekdays", "days_of_month", "timezone"]

    init(context: DialectContext) {
        self.context = context
    }

    /// Reads one line: a schedule object or an array of them.
    mutating func read(line: String) throws(ScheduleSyntaxError) {
        var reader = FieldScheduleJSONReader(line)
        let json = try reader.read()
        switch json.value {
        case .object:
            try readSchedule(json, line: line)
        case .array(let elements):
            guard !elements.isEmpty else {
                throw ScheduleSyntaxError(
                    dialect: .fylr, expression: line, field: "schedules", offset: json.offset,
                    value: json.text(in: line),
                    reason: "expected at least one schedule object")
            }
            for element in elements { try readSchedule(element, line: line) }
        case .string, .number, .bool, .null:
            throw ScheduleSyntaxError(
                dialect: .fylr, expression: line, field: "schedules", offset: json.offset, value: json.text(in: line),
                reason: "expected a schedule object or an array of them, found a \(json.typeName)")
        }
    }

    /// The union of the schedules read, with the window from the context.
    func schedule() throws(ScheduleSyntaxError) -> Schedule {
        guard let zone, !rules.isEmpty else {
            throw ScheduleSyntaxError(
                dialect: .fylr, expression: "", field: "schedules", offset: 0, value: "",
                reason: "expected a schedule object or an array of them")
        }
        let window = ScheduleWindow(start: context.start.map(TimePoint.local), end: context.end)
        return .recurring(rules, zone: zone.name, window: window)
    }

    private mutating func readSchedule(_ json: FieldScheduleJSON, line: String) throws(ScheduleSyntaxError) {
        let index = rules.count
        let path = "schedules[\(index)]"
        guard case .object(let members) = json.value else {
            throw ScheduleSyntaxError(
                dialect: .fylr, expression: line, field: path, offset: json.offset, value: json.text(in: line),
                reason: "expected a schedule object, found a \(json.typeName)")
        }
        var seen: Set<String> = []
        var minutes = Set(0...59)
        var hours = Set(0...23)
        var days: Set<Int> = []
        var weekdays: Set<Weekday> = []
        var zoneName = context.zone
        var zoneOffset = json.offset
        for member in members {
            let memberPath = "\(path).\(member.key)"
            guard Self.keys.contains(member.key) else {
                throw ScheduleSyntaxError(
                    dialect: .fylr, expression: line, field: memberPath, offset: member.keyOffset, value: member.key,
                    reason: "unknown key; expected minutes, hours, days_of_month, weekdays or timezone (fylr.md §5.1)")
            }
            guard seen.insert(member.key).inserted else {
                throw ScheduleSyntaxError(
                    dialect: .fylr, expression: line, field: memberPath, offset: member.keyOffset, value: member.key,
                    reason: "the key appears twice; expected it once")
            }
            switch member.key {
            case "minutes":
                let values = try integers(member.value, in: 0...59, path: memberPath, line: line)
                if !values.isEmpty { minutes = values }
            case "hours":
                let values = try integers(member.value, in: 0...23, path: memberPath, line: line)
                if !values.isEmpty { hours = values }
            case "days_of_month":
                days = try integers(member.value, in: 1...31, path: memberPath, line: line)
            case "weekdays":
                weekdays = try weekdayNames(member.value, path: memberPath, line: line)
            default:
                if let name = try readZone(member.value, path: memberPath, line: line) {
                    zoneName = name
                    zoneOffset = member.value.offset
                }
            }
        }
        if let zone, zone.name != zoneName {
            throw ScheduleSyntaxError(
                dialect: .fylr, expression: line, field: "\(path).timezone", offset: zoneOffset, value: zoneName,
                reason: "schedules[\(zone.index)] is in \(zone.name) and \(path) in \(zoneName); the schedules of one "
                    + "task must share one zone")
        }
        zone = zone ?? (zoneName, index)
        rules.append(
            ScheduleRule(
                seconds: FieldSet([0]), minutes: FieldSet(minutes), hours: FieldSet(hours),
                days: Self.daySelector(days: days, weekdays: weekdays), dstPolicy: .wallClock))
    }

    /// Day of month AND weekday (fylr.md §5.2 item 1); an empty or full list drops out.
    static func daySelector(days: Set<Int>, weekdays: Set<Weekday>) -> DaySelector {
        let anyDay = days.isEmpty || days.count == 31
        let anyWeekday = weekdays.isEmpty || weekdays.count == 7
        switch (anyDay, anyWeekday) {
        case (true, true): return .everyDay
        case (true, false): return .weekdays(WeekdaySet(every: weekdays))
        case (false, true): return .monthDays(MonthDaySet(days: days))
        case (false, false): return .both(MonthDaySet(days: days), WeekdaySet(every: weekdays))
        }
    }

    /// The elements of a list of integers; `null` is an empty list.
    private func integers(
        _ json: FieldScheduleJSON, in range: ClosedRange<Int>, path: String, line: String
    )
        throws(ScheduleSyntaxError) -> Set<Int>
    {
        let expected = "expected an integer \(range.lowerBound)-\(range.upperBound)"
        var values: Set<Int> = []
        for (index, element) in try elements(of: json, path: path, line: line).enumerated() {
            guard case .number(let text) = element.value,
                let value = UnixCronParser.decimal(text, maximumDigits: 9), range.contains(value)
            else {
                let found = element.typeName == "number" ? "" : ", found a \(element.typeName)"
                throw ScheduleSyntaxError(
                    dialect: .fylr, expression: line, field: "\(path)[\(index)]", offset: element.offset,
                    value: element.text(in: line),
                    reason: expected + found)
            }
            values.insert(value)
        }
        return values
    }

    private func weekdayNames(
        _ json: FieldScheduleJSON, path: String, line: String
    ) throws(ScheduleSyntaxError) -> Set<Weekday> {
        var values: Set<Weekday> = []
        for (index, element) in try elements(of: json, path: path, line: line).enumerated() {
            guard case .string(let text) = element.value, let weekday = FieldScheduleWeekday.weekday(named: text) else {
                let found = element.typeName == "string" ? "" : ", found a \(element.typeName)"
                throw ScheduleSyntaxError(
                    dialect: .fylr, expression: line, field: "\(path)[\(index)]", offset: element.offset,
                    value: element.text(in: line),
                    reason:
                        "expected a weekday: sunday, monday, tuesday, wednesday, thursday, friday, saturday or their "
                        + "first three letters" + found)
            }
            values.insert(weekday)
        }
        return values
    }

    private func elements(
        of json: FieldScheduleJSON, path: String, line: String
    ) throws(ScheduleSyntaxError)
        -> [FieldScheduleJSON]
    {
        switch json.value {
        case .array(let elements): return elements
        case .null: return []
        case .object, .string, .number, .bool:
            throw ScheduleSyntaxError(
                dialect: .fylr, expression: line, field: path, offset: json.offset, value: json.text(in: line),
                reason: "expected a list, found a \(json.typeName)")
        }
    }

    /// The zone name, or `nil` for `null` (the context's zone).
    private func readZone(_ json: FieldScheduleJSON, path: String, line: String) throws(ScheduleSyntaxError) -> String?
    {
        switch json.value {
        case .null:
            return nil
        case .string(let name):
            guard ZoneRules(identifier: name) != nil else {
                throw ScheduleSyntaxError(
                    dialect: .fylr, expression: line, field: path, offset: json.offset, value: name,
                    reason: "unknown time zone; expected an IANA name such as Europe/Berlin")
            }
            return name
        case .object, .array, .number, .bool:
            throw ScheduleSyntaxError(
                dialect: .fylr, expression: line, field: path, offset: json.offset, value: json.text(in: line),
                reason: "expected an IANA zone name as a string, found a \(json.typeName)")
        }
    }
}
