/// Reads one RFC 5545 RECUR value (§3.3.10) into an ``RRuleRecur``, checking every value range
/// and every restriction of the RFC.
///
/// Names and values are case-insensitive; each part may appear once; `UNTIL` and `COUNT`
/// exclude each other. Where python-dateutil is more lenient (it accepts `COUNT=0`, an ordinal
/// `BYDAY` with `FREQ=WEEKLY`, `BYMONTHDAY=32`, a part given twice …) the RFC decides, and the
/// differential test pins the difference (`scripts/differential/rrule.py`).
struct RRuleRecurParser {
    let source: RRuleSource

    /// The rule parts of §3.3.10, in the order of its grammar.
    static let partNames = [
        "FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY",
        "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
    ]
    static let largestCount = 2_147_483_647
    static let weekdayCodes = "SU, MO, TU, WE, TH, FR or SA"

    /// Reads the RECUR value at `range` of the source.
    func parse(_ range: Range<Int>) throws(ScheduleSyntaxError) -> RRuleRecur {
        var values: [String: Range<Int>] = [:]
        var order: [String] = []
        for part in source.split(range, on: UInt8(ascii: ";")) {
            guard let equals = source.firstIndex(of: UInt8(ascii: "="), in: part) else {
                throw source.error("rule part", at: part, "expected NAME=VALUE, such as FREQ=DAILY")
            }
            let nameRange = part.lowerBound..<equals
            let name = source.upperText(nameRange)
            guard Self.partNames.contains(name) else {
                throw source.error(
                    "rule part", at: nameRange,
                    "unknown rule part; expected " + Self.partNames.dropLast().joined(separator: ", ") + " or WKST")
            }
            guard values[name] == nil else {
                throw source.error(name, at: part, "appears twice; each rule part may be given once (RFC 5545 §3.3.10)")
            }
            values[name] = (equals + 1)..<part.upperBound
            order.append(name)
        }
        guard let frequencyRange = values["FREQ"] else {
            throw source.error("FREQ", at: range, "FREQ is required (RFC 5545 §3.3.10)")
        }
        guard let frequency = CalendarUnit(rruleFrequency: source.upperText(frequencyRange)) else {
            throw source.error(
                "FREQ", at: frequencyRange, "expected SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY")
        }
        var recur = RRuleRecur(frequency: frequency)
        if let range = values["INTERVAL"] { recur.interval = try positive("INTERVAL", range) }
        if let range = values["COUNT"] { recur.count = try positive("COUNT", range) }
        if let range = values["UNTIL"] {
            guard let until = RRuleDateTime(parsing: source.bytes[range]) else {
                throw source.error(
                    "UNTIL", at: range,
                    "expected a date YYYYMMDD or a date-time YYYYMMDDTHHMMSS, optionally followed by Z")
            }
            recur.until = until
        }
        recur.seconds = try list("BYSECOND", values["BYSECOND"], signed: false, range: 0...60, expected: "0 to 60")
        recur.minutes = try list("BYMINUTE", values["BYMINUTE"], signed: false, range: 0...59, expected: "0 to 59")
        recur.hours = try list("BYHOUR", values["BYHOUR"], signed: false, range: 0...23, expected: "0 to 23")
        if let range = values["BYDAY"] { recur.days = try days(range) }
        recur.monthDays = try list(
            "BYMONTHDAY", values["BYMONTHDAY"], signed: true, range: 1...31, expected: "1 to 31 or -31 to -1")
        recur.yearDays = try list(
            "BYYEARDAY", values["BYYEARDAY"], signed: true, range: 1...366, expected: "1 to 366 or -366 to -1")
        recur.weekNumbers = try list(
            "BYWEEKNO", values["BYWEEKNO"], signed: true, range: 1...53, expected: "1 to 53 or -53 to -1")
        recur.months = try list("BYMONTH", values["BYMONTH"], signed: false, range: 1...12, expected: "1 to 12")
        recur.setPositions = try list(
            "BYSETPOS", values["BYSETPOS"], signed: true, range: 1...366, expected: "1 to 366 or -366 to -1")
        if let range = values["WKST"] {
            guard let weekday = Weekday(rruleCode: source.upperText(range)) else {
                throw source.error("WKST", at: range, "expected " + Self.weekdayCodes)
            }
            recur.weekStart = weekday
        }
        try checkRestrictions(recur, values: values, order: order)
        return recur
    }

