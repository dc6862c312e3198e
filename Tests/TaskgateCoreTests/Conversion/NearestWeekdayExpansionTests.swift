import Testing

@testable import TaskgateCore

@Suite struct NearestWeekdayExpansionTests {
    static let start = Instant(secondsSinceEpoch: 946_684_800)  // 2000-01-01T00:00:00Z

    static func rule(_ days: MonthDaySet, months: FieldSet = .everyMonth) -> ScheduleRule {
        ScheduleRule(hours: FieldSet([9]), days: .monthDays(days), months: months, dstPolicy: .rfc5545)
    }

    /// Both rule sets fire at the same instants over a whole 400-year Gregorian cycle.
    static func expectEquivalent(_ original: ScheduleRule, _ expansion: [ScheduleRule]) throws {
        let horizon = try #require(VerificationHorizon(parsing: "400y", minimumOccurrences: 0))
        let report = try EquivalenceCheck(horizon: horizon).compare(
            Schedule.recurring([original], zone: "UTC"), with: Schedule.recurring(expansion, zone: "UTC"), from: start)
        #expect(report.isExact, "\(report.differences.first?.description ?? "")")
    }

    @Test func fifteenthIsThreeRulesAsTheIssueStates() throws {
        let original = Self.rule(MonthDaySet(nearestWeekday: 1 << 15))
        let expansion = try #require(NearestWeekdayExpansion.expand(original))
        #expect(
            expansion.map(\.days) == [
                .both(MonthDaySet(days: [14]), WeekdaySet(every: [.friday])),
                .both(MonthDaySet(days: [15]), WeekdaySet(every: [.monday, .tuesday, .wednesday, .thursday, .friday])),
                .both(MonthDaySet(days: [16]), WeekdaySet(every: [.monday])),
            ])
        try Self.expectEquivalent(original, expansion)
    }

    @Test func firstNeverCrossesIntoThePreviousMonth() throws {
        let original = Self.rule(MonthDaySet(nearestWeekday: 1 << 1))
        let expansion = try #require(NearestWeekdayExpansion.expand(original))
        #expect(
            expansion.map(\.days) == [
                .both(MonthDaySet(days: [1]), WeekdaySet(every: [.monday, .tuesday, .wednesday, .thursday, .friday])),
                .both(MonthDaySet(days: [2, 3]), WeekdaySet(every: [.monday])),
            ])
        try Self.expectEquivalent(original, expansion)
    }

    @Test(arguments: 1...31)
    func everyDayOfTheMonthExpandsExactly(day: Int) throws {
        let original = Self.rule(MonthDaySet(nearestWeekday: 1 << UInt32(day)))
        try Self.expectEquivalent(original, try #require(NearestWeekdayExpansion.expand(original)))
    }

    @Test(arguments: 0...30)
    func everyOffsetFromTheEndExpandsExactly(offset: Int) throws {
        let original = Self.rule(MonthDaySet(nearestWeekdayFromEnd: 1 << UInt32(offset)))
        try Self.expectEquivalent(original, try #require(NearestWeekdayExpansion.expand(original)))
    }

    @Test func lastWeekdayIsTwoRules() throws {
        let original = Self.rule(.lastWeekday)
        let expansion = try #require(NearestWeekdayExpansion.expand(original))
        #expect(expansion.count == 2)
        try Self.expectEquivalent(original, expansion)
    }

    @Test func monthRestrictionIsKept() throws {
        let original = Self.rule(MonthDaySet(nearestWeekday: 1 << 31), months: FieldSet([1, 2, 3, 4]))
        let expansion = try #require(NearestWeekdayExpansion.expand(original))
        #expect(expansion.allSatisfy { $0.months.bits & ~FieldSet([1, 3]).bits == 0 })
        try Self.expectEquivalent(original, expansion)
    }
}
