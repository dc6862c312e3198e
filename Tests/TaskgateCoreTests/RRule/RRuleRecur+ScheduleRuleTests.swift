import Testing

@testable import TaskgateCore

/// What DTSTART fills in, and how the parts map onto the model (python-dateutil's `rrule.__init__`).
@Suite struct RRuleRecurScheduleRuleTests {
    static func rule(_ text: String, start: String) throws -> ScheduleRule {
        try #require(try RRuleTesting.parse([text], start: start).rules.first)
    }

    @Test func coarserFrequenciesTakeTheTimeOfDayFromDTSTART() throws {
        let daily = try Self.rule("FREQ=DAILY", start: "2026-03-04T16:04:05")
        #expect(daily.seconds == FieldSet([5]))
        #expect(daily.minutes == FieldSet([4]))
        #expect(daily.hours == FieldSet([16]))
        #expect(daily.days == .everyDay)
        let hourly = try Self.rule("FREQ=HOURLY;INTERVAL=2", start: "2026-03-04T16:04:05")
        #expect(hourly.hours == .everyHour)
        #expect(hourly.minutes == FieldSet([4]))
        #expect(hourly.interval?.step == .calendar(.hour, every: 2))
        let secondly = try Self.rule("FREQ=SECONDLY", start: "2026-03-04T16:04:05")
        #expect(secondly.seconds == .everySecond)
        #expect(secondly.minutes == .everyMinute)
    }

    @Test func weeklyMonthlyAndYearlyTakeTheirDayFromDTSTART() throws {
        let start = "2026-03-04T09:00:00"
        #expect(try Self.rule("FREQ=WEEKLY", start: start).days == .weekdays(WeekdaySet(every: [.wednesday])))
        #expect(try Self.rule("FREQ=MONTHLY", start: start).days == .monthDays(MonthDaySet(days: [4])))
        let yearly = try Self.rule("FREQ=YEARLY", start: start)
        #expect(yearly.days == .monthDays(MonthDaySet(days: [4])))
        #expect(yearly.months == FieldSet([3]))
        let yearlyInMonths = try Self.rule("FREQ=YEARLY;BYMONTH=6,7", start: start)
        #expect(yearlyInMonths.days == .monthDays(MonthDaySet(days: [4])))
        #expect(yearlyInMonths.months == FieldSet([6, 7]))
        let yearlyByWeek = try Self.rule("FREQ=YEARLY;BYWEEKNO=20", start: start)
        #expect(yearlyByWeek.days == .everyDay)
        #expect(yearlyByWeek.months == .everyMonth)
        #expect(yearlyByWeek.weekNumbers == WeekNumberSet([20], weekStart: .monday))
        let yearlyByYearDay = try Self.rule("FREQ=YEARLY;BYYEARDAY=-1", start: start)
        #expect(yearlyByYearDay.days == .everyDay)
        #expect(yearlyByYearDay.yearDays == YearDaySet([-1]))
    }

    @Test func ordinalWeekdaysCountInTheMonthUnlessYearlyWithoutBYMONTH() throws {
        let start = "2026-03-04T09:00:00"
        let ordinal: Set = [OrdinalWeekday(.friday, -1)]
        #expect(
            try Self.rule("FREQ=MONTHLY;BYDAY=-1FR", start: start).days
                == .weekdays(WeekdaySet(ordinals: ordinal, scope: .month)))
        #expect(
            try Self.rule("FREQ=YEARLY;BYMONTH=2;BYDAY=-1FR", start: start).days
                == .weekdays(WeekdaySet(ordinals: ordinal, scope: .month)))
        #expect(
            try Self.rule("FREQ=YEARLY;BYDAY=-1FR", start: start).days
                == .weekdays(WeekdaySet(ordinals: ordinal, scope: .year)))
    }

    @Test func monthDaysAndWeekdaysIntersectAndNegativeDaysCountFromTheEnd() throws {
        let rule = try Self.rule("FREQ=MONTHLY;BYMONTHDAY=13,-1,-3;BYDAY=FR,2MO", start: "2026-03-04T09:00:00")
        #expect(
            rule.days
                == .both(
                    MonthDaySet(days: 1 << 13, fromEnd: 1 << 0 | 1 << 2),
                    WeekdaySet(every: [.friday], ordinals: [OrdinalWeekday(.monday, 2)], scope: .month)))
    }

    @Test func allSevenWeekdaysRestrictNothing() throws {
        let rule = try Self.rule("FREQ=WEEKLY;BYDAY=SU,MO,TU,WE,TH,FR,SA", start: "2026-03-04T09:00:00")
        #expect(rule.days == .everyDay)
    }

    @Test func weekStartIsKeptOnlyWhereItChangesTheResult() throws {
        let start = "2026-03-04T09:00:00"
        #expect(try Self.rule("FREQ=WEEKLY;WKST=SU", start: start).interval?.weekStart == .monday)
        #expect(try Self.rule("FREQ=DAILY;WKST=SU", start: start).interval?.weekStart == .monday)
        #expect(try Self.rule("FREQ=WEEKLY;INTERVAL=2;WKST=SU", start: start).interval?.weekStart == .sunday)
        #expect(
            try Self.rule("FREQ=WEEKLY;BYDAY=MO,FR;BYSETPOS=1;WKST=TH", start: start).interval?.weekStart == .thursday)
        #expect(
            try Self.rule("FREQ=YEARLY;BYWEEKNO=1;WKST=SU", start: start).weekNumbers
                == WeekNumberSet([1], weekStart: .sunday))
    }

    @Test func theIntervalHoldsCountUntilAndSortedPositions() throws {
        let start = try RRuleTesting.local("2026-03-04T09:00:00")
        let counted = try Self.rule("FREQ=MONTHLY;BYDAY=MO,FR;BYSETPOS=-1,2,-1;COUNT=7", start: "2026-03-04T09:00:00")
        #expect(
            counted.interval
                == RuleInterval(step: .calendar(.month, every: 1), anchor: start, setPositions: [-1, 2], count: 7))
        #expect(counted.dstPolicy == .rfc5545)
        let utc = try Self.rule("FREQ=DAILY;UNTIL=20260401T080000Z", start: "2026-03-04T09:00:00")
        #expect(utc.interval?.until == .instant(try RRuleTesting.instant("2026-04-01T08:00:00Z")))
        let floating = try Self.rule("FREQ=DAILY;UNTIL=20260401T080000", start: "2026-03-04T09:00:00")
        #expect(floating.interval?.until == .local(try RRuleTesting.local("2026-04-01T08:00:00")))
        let date = try Self.rule("FREQ=DAILY;UNTIL=20260401", start: "2026-03-04T09:00:00")
        #expect(date.interval?.until == .local(try RRuleTesting.local("2026-04-01T00:00:00")))
    }

    @Test func aLeapSecondStaysInTheModel() throws {
        #expect(try Self.rule("FREQ=DAILY;BYSECOND=60", start: "2026-03-04T09:00:00").seconds == FieldSet([60]))
    }
}
