/// One rule of a schedule: the local date-times it selects, and how they become instants.
///
/// A local date-time is selected when its second, minute, hour, month and year are in the
/// rule's sets and its date passes the day selector (and the optional year-day and
/// week-number filters of RRULE). An ``interval`` further restricts the selection to the
/// periods it includes (see ``RuleInterval``). ``dstPolicy`` says how the engine maps a
/// selected time onto the time line on days when the clock changes.
public struct ScheduleRule: Hashable, Sendable {
    public var seconds: FieldSet
    public var minutes: FieldSet
    public var hours: FieldSet
    public var days: DaySelector
    public var months: FieldSet
    /// `nil` selects every year.
    public var years: YearSet?
    /// RRULE `BYYEARDAY`; `nil` selects every day of the year.
    public var yearDays: YearDaySet?
    /// RRULE `BYWEEKNO`; `nil` selects every week.
    public var weekNumbers: WeekNumberSet?
    /// A cadence from an anchor; `nil` for a pure calendar match (cron).
    public var interval: RuleInterval?
    public var dstPolicy: DSTPolicy

    public init(
        seconds: FieldSet = FieldSet([0]), minutes: FieldSet = FieldSet([0]), hours: FieldSet = FieldSet([0]),
        days: DaySelector = .everyDay, months: FieldSet = .everyMonth, years: YearSet? = nil,
        yearDays: YearDaySet? = nil, weekNumbers: WeekNumberSet? = nil, interval: RuleInterval? = nil,
        dstPolicy: DSTPolicy
    ) {
        self.seconds = seconds
        self.minutes = minutes
        self.hours = hours
        self.days = days
        self.months = months
        self.years = years
        self.yearDays = yearDays
        self.weekNumbers = weekNumbers
        self.interval = interval
        self.dstPolicy = dstPolicy
    }
}
