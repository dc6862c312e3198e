/// One rule of a schedule: the local date-times it selects, and how they become instants.
///
/// A local date-time is selected when its second, minute, hour, month and year are in the
/// rule's sets and its date passes the day selector (and the optional year-day and
/// week-number filters of RRULE). An ``interval`` further restricts the selection to the
/// periods it includes (see ``RuleInterval``). ``dstPolicy`` says how the engine maps a
/// selected time onto the time line on days when the clock changes.
public struct ScheduleRule: Hashable, Sendable {
    /// The seconds of the minute selected.
    public var seconds: FieldSet
    /// The minutes of the hour selected.
    public var minutes: FieldSet
    /// The hours of the day selected.
    public var hours: FieldSet
    /// How days are selected.
    public var days: DaySelector
    /// The months selected (1…12).
    public var months: FieldSet
    /// `nil` selects every year.
    public var years: YearSet?
    /// RRULE `BYYEARDAY`; `nil` selects every day of the year.
    public var yearDays: YearDaySet?
    /// RRULE `BYWEEKNO`; `nil` selects every week.
    public var weekNumbers: WeekNumberSet?
    /// A cadence from an anchor; `nil` for a pure calendar match (cron).
    public var interval: RuleInterval?
    /// How the engine maps a selected local time on clock-change days.
    public var dstPolicy: DSTPolicy

    /// Creates a rule; by default it selects midnight on every day.
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
