import Testing

@testable import TaskgateCore

/// Hand-built rules and schedules for the explanation and calendar tests.
enum ExplanationFixtures {
    static let mondayToFriday = WeekdaySet(every: [.monday, .tuesday, .wednesday, .thursday, .friday])

    static func local(_ text: String) throws -> LocalDateTime {
        try #require(DateTimeText.localDateTime(text))
    }

    static func instant(_ text: String) throws -> Instant {
        try #require(DateTimeText.instant(text))
    }

    /// A rule from plain value lists; 0 seconds, minute 0 and hour 0 unless given.
    static func rule(
        seconds: [Int] = [0], minutes: [Int] = [0], hours: [Int] = [0], days: DaySelector = .everyDay,
        months: [Int] = Array(1...12), years: YearSet? = nil, yearDays: YearDaySet? = nil,
        weekNumbers: WeekNumberSet? = nil, interval: RuleInterval? = nil, policy: DSTPolicy = .javaQuartz
    ) -> ScheduleRule {
        ScheduleRule(
            seconds: FieldSet(seconds), minutes: FieldSet(minutes), hours: FieldSet(hours), days: days,
            months: FieldSet(months), years: years, yearDays: yearDays, weekNumbers: weekNumbers, interval: interval,
            dstPolicy: policy)
    }

    /// The phrase of the only rule of a schedule in `zone`.
    static func phrase(_ rule: ScheduleRule, zone: String = "UTC", window: ScheduleWindow = .unbounded) throws -> String
    {
        let explanation = try ScheduleExplanation(.recurring([rule], zone: zone, window: window))
        return try #require(explanation.rules.first)
    }
}
