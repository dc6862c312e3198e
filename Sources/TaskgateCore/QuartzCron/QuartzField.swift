/// One of the seven positional fields of a Quartz cron expression, with the limits Java Quartz
/// 2.3.2 `CronExpression` applies to it (wyn.md §4.2).
enum QuartzField: Int, CaseIterable, Hashable, Sendable {
    case seconds = 1
    case minutes, hours, dayOfMonth, month, dayOfWeek, year

    /// The name used in error messages: `day-of-week`.
    var name: String {
        switch self {
        case .seconds: "seconds"
        case .minutes: "minutes"
        case .hours: "hours"
        case .dayOfMonth: "day-of-month"
        case .month: "month"
        case .dayOfWeek: "day-of-week"
        case .year: "year"
        }
    }

    /// The 1-based position of the field in the expression.
    var number: Int { rawValue }

    /// The smallest value of the field; for the year, where `*` starts (Java: 1970).
    var minimum: Int {
        switch self {
        case .seconds, .minutes, .hours: 0
        case .dayOfMonth, .month, .dayOfWeek: 1
        case .year: 1970
        }
    }

    /// The largest value of the field; `nil` for the year, whose end is the engine's window.
    var maximum: Int? {
        switch self {
        case .seconds, .minutes: 59
        case .hours: 23
        case .dayOfMonth: 31
        case .month: 12
        case .dayOfWeek: 7
        case .year: nil
        }
    }

    /// What a value of the field may be, for messages: `0-59`, `1-7 or SUN-SAT`.
    var expectedValues: String {
        switch self {
        case .seconds, .minutes: "0-59"
        case .hours: "0-23"
        case .dayOfMonth: "1-31"
        case .month: "1-12 or JAN-DEC"
        case .dayOfWeek: "1-7 or SUN-SAT"
        case .year: "a year such as 2026"
        }
    }

    /// The number of values a wrapping range (`22-2`) goes around by: Java adds it to the end of
    /// the range and takes each value modulo it (`CronExpression.addToSet`).
    var wrapModulus: Int? {
        switch self {
        case .seconds, .minutes: 60
        case .hours: 24
        case .dayOfMonth: 31
        case .month: 12
        case .dayOfWeek: 7
        case .year: nil
        }
    }

    /// Whether a value equal to ``wrapModulus`` stands for 0 after wrapping (false) or stays (true):
    /// Java keeps 12, 7 and 31 for the 1-based fields.
    var isOneBased: Bool {
        switch self {
        case .seconds, .minutes, .hours, .year: false
        case .dayOfMonth, .month, .dayOfWeek: true
        }
    }

    /// Whether the field accepts three-letter names.
    var acceptsNames: Bool { self == .month || self == .dayOfWeek }
}
