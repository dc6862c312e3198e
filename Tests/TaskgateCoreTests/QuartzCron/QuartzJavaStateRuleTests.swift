import Testing

@testable import TaskgateCore

/// The rules the Java evaluator's state becomes, as model values.
@Suite struct QuartzJavaStateRuleTests {
    static func days(_ field: String) throws -> DaySelector {
        let rules = try QuartzTestSupport.parse("0 0 8 \(field) * ?").rules
        return try #require(rules.first).days
    }

    static func weekdays(_ field: String) throws -> DaySelector {
        let rules = try QuartzTestSupport.parse("0 0 8 ? * \(field)").rules
        return try #require(rules.first).days
    }

    @Test func readsTheDayOfMonthSpecials() throws {
        #expect(try Self.days("L") == .monthDays(MonthDaySet(fromEnd: 1)))
        #expect(try Self.days("L-3") == .monthDays(MonthDaySet(fromEnd: 1 << 3)))
        #expect(try Self.days("LW") == .monthDays(MonthDaySet(nearestWeekdayFromEnd: 1)))
        #expect(try Self.days("L-2W") == .monthDays(MonthDaySet(nearestWeekdayFromEnd: 1 << 2)))
        #expect(try Self.days("15W") == .monthDays(MonthDaySet(nearestWeekday: 1 << 15)))
        #expect(try Self.days("1,15W") == .monthDays(MonthDaySet(nearestWeekday: 1 << 1)))
        #expect(try Self.days("1,15") == .monthDays(MonthDaySet(days: [1, 15])))
        #expect(try Self.days("*") == .everyDay)
    }

    @Test func readsTheDayOfWeekSpecials() throws {
        #expect(try Self.weekdays("6#3") == .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(.friday, 3)])))
        #expect(try Self.weekdays("2L") == .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(.monday, -1)])))
        #expect(try Self.weekdays("L") == .weekdays(WeekdaySet(every: [.saturday])))
        #expect(
            try Self.weekdays("MON-FRI")
                == .weekdays(WeekdaySet(every: [.monday, .tuesday, .wednesday, .thursday, .friday])))
        #expect(try Self.weekdays("SUN-SAT") == .everyDay)
    }

    @Test func capsTheYearsAtAHundredYearsAfterTheReference() throws {
        let everyYear = try #require(QuartzTestSupport.parse("0 0 8 * * ?").rules.first)
        #expect(everyYear.years == YearSet(range: 1970...2126))
        let late = try #require(QuartzTestSupport.parse("0 0 8 * * ? 2120-2200").rules.first)
        #expect(late.years == YearSet(range: 2120...2126))
        let stepped = try #require(QuartzTestSupport.parse("0 0 8 * * ? 2100/13").rules.first)
        #expect(stepped.years == YearSet([2100, 2113, 2126]))
        let beyond = try #require(QuartzTestSupport.parse("0 0 8 * * ? 3000").rules.first)
        #expect(beyond.years == YearSet([Int]()))
    }

    @Test func thirtyFirstNearestWeekdayAddsTheFridayThirtiethOfShortMonths() throws {
        let rules = try QuartzTestSupport.parse("0 0 8 31W 1-6 ?").rules
        #expect(rules.count == 2)
        #expect(rules.last?.days == .both(MonthDaySet(days: [30]), WeekdaySet(every: [.friday])))
        #expect(rules.last?.months == FieldSet([4, 6]))
        #expect(try QuartzTestSupport.parse("0 0 8 31W 1,3 ?").rules.count == 1)
    }

    @Test func readsDayZeroBeforeHashAsSaturday() throws {
        #expect(try Self.weekdays("0#2") == .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(.saturday, 2)])))
    }
}
