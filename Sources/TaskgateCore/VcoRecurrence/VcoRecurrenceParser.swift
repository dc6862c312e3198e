/// Reads `CYCLE PATTERN` text: a vCO `recurrence-cycle` and its `recurrence-pattern`.
///
/// `every-weeks (Europe/Zurich) Monday 02:00:00,Friday 22:00:00,`, `every-hours 15:15`,
/// `one-time (Europe/Zurich) `. Reading is lenient where vCO sources differ (vco.md §5.1): the
/// zone prefix and the trailing comma are optional, blanks around items are ignored, numbers
/// may have one or two digits, weekdays may be full or three-letter names in any case, and the
/// cycle may be spelled `EVERY_WEEKS` (vco.md §11 V7).
struct VcoRecurrenceParser {
    /// What the text says.
    struct Result: Hashable {
        var cycle: VcoRecurrenceCycle
        /// The zone of the prefix, if there is one.
        var zone: String?
        /// The items, de-duplicated and sorted.
        var items: [VcoRecurrenceItem]
    }

    let line: String
    private let characters: [Character]

    init(_ line: String) {
        self.line = line
        characters = Array(line)
    }

    static let cycles = "one-time, every-minutes, every-hours, every-days, every-weeks or every-months"

    func parse() throws(ScheduleSyntaxError) -> Result {
        var position = skipBlanks(from: 0)
        let cycleStart = position
        while position < characters.count, !isBlank(characters[position]) { position += 1 }
        let cycleText = text(cycleStart..<position)
        guard let cycle = VcoRecurrenceCycle(spelling: cycleText) else {
            throw error(
                field: "recurrence-cycle", offset: cycleStart, value: cycleText, reason: "expected \(Self.cycles)")
        }
        position = skipBlanks(from: position)
        var zone: String?
        if position < characters.count, characters[position] == "(" {
            guard let close = characters[position...].firstIndex(of: ")") else {
                throw error(
                    field: "zone", offset: position, value: text(position..<characters.count),
                    reason: "the zone prefix is not closed; expected ')'")
            }
            let name = Self.trimmingBlanks(text((position + 1)..<close))
            guard ZoneRules(identifier: name) != nil else {
                throw error(
                    field: "zone", offset: position + 1, value: name,
                    reason: "unknown time zone; expected an IANA name such as Europe/Zurich")
            }
            zone = name
            position = close + 1
        }
        let items = try parseItems(from: position, cycle: cycle)
        return Result(cycle: cycle, zone: zone, items: items)
    }

    private func parseItems(
        from start: Int, cycle: VcoRecurrenceCycle
    ) throws(ScheduleSyntaxError) -> [VcoRecurrenceItem] {
        var segments: [Range<Int>] = []
        var segmentStart = start
        for index in start...characters.count where index == characters.count || characters[index] == "," {
            segments.append(segmentStart..<index)
            segmentStart = index + 1
        }
        var items: Set<VcoRecurrenceItem> = []
        for (number, segment) in segments.enumerated() {
            let first = skipBlanks(from: segment.lowerBound)
            var last = segment.upperBound
            while last > first, isBlank(characters[last - 1]) { last -= 1 }
            guard first < last else {
                if number == segments.count - 1 { continue }
                throw error(
                    field: "recurrence-pattern", offset: segment.lowerBound, value: "",
                    reason: "empty item between commas; expected \(cycle.itemForm)")
            }
            guard cycle != .oneTime else {
                throw error(
                    field: "recurrence-pattern", offset: first, value: text(first..<last),
                    reason: "a one-time task has no items; expected only the zone prefix")
            }
            items.insert(try parseItem(first..<last, cycle: cycle))
        }
        if cycle != .oneTime, items.isEmpty {
            throw error(
                field: "recurrence-pattern", offset: characters.count, value: "",
                reason: "expected at least one item (\(cycle.itemForm))")
        }
        return items.sorted()
    }

    private func parseItem(
        _ range: Range<Int>, cycle: VcoRecurrenceCycle
    ) throws(ScheduleSyntaxError) -> VcoRecurrenceItem {
        let itemText = text(range)
        let failure = error(
            field: "recurrence-pattern", offset: range.lowerBound, value: itemText, reason: Self.expectation(cycle))
        let words = itemText.split(whereSeparator: isBlank).map(String.init)
        switch cycle {
        case .oneTime:
            throw failure
        case .everyMinutes, .everyHours, .everyDays:
            let components = cycle == .everyMinutes ? 1 : cycle == .everyHours ? 2 : 3
            guard words.count == 1, let second = Self.secondOfDay(words[0], components: components) else {
                throw failure
            }
            return VcoRecurrenceItem(day: 0, secondOfDay: second)
        case .everyWeeks:
            guard words.count == 2, let weekday = Self.weekday(named: words[0]),
                let second = Self.secondOfDay(words[1], components: 3)
            else { throw failure }
            return VcoRecurrenceItem(day: weekday.rawValue, secondOfDay: second)
        case .everyMonths:
            guard words.count == 2, let day = Self.number(words[0], in: 1...31),
                let second = Self.secondOfDay(words[1], components: 3)
            else { throw failure }
            return VcoRecurrenceItem(day: day, secondOfDay: second)
        }
    }

    /// What an item of the cycle must look like.
    static func expectation(_ cycle: VcoRecurrenceCycle) -> String {
        switch cycle {
        case .oneTime: "a one-time task has no items; expected only the zone prefix"
        case .everyMinutes: "expected SS, a second 00-59"
        case .everyHours: "expected MM:SS, a minute and a second 00-59"
        case .everyDays: "expected HH:MM:SS, an hour 00-23 and a minute and a second 00-59"
        case .everyWeeks: "expected Weekday HH:MM:SS: a weekday (Monday or Mon, any case) and a time of day"
        case .everyMonths: "expected DD HH:MM:SS: a day 01-31 and a time of day"
        }
    }

    /// `SS`, `MM:SS` or `HH:MM:SS` (the last `components` of a time of day) as seconds.
    static func secondOfDay(_ text: String, components: Int) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == components else { return nil }
        let ranges = [0...23, 0...59, 0...59].suffix(components)
        var seconds = 0
        for (part, range) in zip(parts, ranges) {
            guard let value = number(part, in: range) else { return nil }
            seconds = seconds * 60 + value
        }
        return seconds
    }

    /// One or two ASCII digits in `range`.
    static func number(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard (1...2).contains(text.utf8.count), let value = UnixCronParser.decimal(text, maximumDigits: 2),
            range.contains(value)
        else { return nil }
        return value
    }

    /// A full or three-letter English weekday name in any case (vco.md §5.1, ASSUMPTION).
    static func weekday(named name: String) -> Weekday? {
        let lowered = name.lowercased()
        return Weekday.allCases.first { lowered == $0.name.lowercased() || lowered == $0.name.lowercased().prefix(3) }
    }

    private static func trimmingBlanks(_ text: String) -> String {
        var view = Substring(text)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }

    private func skipBlanks(from start: Int) -> Int {
        var position = start
        while position < characters.count, isBlank(characters[position]) { position += 1 }
        return position
    }

    private func isBlank(_ character: Character) -> Bool {
        character == " " || character == "\t"
    }

    private func text(_ range: Range<Int>) -> String {
        String(characters[range])
    }

    private func error(field: String, offset: Int, value: String, reason: String) -> ScheduleSyntaxError {
        ScheduleSyntaxError(dialect: .vco, expression: line, field: field, offset: offset, value: value, reason: reason)
    }
}
