/// What Java Quartz 2.3.2 `CronExpression` holds after parsing one expression: a value set per
/// field and the flags its evaluator (`getTimeAfter`) consults.
///
/// The flags belong to the whole expression, not to one item: `1,15W` sets `nearestWeekday` and
/// stores {1, 15}, and the evaluator then uses the smallest day only (wyn.md §4.5).
struct QuartzJavaState: Hashable, Sendable {
    /// The value sets of seconds … day-of-week, in field order.
    private var sets = [QuartzValueSet](repeating: QuartzValueSet(), count: 6)
    var years: [QuartzYearTerm] = []

    /// `nL` or `NAMEL` in day-of-week: the last such weekday of the month.
    var lastDayOfWeek = false
    /// `n#k`: the k-th such weekday (0 when absent).
    var nthDayOfWeek = 0
    /// `L…` in day-of-month.
    var lastDayOfMonth = false
    /// `W` in day-of-month.
    var nearestWeekday = false
    /// The `n` of `L-n`.
    var lastDayOffset = 0

    /// Where each field's text lies in the expression (UTF-16 offsets), for messages.
    var fieldSpans: [QuartzField: Range<Int>] = [:]
    /// Where the `W` item of day-of-month lies, for messages about it.
    var nearestWeekdaySpan: Range<Int>?

    /// The value set of a field other than the year (which is a list of ``QuartzYearTerm``).
    subscript(field: QuartzField) -> QuartzValueSet {
        get {
            precondition(field != .year, "the year field has no value set; use years")
            return sets[field.rawValue - 1]
        }
        set {
            precondition(field != .year, "the year field has no value set; use years")
            sets[field.rawValue - 1] = newValue
        }
    }
}
