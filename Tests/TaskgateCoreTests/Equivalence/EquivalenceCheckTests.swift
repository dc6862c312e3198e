import Testing

@testable import TaskgateCore

@Suite struct EquivalenceCheckTests {
    static func daily(hour: Int, minute: Int, policy: DSTPolicy, zone: String = "America/New_York") -> Schedule {
        Schedule.recurring(
            [ScheduleRule(minutes: FieldSet([minute]), hours: FieldSet([hour]), dstPolicy: policy)], zone: zone)
    }

    static let start = Instant(parsingRFC3339: "2026-01-01T00:00:00Z")

    @Test func identicalSchedulesAreExact() throws {
        let start = try #require(Self.start)
        let report = try EquivalenceCheck().compare(
            Self.daily(hour: 8, minute: 0, policy: .javaQuartz), with: Self.daily(hour: 8, minute: 0, policy: .rfc5545),
            from: start)
        #expect(report.isExact)
        #expect(report.sourceOccurrences == 1000)
        #expect(report.through.description == "2028-09-26T12:00:00Z")
    }

    /// A side that fires every second, with nothing on the other to pair with, keeps a day's worth of
    /// occurrences waiting: taking the oldest moved all the others (a Wyn task every 3 minutes from 1695
    /// took 15 s to convert; this check took 7 s in the tests' build).
    @Test func manyUnpairedOccurrencesAreTakenOldestFirstAtOnce() throws {
        let start = try #require(Self.start)
        let everySecond = Schedule.recurring(
            [
                ScheduleRule(
                    seconds: .everySecond, minutes: .everyMinute, hours: .everyHour, dstPolicy: .rfc5545)
            ], zone: "UTC")
        let check = EquivalenceCheck(horizon: try #require(VerificationHorizon(parsing: "2d", minimumOccurrences: 0)))
        var report: EquivalenceReport?
        let elapsed = try ContinuousClock().measure {
            report = try check.compare(
                Self.daily(hour: 8, minute: 0, policy: .rfc5545, zone: "UTC"), with: everySecond, from: start)
        }
        let found = try #require(report)
        // The two 08:00s are matched; every other second is a difference.
        #expect(found.sourceOccurrences == 2)
        #expect(found.targetOccurrences == 172_801)
        #expect(found.differenceCount == 172_799)
        #expect(
            found.differences.map { $0.target?.description ?? "-" }
                == (0..<10).map { "2026-01-01T00:00:0\($0)Z" })
        #expect(found.differences.allSatisfy { $0.source == nil })
        #expect(elapsed < .seconds(5))
    }

    /// Found by fuzz-wyn-task (a hang): a Quartz cron fires from 1970 on, so from an earlier start the
    /// source is silent and the span ran to its minimum-th occurrence in 1970, comparing every target
    /// instant on the way. Past the horizon the span now ends at the target's 100 × minimum-th instant.
    @Test func aSourceSilentForYearsEndsTheSpanAfterAHundredTimesTheMinimumOfTargetInstants() throws {
        let context = DialectContext(
            zone: "UTC", start: LocalDateTime(validating: 1960, month: 1, day: 1),
            reference: Instant(secondsSinceEpoch: 0))
        let quartz = try Dialect.quartz.parse(["0 0/3 * * * ?"], context: context)
        let everyThreeMinutes = Schedule.recurring(
            [
                ScheduleRule(
                    minutes: FieldSet(Array(stride(from: 0, to: 60, by: 3))), hours: .everyHour, dstPolicy: .rfc5545)
            ], zone: "UTC")
        let start = try #require(Instant(parsingRFC3339: "1960-01-01T00:00:00Z"))
        let report = try EquivalenceCheck(
            horizon: try #require(VerificationHorizon(parsing: "31d", minimumOccurrences: 100))
        ).compare(quartz, with: everyThreeMinutes, from: start)
        // 31 days of 480 instants and the one at the horizon's end, then 10,000 more past it.
        #expect(report.through.description == "1960-02-21T20:00:00Z")
        #expect(report.sourceOccurrences == 0)
        #expect(report.targetOccurrences == 31 * 480 + 1 + 10_000)
        #expect(report.differenceCount == report.targetOccurrences)
        #expect(report.differences.first?.target?.description == "1960-01-01T00:00:00Z")
    }

    @Test func springGapDifferenceIsReportedWithBothSides() throws {
        let start = try #require(Self.start)
        let report = try EquivalenceCheck().compare(
            Self.daily(hour: 2, minute: 30, policy: .javaQuartz),
            with: Self.daily(hour: 2, minute: 30, policy: .rfc5545),
            from: start, labels: ("quartz", "rrule"))
        #expect(report.differenceCount == 3)
        #expect(report.differences.map(\.reason) == [.dstGap, .dstGap, .dstGap])
        #expect(
            report.differences.first?.description
                == "source none, target 2026-03-08T07:30:00Z (dst-gap): 2026-03-08 02:30 America/New_York: quartz does not fire; rrule fires at 2026-03-08T07:30:00Z (03:30 -04:00)"
        )
    }

    @Test func overlapRunMovedByAnHourIsOneDifference() throws {
        let start = try #require(Self.start)
        let report = try EquivalenceCheck(
            horizon: try #require(VerificationHorizon(parsing: "365d", minimumOccurrences: 0))
        )
        .compare(
            Self.daily(hour: 1, minute: 30, policy: .javaQuartz),
            with: Self.daily(hour: 1, minute: 30, policy: .rfc5545),
            from: start, labels: ("quartz", "rrule"))
        #expect(report.differenceCount == 1)
        let difference = try #require(report.differences.first)
        #expect(difference.source?.description == "2026-11-01T06:30:00Z")
        #expect(difference.target?.description == "2026-11-01T05:30:00Z")
        #expect(difference.reason == .dstOverlap)
    }

    @Test func thirtyFirstVersusLastDayIsAMonthLengthDifference() throws {
        let start = try #require(Self.start)
        let thirtyFirst = Schedule.recurring(
            [ScheduleRule(days: .monthDays(MonthDaySet(days: [31])), dstPolicy: .rfc5545)], zone: "UTC")
        let lastDay = Schedule.recurring([ScheduleRule(days: .monthDays(.lastDay), dstPolicy: .rfc5545)], zone: "UTC")
        let report = try EquivalenceCheck(
            horizon: try #require(VerificationHorizon(parsing: "1y", minimumOccurrences: 0))
        )
        .compare(thirtyFirst, with: lastDay, from: start)
        #expect(report.differenceCount == 5)
        #expect(report.differences.allSatisfy { $0.reason == .monthLength })
        #expect(report.differences.first?.target?.description == "2026-02-28T00:00:00Z")
    }

    /// A whole Gregorian cycle of a daily schedule (its speed is measured by `scripts/bench-schedules`).
    @Test func fourHundredYearsOfADailyScheduleAreCompared() throws {
        let start = try #require(Self.start)
        let report = try EquivalenceCheck(horizon: try #require(VerificationHorizon(parsing: "400y")))
            .compare(
                Self.daily(hour: 9, minute: 0, policy: .rfc5545, zone: "Europe/Berlin"),
                with: Self.daily(hour: 9, minute: 0, policy: .javaQuartz, zone: "Europe/Berlin"), from: start)
        #expect(report.isExact)
        #expect(report.sourceOccurrences == 146_097)
    }
}