    /// `INTERVAL` and `COUNT`: a positive whole number (§3.3.10: "a positive integer").
    private func positive(_ field: String, _ range: Range<Int>) throws(ScheduleSyntaxError) -> Int {
        guard let value = source.integer(range, signed: false), (1...Self.largestCount).contains(value) else {
            throw source.error(field, at: range, "expected a whole number from 1 to \(Self.largestCount)")
        }
        return value
    }

    /// A comma-separated list of numbers; a signed list takes `+n` and `-n` and never 0.
    private func list(
        _ field: String, _ range: Range<Int>?, signed: Bool, range valid: ClosedRange<Int>, expected: String
    ) throws(ScheduleSyntaxError) -> [Int]? {
        guard let range else { return nil }
        var result: [Int] = []
        for item in source.split(range, on: UInt8(ascii: ",")) {
            guard let value = source.integer(item, signed: signed), valid.contains(signed ? abs(value) : value) else {
                throw source.error(field, at: item, "expected " + expected)
            }
            result.append(value)
        }
        return result
    }

    /// `BYDAY`: weekdays, each optionally preceded by an ordinal ±1…53 (`MO`, `+2TU`, `-1FR`).
    private func days(_ range: Range<Int>) throws(ScheduleSyntaxError) -> [RRuleRecur.Day] {
        var result: [RRuleRecur.Day] = []
        for item in source.split(range, on: UInt8(ascii: ",")) {
            let invalid = source.error(
                "BYDAY", at: item,
                "expected a weekday " + Self.weekdayCodes + ", optionally preceded by an ordinal 1 to 53 or -53 to -1")
            guard item.count >= 2,
                let weekday = Weekday(rruleCode: source.upperText((item.upperBound - 2)..<item.upperBound))
            else { throw invalid }
            let ordinalRange = item.lowerBound..<(item.upperBound - 2)
            var ordinal: Int?
            if !ordinalRange.isEmpty {
                guard let value = source.integer(ordinalRange, signed: true), (1...53).contains(abs(value)) else {
                    throw invalid
                }
                ordinal = value
            }
            result.append(RRuleRecur.Day(weekday: weekday, ordinal: ordinal))
        }
        return result
    }

    /// The restrictions of RFC 5545 §3.3.10 on which parts go together.
    private func checkRestrictions(
        _ recur: RRuleRecur, values: [String: Range<Int>], order: [String]
    ) throws(ScheduleSyntaxError) {
        let frequency = "FREQ=" + recur.frequency.rruleFrequency
        if let untilIndex = order.firstIndex(of: "UNTIL"), let countIndex = order.firstIndex(of: "COUNT"),
            let later = values[order[max(untilIndex, countIndex)]]
        {
            throw source.error(
                order[max(untilIndex, countIndex)], at: later,
                "UNTIL and COUNT must not occur together (RFC 5545 §3.3.10)")
        }
        if let days = recur.days, let range = values["BYDAY"], let index = days.firstIndex(where: { $0.ordinal != nil })
        {
            let item = source.split(range, on: UInt8(ascii: ","))[index]
            if recur.frequency != .month, recur.frequency != .year {
                throw source.error(
                    "BYDAY", at: item,
                    "an ordinal weekday needs FREQ=MONTHLY or FREQ=YEARLY, not \(frequency) (RFC 5545 §3.3.10)")
            }
            if recur.weekNumbers != nil {
                throw source.error(
                    "BYDAY", at: item, "an ordinal weekday must not be combined with BYWEEKNO (RFC 5545 §3.3.10)")
            }
        }
        if let range = values["BYMONTHDAY"], recur.frequency == .week {
            throw source.error(
                "BYMONTHDAY", at: range, "BYMONTHDAY is not allowed with \(frequency) (RFC 5545 §3.3.10)")
        }
        if let range = values["BYYEARDAY"], [.day, .week, .month].contains(recur.frequency) {
            throw source.error("BYYEARDAY", at: range, "BYYEARDAY is not allowed with \(frequency) (RFC 5545 §3.3.10)")
        }
        if let range = values["BYWEEKNO"], recur.frequency != .year {
            throw source.error(
                "BYWEEKNO", at: range, "BYWEEKNO is allowed only with FREQ=YEARLY, not \(frequency) (RFC 5545 §3.3.10)")
        }
        if let range = values["BYSETPOS"], !recur.hasSelectionPart {
            throw source.error("BYSETPOS", at: range, "BYSETPOS needs another BYxxx rule part (RFC 5545 §3.3.10)")
        }
    }
}
