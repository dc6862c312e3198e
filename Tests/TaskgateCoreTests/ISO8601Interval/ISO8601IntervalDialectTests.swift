import Testing

@testable import TaskgateCore

/// The instants of ISO 8601 repeating intervals. Every expected list was also computed with
/// java.time (scripts/oracles/iso8601/IsoIntervalOracle.java, OpenJDK 17).
@Suite struct ISO8601IntervalDialectTests {
    typealias Support = ISO8601TestSupport

    @Test func digestStartDurationExampleRunsEveryTwoHoursFromItsStart() throws {
        // qlik-scheduling §4.1: R/2020-03-20T13:00:00Z/PT2H — instances at start, start + d, …
        #expect(
            try Support.next("R/2020-03-20T13:00:00Z/PT2H", after: "2020-03-20T12:00:00Z", count: 3)
                == ["2020-03-20T13:00:00Z", "2020-03-20T15:00:00Z", "2020-03-20T17:00:00Z"])
    }

    @Test func digestDurationEndExampleLastRunsTwoHoursBeforeTheEnd() throws {
        // qlik-scheduling §4.1: R/PT2H/2020-05-11T15:30:00Z — last run 13:30Z.
        #expect(
            try Support.next("R/PT2H/2020-05-11T15:30:00Z", after: "2020-05-11T09:00:00Z", count: 5)
                == ["2020-05-11T09:30:00Z", "2020-05-11T11:30:00Z", "2020-05-11T13:30:00Z"])
    }

    @Test func digestDurationEndExampleReachesBackIndefinitely() throws {
        #expect(
            try Support.next("R/PT2H/2020-05-11T15:30:00Z", after: "1999-12-31T23:00:00Z", count: 2)
                == ["1999-12-31T23:30:00Z", "2000-01-01T01:30:00Z"])
    }

    @Test(arguments: [
        (
            "R5/2026-01-01T08:00:00Z/P1W",
            [
                "2026-01-01T08:00:00Z", "2026-01-08T08:00:00Z", "2026-01-15T08:00:00Z", "2026-01-22T08:00:00Z",
                "2026-01-29T08:00:00Z",
            ]
        ),
        ("R1/2026-01-01T08:00:00Z/P1W", ["2026-01-01T08:00:00Z"]),
        ("R0/2026-01-01T08:00:00Z/P1W", []),
    ])
    func countGivesThatManyOccurrences(text: String, expected: [String]) throws {
        // ISO 8601-1:2019 §5.6.1: Rn is n recurrences of the interval, an occurrence at each start.
        #expect(try Support.next(text, after: "2025-12-01T00:00:00Z", count: 10) == expected)
    }

    @Test func unboundedSpellingsAgree() throws {
        #expect(try Support.parse("R-1/2026-01-01T08:00:00Z/PT1H") == Support.parse("R/2026-01-01T08:00:00Z/PT1H"))
    }

    @Test func dailyIntervalKeepsTheWallClockAcrossTheSpringGap() throws {
        // P1D is a nominal day: 02:30 New York every day; on 2026-03-08 02:30 does not exist and
        // java.time moves it forward by the gap (03:30 EDT = 07:30Z).
        #expect(
            try Support.next(
                "R/2026-03-07T02:30:00/P1D", zone: "America/New_York", after: "2026-03-06T12:00:00Z", count: 4)
                == ["2026-03-07T07:30:00Z", "2026-03-08T07:30:00Z", "2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z"])
    }

    @Test func hourlyIntervalIsElapsedTimeAcrossTheSpringGap() throws {
        #expect(
            try Support.next(
                "R/2026-03-08T00:00:00/PT1H", zone: "America/New_York", after: "2026-03-08T04:30:00Z", count: 4)
                == ["2026-03-08T05:00:00Z", "2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z", "2026-03-08T08:00:00Z"])
    }

    @Test(arguments: [
        // From January (EST, −05:00) java.time keeps −05:00 in the overlap: the second 01:30.
        ("R/2026-01-05T01:30:00/P1D", ["2026-10-31T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-02T06:30:00Z"]),
        // From July (EDT, −04:00) it keeps −04:00: the first 01:30.
        ("R/2026-07-05T01:30:00/P1D", ["2026-10-31T05:30:00Z", "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"]),
    ])
    func dailyIntervalTakesTheOverlapPassOfItsStartOffset(text: String, expected: [String]) throws {
        #expect(try Support.next(text, zone: "America/New_York", after: "2026-10-31T00:00:00Z", count: 3) == expected)
    }

    @Test func berlinDailyIntervalAcrossBothChanges() throws {
        #expect(
            try Support.next(
                "R/2026-03-28T02:30:00/P1D", zone: "Europe/Berlin", after: "2026-03-27T00:00:00Z", count: 4)
                == ["2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z", "2026-03-31T00:30:00Z"])
        #expect(
            try Support.next(
                "R/2026-01-10T02:30:00/P1D", zone: "Europe/Berlin", after: "2026-10-24T00:00:00Z", count: 3)
                == ["2026-10-24T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-26T01:30:00Z"])
    }

    @Test func startInTheGapContinuesAtTheShiftedTime() throws {
        // java.time reads 02:30 on 2026-03-29 in Berlin as 03:30 CEST; the series continues at 03:30.
        #expect(
            try Support.next(
                "R/2026-03-29T02:30:00/P1D", zone: "Europe/Berlin", after: "2026-03-28T00:00:00Z", count: 3)
                == ["2026-03-29T01:30:00Z", "2026-03-30T01:30:00Z", "2026-03-31T01:30:00Z"])
    }

    @Test func startInTheSecondPassOfTheOverlapKeepsItsInstant() throws {
        // 02:30+01:00 on 2026-10-25 is Berlin's second 02:30 (01:30Z).
        #expect(
            try Support.next(
                "R/2026-10-25T02:30:00+01:00/PT30M", zone: "Europe/Berlin", after: "2026-10-25T00:00:00Z", count: 4)
                == ["2026-10-25T01:30:00Z", "2026-10-25T02:00:00Z", "2026-10-25T02:30:00Z", "2026-10-25T03:00:00Z"])
    }

    @Test func lordHoweHalfHourChanges() throws {
        // Spring: 02:00 +10:30 → 02:30 +11:00 on 2026-10-04; a start at 02:15 in the gap's day…
        #expect(
            try Support.next(
                "R/2026-10-03T02:15:00/P1D", zone: "Australia/Lord_Howe", after: "2026-10-02T00:00:00Z", count: 3)
                == ["2026-10-02T15:45:00Z", "2026-10-03T15:45:00Z", "2026-10-04T15:15:00Z"])
        // Autumn: 02:00 +11:00 → 01:30 +10:30 on 2026-04-05; 01:45 exists twice, the first is kept.
        #expect(
            try Support.next(
                "R/2026-04-04T01:45:00/P1D", zone: "Australia/Lord_Howe", after: "2026-04-03T12:00:00Z", count: 3)
                == ["2026-04-03T14:45:00Z", "2026-04-04T14:45:00Z", "2026-04-05T15:15:00Z"])
        #expect(
            try Support.next(
                "R/2026-04-04T01:45:00/PT15M", zone: "Australia/Lord_Howe", after: "2026-04-04T14:00:00Z", count: 5)
                == [
                    "2026-04-04T14:15:00Z", "2026-04-04T14:30:00Z", "2026-04-04T14:45:00Z", "2026-04-04T15:00:00Z",
                    "2026-04-04T15:15:00Z",
                ])
    }

    @Test func monthlyIntervalClampsToTheMonthsEndFromTheStartEachTime() throws {
        // k × P1M from the start (java.time's start.plus(P1M × k)): Jan 31, Feb 28, Mar 31 — not Mar 28.
        #expect(
            try Support.next(
                "R/2025-01-31T09:00:00/P1M", zone: "Europe/Berlin", after: "2025-01-01T00:00:00Z", count: 5)
                == [
                    "2025-01-31T08:00:00Z", "2025-02-28T08:00:00Z", "2025-03-31T07:00:00Z", "2025-04-30T07:00:00Z",
                    "2025-05-31T07:00:00Z",
                ])
    }

    @Test func yearlyIntervalFromALeapDayClampsToFebruary28() throws {
        #expect(
            try Support.next("R/2024-02-29T12:00:00Z/P1Y", after: "2024-01-01T00:00:00Z", count: 5)
                == [
                    "2024-02-29T12:00:00Z", "2025-02-28T12:00:00Z", "2026-02-28T12:00:00Z", "2027-02-28T12:00:00Z",
                    "2028-02-29T12:00:00Z",
                ])
    }

    @Test func startEndIntervalRepeatsTheElapsedDifference() throws {
        // 12:00 to 12:00 across New York's spring change is 23 elapsed hours.
        #expect(
            try Support.next(
                "R3/2026-03-07T12:00:00/2026-03-08T12:00:00", zone: "America/New_York", after: "2026-03-01T00:00:00Z",
                count: 5) == ["2026-03-07T17:00:00Z", "2026-03-08T16:00:00Z", "2026-03-09T15:00:00Z"])
        let schedule = try Support.parse("R3/2026-03-07T12:00:00/2026-03-08T12:00:00", zone: "America/New_York")
        #expect(schedule.rules.first?.interval?.step == .duration(ISODuration(hours: 23)))
    }

    @Test func durationAloneTakesTheContextStart() throws {
        #expect(
            try Support.next(
                "R/PT40M", zone: "America/New_York", start: "2026-03-08T00:00:00", after: "2026-03-08T06:30:00Z",
                count: 3)
                == ["2026-03-08T07:00:00Z", "2026-03-08T07:40:00Z", "2026-03-08T08:20:00Z"])
    }

    @Test func countedBackMonthsStopAtTheWindowStartWhateverTheClamping() throws {
        #expect(
            try Support.next(
                "R/P1M/2025-03-31T00:00:00Z", start: "2024-10-15T00:00:00", after: "2024-01-01T00:00:00Z", count: 6)
                == [
                    "2024-10-31T00:00:00Z", "2024-11-30T00:00:00Z", "2024-12-31T00:00:00Z", "2025-01-31T00:00:00Z",
                    "2025-02-28T00:00:00Z",
                ])
    }

    @Test func countedBackDaysThroughTheSpringGap() throws {
        #expect(
            try Support.next(
                "R4/P1D/2026-03-30T02:30:00", zone: "Europe/Berlin", after: "2026-01-01T00:00:00Z", count: 6)
                == ["2026-03-26T01:30:00Z", "2026-03-27T01:30:00Z", "2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z"])
    }

    @Test func mixedDurationAddsDaysOnTheWallClockThenHoursElapsed() throws {
        #expect(
            try Support.next(
                "R/2026-03-29T01:00:00Z/P1DT12H", zone: "Europe/Berlin", after: "2026-03-28T00:00:00Z", count: 3)
                == ["2026-03-29T01:00:00Z", "2026-03-30T13:00:00Z", "2026-04-01T01:00:00Z"])
    }

    @Test func severalLinesAreTheUnionOfTheirInstants() throws {
        #expect(
            try Support.parse(["R/2026-01-01T00:00:00Z/PT2H", "R/2026-01-01T01:00:00Z/PT2H"])
                .nextOccurrences(after: Support.instant("2025-12-31T23:59:59Z"), count: 4).map(\.description)
                == ["2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "2026-01-01T03:00:00Z"])
    }

    @Test func contextStartAndEndBecomeTheWindow() throws {
        let end = TimePoint.instant(try Support.instant("2026-01-01T05:00:00Z"))
        let schedule = try ISO8601IntervalDialect.parse(
            ["R/2026-01-01T00:00:00Z/PT1H"], context: Support.context(start: "2026-01-01T02:00:00", end: end),
            embedded: Support.noEmbedded)
        #expect(
            try schedule.nextOccurrences(after: Support.instant("2025-01-01T00:00:00Z"), count: 10).map(\.description)
                == ["2026-01-01T02:00:00Z", "2026-01-01T03:00:00Z", "2026-01-01T04:00:00Z", "2026-01-01T05:00:00Z"])
    }

    @Test func parsedRuleIsAnAnchoredDurationStepOverEveryLocalTime() throws {
        let schedule = try Support.parse("R5/2026-01-31T08:00:00/P1M", zone: "Europe/Berlin")
        let expected = ScheduleRule(
            seconds: .everySecond, minutes: .everyMinute, hours: .everyHour, days: .everyDay, months: .everyMonth,
            interval: RuleInterval(
                step: .duration(ISODuration(months: 1)), anchor: try Support.local("2026-01-31T08:00:00"), count: 5),
            dstPolicy: DSTPolicy(gap: .shiftForward, overlap: .later))
        #expect(schedule == .recurring([expected], zone: "Europe/Berlin"))
    }

    @Test(.timeLimit(.minutes(1))) func enumeratingALongCountedSeriesFarFromItsStartDoesNotWalkEveryStep() throws {
        // Before the fix to DurationRuleStream's estimate, a count made the stream walk from step 0
        // (1.2e9 steps here) and a 32-bit cap left 1.7e9 steps to walk for the second case.
        #expect(
            try Support.next("R2000000000/2020-01-01T00:00:00Z/PT1S", after: "2060-01-01T00:00:00Z", count: 2)
                == ["2060-01-01T00:00:01Z", "2060-01-01T00:00:02Z"])
        #expect(
            try Support.next("R/1900-01-01T00:00:00Z/PT1S", after: "2026-01-01T00:00:00Z", count: 1)
                == ["2026-01-01T00:00:01Z"])
    }

    @Test(.timeLimit(.minutes(1))) func shortStepsFromASecondPassStartAreNotSkipped() throws {
        // 2024-03-10T02:00Z is Casablanca's second 02:00 (+00:00, Ramadan). Before the fix, the
        // estimate used the first pass and skipped an hour of 15-second steps.
        #expect(
            try Support.next(
                "R/2024-03-10T02:00:00Z/PT15S", zone: "Africa/Casablanca", after: "2025-01-01T00:00:00Z", count: 2)
                == ["2025-01-01T00:00:15Z", "2025-01-01T00:00:30Z"])
    }

    @Test(.timeLimit(.minutes(1))) func aLocalWindowStartFarFromTheAnchorIsReachedByEstimate() throws {
        // Before the fix, the estimate ignored a local window start and walked every one-second
        // step from the anchor (6.3e10 here, 9.5e8 for the counted series).
        #expect(
            try Support.next(
                "R/0001-01-01T00:00:00Z/PT1S", start: "2020-01-01T00:00:00", after: "0001-01-01T00:00:00Z", count: 2)
                == ["2020-01-01T00:00:00Z", "2020-01-01T00:00:01Z"])
        #expect(
            try Support.next(
                "R2147483647/1990-01-01T00:00:00Z/PT1S", start: "2020-01-01T00:00:00", after: "1990-01-01T00:00:00Z",
                count: 1) == ["2020-01-01T00:00:00Z"])
    }

    @Test func anElapsedSeriesEndsAtTheEndOfYear9999() throws {
        #expect(
            try Support.next("R/9999-12-31T22:00:00Z/PT1H", after: "9999-12-31T21:00:00Z", count: 5)
                == ["9999-12-31T22:00:00Z", "9999-12-31T23:00:00Z"])
    }
}
