import Testing

@testable import TaskgateCore

/// The DST policy each engine gives a rule. The `quartz-net` expectations are ported from
/// Quartz.NET main's `CronExpressionDstTests` (refs/quartz-net/CronExpressionDstTests.main.cs),
/// their local times written as the instants they denote.
@Suite struct QuartzEngineTests {
    static func quartzNet(_ line: String, _ zone: String) throws -> Schedule {
        try QuartzTestSupport.parse([line], dialect: .quartzNet, zone: zone)
    }

    @Test func javaRulesSkipGapsAndFireRepeatedTimesLater() throws {
        for line in ["0 30 2 * * ?", "0 * * * * ?", "0 0/30 1-3 * * ?"] {
            #expect(try QuartzTestSupport.parse(line).rules.map(\.dstPolicy) == [.javaQuartz])
        }
    }

    // MARK: HasIntervalSemantics_SetForWildcardStepAndRangeInTimeFields

    @Test(arguments: [
        ("0 * * * * ?", true), ("*/30 0 2 * * ?", true), ("0 0/30 2 * * ?", true), ("0 30 1-9 * * ?", true),
        ("0 15,45 2-4 * * ?", true), ("0 30 2 * * ?", false), ("0 0,30 2 * * ?", false), ("0 30 2 1-15 * ?", false),
        ("0 30 2 ? * MON-FRI", false),
    ])
    func intervalSemanticsComeFromTheTimeFieldsText(line: String, interval: Bool) throws {
        let policy = DSTPolicy(gap: .shiftForward, overlap: interval ? .both : .earlier)
        #expect(try Self.quartzNet(line, "UTC").rules.map(\.dstPolicy) == [policy])
    }

    // MARK: GetTimeAfter_FixedTimeInsideGap_FiresOnceShiftedByTransitionDelta

    @Test(arguments: [
        ("0 30 2 * * ?", "America/New_York", "2024-03-10T05:00:00Z", ["2024-03-10T07:30:00Z", "2024-03-11T06:30:00Z"]),
        (
            "0 15 2 * * ?", "Australia/Lord_Howe", "2019-10-05T13:30:00Z",
            ["2019-10-05T15:45:00Z", "2019-10-06T15:15:00Z"]
        ),
        ("0 0 0 * * ?", "America/Santiago", "2019-09-07T16:00:00Z", ["2019-09-08T04:00:00Z", "2019-09-09T03:00:00Z"]),
    ])
    func fixedTimeInsideGapFiresOnceShiftedByTheGap(line: String, zone: String, after: String, fires: [String]) throws {
        #expect(try QuartzTestSupport.next(Self.quartzNet(line, zone), after: after, count: 2) == fires)
    }

    // MARK: GetTimeAfter_DailyFixedTime_FallBackDay_FiresOnlyOnce_AtDaylightOccurrence

    @Test(arguments: [
        ("0 30 1 * * ?", "America/New_York", "2024-11-03T04:00:00Z", ["2024-11-03T05:30:00Z", "2024-11-04T06:30:00Z"]),
        ("0 30 2 * * ?", "Europe/Berlin", "2018-10-27T22:00:00Z", ["2018-10-28T00:30:00Z", "2018-10-29T01:30:00Z"]),
        ("0 30 2 * * ?", "Australia/Sydney", "2024-04-06T13:00:00Z", ["2024-04-06T15:30:00Z", "2024-04-07T16:30:00Z"]),
        (
            "0 30 23 * * ?", "America/Santiago", "2019-04-06T03:00:00Z",
            ["2019-04-07T02:30:00Z", "2019-04-08T03:30:00Z"]
        ),
    ])
    func fixedTimeOnFallBackDayFiresOnceAtTheFirstPass(
        line: String, zone: String, after: String, fires: [String]
    )
        throws
    {
        #expect(try QuartzTestSupport.next(Self.quartzNet(line, zone), after: after, count: 2) == fires)
    }

    // MARK: SequentialWalk_MinutelyCron_SpringForwardDay_FireCountAndNoLocalGapHour

