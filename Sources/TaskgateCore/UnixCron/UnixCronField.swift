/// One of the five time fields of a Debian crontab line, in their order on the line.
///
/// Ranges and names follow Debian cron 3.0pl1 (`cron.h`: `FIRST_MINUTE` … `LAST_DOW`,
/// `MonthNames`, `DowNames`): day-of-week runs 0–7 with both 0 and 7 meaning Sunday, and only
/// months and weekdays have names, three letters, in any case.
enum UnixCronField: Int, CaseIterable, Hashable {
    case minute = 1
    case hour
    case dayOfMonth
    case month
    case dayOfWeek

    /// The name used in messages: `day-of-week`.
    var name: String {
        switch self {
        case .minute: "minute"
        case .hour: "hour"
        case .dayOfMonth: "day-of-month"
        case .month: "month"
        case .dayOfWeek: "day-of-week"
        }
    }

    /// The values Debian cron accepts in the field.
    var range: ClosedRange<Int> {
        switch self {
        case .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 0...7
        }
    }

    /// The names that stand for values, first name = first value; empty for numeric fields.
    var names: [String] {
        switch self {
        case .minute, .hour, .dayOfMonth: []
        case .month: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        case .dayOfWeek: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        }
    }

    /// What a value of the field may be, for messages: `expected 1-12 or JAN-DEC`.
    var expectation: String {
        switch self {
        case .minute, .hour, .dayOfMonth: "expected \(range.lowerBound)-\(range.upperBound)"
        case .month: "expected 1-12 or JAN-DEC"
        case .dayOfWeek: "expected 0-7 or SUN-SAT"
        }
    }

    /// The values a printed field ranges over: day-of-week prints 0–6 (Sunday as 0).
    var printedRange: ClosedRange<Int> {
        self == .dayOfWeek ? 0...6 : range
    }

    /// The values `*/step` selects, as Debian cron sets them (`for (i = first; i <= last; i +=
    /// step)`), with day-of-week 7 folded onto Sunday 0.
    func starStep(_ step: Int) -> Set<Int> {
        var values = Set(stride(from: range.lowerBound, through: range.upperBound, by: step))
        if self == .dayOfWeek, values.remove(7) != nil { values.insert(0) }
        return values
    }
}
