import Testing

@testable import TaskgateCore

@Suite struct DSTExposureTests {
    static func exposure(hour: Int, minute: Int, zone: String) throws -> DSTExposure {
        let rule = ScheduleRule(minutes: FieldSet([minute]), hours: FieldSet([hour]), dstPolicy: .wallClock)
        return try #require(DSTExposure(of: rule, in: .recurring([rule], zone: zone)))
    }

    @Test(arguments: [
        (2, 30, "America/New_York", true, false),
        (1, 30, "America/New_York", false, true),
        (12, 0, "America/New_York", false, false),
        (2, 30, "UTC", false, false),
        (2, 15, "Australia/Lord_Howe", true, false),
        (1, 45, "Australia/Lord_Howe", false, true),
        (3, 0, "Pacific/Chatham", true, true),
    ])
    func findsTheIrregularTimesARuleSelects(hour: Int, minute: Int, zone: String, gap: Bool, overlap: Bool) throws {
        let exposure = try Self.exposure(hour: hour, minute: minute, zone: zone)
        #expect(exposure.selectsGapTimes == gap)
        #expect(exposure.selectsOverlapTimes == overlap)
    }

    @Test func policiesAgreeWhenTheyDifferOnlyWhereTheRuleNeverGoes() throws {
        let overlapOnly = try Self.exposure(hour: 1, minute: 30, zone: "America/New_York")
        #expect(overlapOnly.agrees(.javaQuartz, with: DSTPolicy(gap: .transition, overlap: .later)))
        #expect(!overlapOnly.agrees(.javaQuartz, with: .rfc5545))
    }

    @Test func looksOnlyInsideTheWindow() throws {
        let rule = ScheduleRule(minutes: FieldSet([30]), hours: FieldSet([2]), dstPolicy: .wallClock)
        let window = ScheduleWindow(
            start: .instant(try DialectTesting.instant("2026-04-01T00:00:00Z")),
            end: .instant(try DialectTesting.instant("2026-10-01T00:00:00Z")))
        let exposure = try #require(
            DSTExposure(of: rule, in: .recurring([rule], zone: "America/New_York", window: window)))
        #expect(!exposure.selectsGapTimes && !exposure.selectsOverlapTimes)
    }
}