    @Test func minutelyFiresEveryRealMinuteOfTheSpringForwardDay() throws {
        let schedule = try Self.quartzNet("0 * * * * ?", "America/New_York")
        let fires = try QuartzTestSupport.between(schedule, "2024-03-10T05:00:00Z", "2024-03-11T04:00:00Z")
        #expect(fires.count == 1379)
        var zone = try #require(ZoneRules(identifier: "America/New_York"))
        #expect(!fires.contains { zone.localDateTime(at: $0).hour == 2 })
        let gapHour =
            try QuartzTestSupport.instant("2024-03-10T07:00:00Z")...QuartzTestSupport.instant("2024-03-10T07:59:59Z")
        #expect(fires.filter { gapHour.contains($0) }.count == 60)
        // IsSatisfiedBy_MinutelyCron_TrueForInstantsInsideGapHourUtc: 07:15Z reads 03:15 EDT.
        #expect(fires.contains(try QuartzTestSupport.instant("2024-03-10T07:15:00Z")))
    }

    // MARK: SequentialWalk_MinutelyCron_FallBackDay_FiresThroughBothPassesOfRepeatedHour

    @Test func minutelyFiresThroughBothPassesOfTheRepeatedHour() throws {
        let schedule = try Self.quartzNet("0 * * * * ?", "Europe/Berlin")
        let fires = try QuartzTestSupport.between(schedule, "2018-10-27T22:00:00Z", "2018-10-28T23:00:00Z")
        #expect(fires.count == 1499)
        let standardPass =
            try QuartzTestSupport.instant("2018-10-28T01:00:00Z")...QuartzTestSupport.instant("2018-10-28T01:59:59Z")
        #expect(fires.filter { standardPass.contains($0) }.count == 60)
        // IsSatisfiedBy_RepeatedHourStandardPass_AgreesWithSequentialWalk: 01:30Z reads 02:30 +01:00.
        #expect(fires.contains(try QuartzTestSupport.instant("2018-10-28T01:30:00Z")))
    }

    // MARK: SequentialWalk_HourlyCron_FallBackDay_FiresEveryRealHour

    @Test func hourlyFiresEveryRealHourOfTheFallBackDay() throws {
        let schedule = try Self.quartzNet("0 0 * * * ?", "Europe/Berlin")
        let fires = try QuartzTestSupport.between(schedule, "2018-10-27T22:00:00Z", "2018-10-28T23:00:00Z")
        #expect(fires.count == 24)
        #expect(fires.contains(try QuartzTestSupport.instant("2018-10-28T00:00:00Z")))
        #expect(fires.contains(try QuartzTestSupport.instant("2018-10-28T01:00:00Z")))
    }

    // MARK: FixedTimeCommaList_FallBackDay_FiresOnlyFirstPass

    @Test func fixedCommaListFiresOnlyTheFirstPass() throws {
        let schedule = try Self.quartzNet("0 0,30 2 * * ?", "Europe/Berlin")
        let fires = try QuartzTestSupport.between(schedule, "2018-10-27T22:00:00Z", "2018-10-28T23:00:00Z")
        #expect(fires.map(\.description) == ["2018-10-28T00:00:00Z", "2018-10-28T00:30:00Z"])
    }

    // MARK: SequentialWalk_MinutelyCron_LordHoweFallBack_FiresBothHalfHourPasses

    @Test func minutelyFiresBothHalfHourPassesOnLordHowe() throws {
        let schedule = try Self.quartzNet("0 * * * * ?", "Australia/Lord_Howe")
        let fires = try QuartzTestSupport.between(schedule, "2019-04-06T14:00:00Z", "2019-04-06T16:00:00Z")
        #expect(fires.count == 119)
        #expect(fires.contains(try QuartzTestSupport.instant("2019-04-06T14:45:00Z")))
        #expect(fires.contains(try QuartzTestSupport.instant("2019-04-06T15:15:00Z")))
    }

    // MARK: GetTimeAfter_SubSecondInstantInsideRepeatedHour_ReturnsSameFireAsWholeSecond

