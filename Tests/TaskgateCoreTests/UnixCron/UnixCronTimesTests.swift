import Testing

@testable import TaskgateCore

/// What a line means in the model: the day selector Debian's star flags give, and the DST policy
/// of the line's shape.
@Suite struct UnixCronTimesTests {
    static func rule(_ expression: String) throws -> ScheduleRule {
        try #require(DialectTesting.parse(.cron, [expression]).rules.first)
    }

    static let monday = WeekdaySet(every: [Weekday.monday])

    @Test(arguments: [
        ("0 0 * * *", DaySelector.everyDay),
        ("0 0 * * 1", DaySelector.weekdays(monday)),
        ("0 0 13 * *", DaySelector.monthDays(MonthDaySet(days: [13]))),
        ("0 0 1-31 * 1", DaySelector.everyDay),
        ("0 0 13 * 0-6", DaySelector.everyDay),
        ("0 0 13 * 1", DaySelector.either(MonthDaySet(days: [13]), monday)),
        ("0 0 */2 * 1", DaySelector.both(MonthDaySet(days: Array(stride(from: 1, through: 31, by: 2))), monday)),
        ("0 0 13 * *,1", DaySelector.monthDays(MonthDaySet(days: [13]))),
        (
            "0 0 13 * */2,1",
            DaySelector.both(
                MonthDaySet(days: [13]), WeekdaySet(every: [.sunday, .monday, .tuesday, .thursday, .saturday]))
        ),
        ("0 0 * * 0,7", DaySelector.weekdays(WeekdaySet(every: [Weekday.sunday]))),
        ("@monthly", DaySelector.monthDays(MonthDaySet(days: [1]))),
        ("@weekly", DaySelector.weekdays(WeekdaySet(every: [Weekday.sunday]))),
    ])
    func combinesDayFieldsAsDebianDoes(expression: String, days: DaySelector) throws {
        #expect(try Self.rule(expression).days == days)
    }

    @Test(arguments: [
        ("30 2 * * *", UnixCronTimes.fixedTimePolicy),
        ("0-59 0-23 * * *", UnixCronTimes.fixedTimePolicy),
        ("0,30 1-3 * * *", UnixCronTimes.fixedTimePolicy),
        ("*/30 2 * * *", DSTPolicy.wallClock),
        ("30 * * * *", DSTPolicy.wallClock),
        ("30 */2 * * *", DSTPolicy.wallClock),
        ("*,30 2 * * *", DSTPolicy.wallClock),
        ("@hourly", DSTPolicy.wallClock),
        ("@daily", UnixCronTimes.fixedTimePolicy),
        ("@weekly", UnixCronTimes.fixedTimePolicy),
    ])
    func policyFollowsTheLinesShape(expression: String, policy: DSTPolicy) throws {
        #expect(try Self.rule(expression).dstPolicy == policy)
    }

    @Test func fixedTimePolicyIsTransitionAndEarlier() {
        #expect(UnixCronTimes.fixedTimePolicy == DSTPolicy(gap: .transition, overlap: .earlier))
    }

    @Test func readsFieldsIntoSets() throws {
        let rule = try Self.rule("5,10-12 */8 * JAN-MAR/2 *")
        #expect(rule.seconds == FieldSet([0]))
        #expect(rule.minutes == FieldSet([5, 10, 11, 12]))
        #expect(rule.hours == FieldSet([0, 8, 16]))
        #expect(rule.months == FieldSet([1, 3]))
    }

    @Test(arguments: [(0, Weekday.sunday), (1, .monday), (6, .saturday), (7, .sunday)])
    func numbersWeekdaysFromSunday(number: Int, weekday: Weekday) {
        #expect(UnixCronTimes.weekday(cronNumber: number) == weekday)
        #expect(UnixCronTimes.cronNumber(of: weekday) == number % 7)
    }
}
