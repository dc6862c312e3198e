/// One RFC 5545 RECUR value (§3.3.10) as written: `FREQ=MONTHLY;BYDAY=-1FR;COUNT=6`.
///
/// The rule parts are kept as given, before DTSTART fills in what they leave out (see
/// `RRuleRecur+ScheduleRule.swift`); a part that is absent is `nil`. The parser has checked
/// every value range and every restriction of §3.3.10, so a value of this type always
/// describes a valid rule.
struct RRuleRecur: Hashable, Sendable {
    /// A `BYDAY` entry: a weekday, with an ordinal (`1MO`, `-1FR`) or without (`MO`).
    struct Day: Hashable, Sendable, CustomStringConvertible {
        var weekday: Weekday
        /// ±1…53; `nil` for every such weekday.
        var ordinal: Int?

        /// `MO`, `2TU`, `-1FR`.
        var description: String { (ordinal.map(String.init) ?? "") + weekday.rruleCode }
    }

    var frequency: CalendarUnit
    /// `INTERVAL`; 1 when absent.
    var interval = 1
    var count: Int?
    var until: RRuleDateTime?
    var seconds: [Int]?
    var minutes: [Int]?
    var hours: [Int]?
    var days: [Day]?
    var monthDays: [Int]?
    var yearDays: [Int]?
    var weekNumbers: [Int]?
    var months: [Int]?
    var setPositions: [Int]?
    var weekStart: Weekday?

    init(frequency: CalendarUnit) {
        self.frequency = frequency
    }

    /// Whether a part restricts days (BYWEEKNO, BYYEARDAY, BYMONTHDAY or BYDAY): without one,
    /// WEEKLY, MONTHLY and YEARLY rules take their day from DTSTART.
    var hasDayPart: Bool {
        weekNumbers != nil || yearDays != nil || monthDays != nil || days != nil
    }

    /// Whether any BYxxx part other than BYSETPOS is present (§3.3.10: BYSETPOS needs one).
    var hasSelectionPart: Bool {
        hasDayPart || seconds != nil || minutes != nil || hours != nil || months != nil
    }
}

extension RRuleRecur: CustomStringConvertible {
    /// The value in normal form: `FREQ` first, then `INTERVAL`, `COUNT` or `UNTIL`, the BYxxx
    /// parts in the order of the §3.3.10 grammar, and `WKST` last.
    var description: String {
        var parts = ["FREQ=" + frequency.rruleFrequency]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if let count { parts.append("COUNT=\(count)") }
        if let until { parts.append("UNTIL=\(until)") }
        func list(_ name: String, _ values: [some CustomStringConvertible]?) {
            guard let values else { return }
            parts.append(name + "=" + values.map(\.description).joined(separator: ","))
        }
        list("BYSECOND", seconds)
        list("BYMINUTE", minutes)
        list("BYHOUR", hours)
        list("BYDAY", days)
        list("BYMONTHDAY", monthDays)
        list("BYYEARDAY", yearDays)
        list("BYWEEKNO", weekNumbers)
        list("BYMONTH", months)
        list("BYSETPOS", setPositions)
        if let weekStart { parts.append("WKST=" + weekStart.rruleCode) }
        return parts.joined(separator: ";")
    }
}