    @Test func nextFireInsideTheRepeatedHourIsTheNextMinute() throws {
        let schedule = try Self.quartzNet("0 * * * * ?", "America/New_York")
        #expect(
            try QuartzTestSupport.next(schedule, after: "2024-11-03T05:53:59Z", count: 1) == ["2024-11-03T05:54:00Z"])
    }

    // MARK: GetTimeBefore_ProbeJustAfterFireTimeInRepeatedHour_ReturnsRealPrecedingFire

    @Test(arguments: [
        ("0 * * * * ?", "America/New_York", "2024-11-03T05:55:00Z", "2024-11-03T05:54:00Z"),
        ("0 0 * * * ?", "America/New_York", "2024-11-03T05:55:00Z", "2024-11-03T05:00:00Z"),
        ("0 * * * * ?", "Europe/Berlin", "2018-10-28T00:55:00Z", "2018-10-28T00:54:00Z"),
        ("0 0 * * * ?", "Europe/Berlin", "2018-10-28T00:55:00Z", "2018-10-28T00:00:00Z"),
    ])
    func previousFireInsideTheRepeatedHourIsARealFire(line: String, zone: String, probe: String, fire: String) throws {
        let schedule = try Self.quartzNet(line, zone)
        let previous = try schedule.previousOccurrences(before: QuartzTestSupport.instant(probe), count: 1)
        #expect(previous.map(\.description) == [fire])
        let instant = try QuartzTestSupport.instant(fire)
        #expect(try schedule.nextOccurrences(after: instant.adding(seconds: -1), count: 1) == [instant])
    }

    // MARK: GetTimeBefore_RoundTripsWithGetTimeAfter_AroundTransitions

    @Test(arguments: [
        ("0 * * * * ?", "America/New_York", "2024-03-10T07:00:00Z"),
        ("0 0 * * * ?", "America/New_York", "2024-03-10T07:00:00Z"),
        ("0 * * * * ?", "America/New_York", "2024-11-03T06:00:00Z"),
        ("0 0 * * * ?", "America/New_York", "2024-11-03T06:00:00Z"),
        ("0 * * * * ?", "Europe/Berlin", "2018-03-25T01:00:00Z"),
        ("0 0 * * * ?", "Europe/Berlin", "2018-03-25T01:00:00Z"),
        ("0 * * * * ?", "Europe/Berlin", "2018-10-28T01:00:00Z"),
        ("0 0 * * * ?", "Europe/Berlin", "2018-10-28T01:00:00Z"),
    ])
    func previousAndNextAgreeAroundTransitions(line: String, zone: String, transition: String) throws {
        let schedule = try Self.quartzNet(line, zone)
        for minutes in [-60, -5, 5, 60] {
            let probe = try QuartzTestSupport.instant(transition).adding(seconds: Int64(minutes * 60))
            let previous = try #require(try schedule.previousOccurrences(before: probe, count: 1).first)
            #expect(previous < probe)
            #expect(try schedule.nextOccurrences(after: previous.adding(seconds: -1), count: 1) == [previous])
            #expect(try #require(try schedule.nextOccurrences(after: previous, count: 1).first) > previous)
        }
    }

    @Test func everyGapTimeIsShiftedThoughQuartzNetWalksOnFromTheFirst() throws {
        // Known difference, not covered by Quartz.NET's tests: its GetTimeAfter walks on from the
        // wall-clock reading of the shifted fire (03:00), so by its code only 07:00Z fires; the
        // policy (gap: shift forward) shifts 02:30 as well.
        let schedule = try Self.quartzNet("0 0,30 2 * * ?", "America/New_York")
        #expect(
            try QuartzTestSupport.next(schedule, after: "2026-03-08T05:00:00Z", count: 3)
                == ["2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z", "2026-03-09T06:00:00Z"])
    }

    // MARK: IsSatisfiedBy_InstantReturnedForInGapFixedTime_IsCurrentlyFalse (its GetTimeAfter half)

    @Test func fixedTimeInTheGapFiresAtTheShiftedInstant() throws {
        let schedule = try Self.quartzNet("0 30 2 * * ?", "America/New_York")
        #expect(
            try QuartzTestSupport.next(schedule, after: "2024-03-10T05:00:00Z", count: 1) == ["2024-03-10T07:30:00Z"])
    }
}
