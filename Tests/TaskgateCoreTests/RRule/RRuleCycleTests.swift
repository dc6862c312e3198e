import Foundation
import TaskgateTestSupport
import Testing

@testable import TaskgateCore

/// Counted rules step over whole cycles of their candidates, and a rule whose cycle holds no
/// candidate stops: the same instants as listing every candidate, in a fraction of the time.
@Suite struct RRuleCycleTests {
    /// Found by fuzz-rrule: 36,608,366 counted candidates from the year 1009, wanted after 9300.
    /// Listing them took 0.8 s in a release build and 97 s under the fuzzer. The instants are
    /// those the enumeration gave before cycles were stepped over.
    @Test func aCountedRuleFromTheYear1009IsReadAfterTheYear9300() throws {
        let started = ContinuousClock.now
        let instants = try RRuleTesting.next(
            [
                "DTSTART;TZID=Pacific/Chatham:10090205T190000",
                "RRULE:FREQ=HOURLY;INTERVAL=4;BYSECOND=1,30;BYSETPOS=1,-2;COUNT=36608366",
            ], zone: "Pacific/Chatham", after: "9300-01-01T00:00:00Z", count: 4)
        #expect(
            instants == [
                "9300-01-01T01:15:01Z", "9300-01-01T05:15:01Z", "9300-01-01T09:15:01Z", "9300-01-01T13:15:01Z",
            ])
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    /// COUNT reaches 2,147,483,647 (ten digits). Its end is found by stepping over cycles: the
    /// last of 2,000,000,000 minutes is 1,999,999,999 minutes after the anchor.
    @Test func theEndOfTwoBillionMinutesMovesIntoTheWindow() throws {
        let schedule = try RRuleTesting.parse(["DTSTART:20260101T000000", "RRULE:FREQ=MINUTELY;COUNT=2000000000"])
        guard case .recurring(let rules) = schedule.kind else {
            Issue.record("not recurring")
            return
        }
        let started = ContinuousClock.now
        let last = RuleEndsToWindow.lastInstant(ofCounted: try #require(rules.first), in: schedule)
        #expect(last?.description == "5828-08-25T21:19:00Z")
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    /// A schedule whose window has no start still counts from the rule's anchor: 1,000 days from
    /// 2026-01-01 end on 2028-09-26. Without a local window start, the count used to start where
    /// the enumeration was asked to (a day before the last, or wherever `after` was).
    @Test func theEndOfACountedRuleWithoutAWindowStartCountsFromItsAnchor() throws {
        let anchor = try RRuleTesting.local("2026-01-01T09:00:00")
        let rule = ScheduleRule(
            seconds: FieldSet([0]), minutes: FieldSet([0]), hours: FieldSet([9]),
            interval: RuleInterval(step: .calendar(.day, every: 1), anchor: anchor, count: 1_000), dstPolicy: .wallClock
        )
        let schedule = Schedule.recurring([rule], zone: "UTC")
        #expect(RuleEndsToWindow.lastInstant(ofCounted: rule, in: schedule)?.description == "2028-09-26T09:00:00Z")
        let after = try RRuleTesting.instant("2028-09-25T12:00:00Z")
        #expect(try schedule.nextOccurrences(after: after, count: 3).map(\.description) == ["2028-09-26T09:00:00Z"])
    }

    /// A duration rule (an ISO 8601 `R5/…/PT7M`) has no calendar candidates to step over: its end
    /// is found by listing, 28 minutes after its anchor.
    @Test func theEndOfACountedDurationRuleIsListed() throws {
        let schedule = try Dialect.iso8601.parse(
            ["R5/2026-01-01T00:00:00Z/PT7M"],
            context: RRuleTesting.context(zone: "UTC", start: nil, reference: "2026-01-01T00:00:00Z"))
        guard case .recurring(let rules) = schedule.kind, let rule = rules.first, case .duration = rule.interval?.step
        else {
            Issue.record("expected one duration rule")
            return
        }
        #expect(RuleEndsToWindow.lastInstant(ofCounted: rule, in: schedule)?.description == "2026-01-01T00:28:00Z")
    }

    /// Found by fuzz-rrule: every 7 hours from a Monday midnight never meets Sunday's hours 0 and 1
    /// (Sunday starts 144 hours in, 4 past a multiple of 7); a week with one time has no ninth or
    /// fourth from last; every 12 months from January is never February. The searches used to
    /// run to year 9999.
    @Test(arguments: [
        ["DTSTART:00010101T000000", "RRULE:FREQ=HOURLY;INTERVAL=7;BYDAY=SU;BYHOUR=0,1"],
        ["DTSTART:00010101T000000", "RRULE:FREQ=WEEKLY;BYHOUR=0,4,8;BYSETPOS=9,-4"],
        ["DTSTART:00010101T000000", "RRULE:FREQ=MONTHLY;INTERVAL=12;BYMONTH=2"],
    ])
    func aRuleWhoseCycleHoldsNothingEndsWithoutSearchingToYear9999(lines: [String]) throws {
        let started = ContinuousClock.now
        #expect(try RRuleTesting.next(lines, after: "0001-01-01T00:00:00Z", count: 1) == [])
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    /// A cycle that holds candidates is no reason to stop: Sunday 01:00 is 145 hours after a
    /// Monday 00:00 and 145 = 7 × 20 + 5, so every 7 hours from 05:00 meets it once a week.
    @Test func aRuleInPhaseWithItsWeekdaysKeepsFiring() throws {
        let instants = try RRuleTesting.next(
            ["DTSTART:00010101T050000", "RRULE:FREQ=HOURLY;INTERVAL=7;BYDAY=SU;BYHOUR=0,1"],
            after: "9999-12-01T00:00:00Z", count: 5)
        #expect(
            instants == [
                "9999-12-05T01:00:00Z", "9999-12-12T01:00:00Z", "9999-12-19T01:00:00Z", "9999-12-26T01:00:00Z",
            ])
    }

    /// The cycles of the three kinds of day pattern and of month periods.
    @Test func cyclesAreCommonMultiplesOfPeriodAndDayPattern() throws {
        func cycle(_ line: String) throws -> Int64? {
            let schedule = try RRuleTesting.parse(["DTSTART:20260105T000000", line])
            guard case .recurring(let rules) = schedule.kind, let rule = rules.first, let interval = rule.interval,
                case .calendar(let unit, let every) = interval.step
            else { return nil }
            let periods = RulePeriods(unit: unit, every: every, anchor: interval.anchor, weekStart: interval.weekStart)
            return CandidateCycle.seconds(of: rule, periods: periods)
        }
        #expect(try cycle("RRULE:FREQ=HOURLY;INTERVAL=5") == 5 * 86_400)
        #expect(try cycle("RRULE:FREQ=HOURLY;INTERVAL=7;BYDAY=SU") == 7 * 86_400)
        #expect(try cycle("RRULE:FREQ=HOURLY;INTERVAL=5;BYDAY=SU") == 35 * 86_400)
        #expect(try cycle("RRULE:FREQ=WEEKLY;BYHOUR=0,4,8") == 7 * 86_400)
        #expect(try cycle("RRULE:FREQ=DAILY;BYMONTHDAY=1") == CandidateCycle.gregorianSeconds)
        #expect(try cycle("RRULE:FREQ=DAILY;INTERVAL=2;BYMONTHDAY=1") == 2 * CandidateCycle.gregorianSeconds)
        #expect(try cycle("RRULE:FREQ=MONTHLY;INTERVAL=7") == 7 * CandidateCycle.gregorianSeconds)
        #expect(try cycle("RRULE:FREQ=YEARLY;INTERVAL=3") == 3 * CandidateCycle.gregorianSeconds)
        #expect(try cycle("RRULE:FREQ=YEARLY;INTERVAL=97") == nil)
    }

    /// Generated counted rules: the instants after a time far from the anchor, and the last
    /// instant, equal those of a walk through every candidate from the anchor.
    @Test(arguments: 0..<4)
    func steppingOverCyclesGivesTheInstantsOfTheWalk(seed: UInt64) throws {
        var generator = SplitMix64(seed: 0x5EED_C0DE + seed)
        var stepped = 0
        for _ in 0..<40 {
            let lines = CountedRuleGenerator.lines(using: &generator)
            let zone = CountedRuleGenerator.zones[Int(generator.next() % UInt64(CountedRuleGenerator.zones.count))]
            let schedule = try RRuleTesting.parse(lines, zone: zone)
            guard case .recurring(let rules) = schedule.kind, let rule = rules.first, let interval = rule.interval
            else { continue }
            let anchor = Instant(secondsSinceEpoch: interval.anchor.secondsSinceEpoch - 14 * 3600 - 1)
            let walk = try schedule.occurrences(after: anchor).map { $0 }
            let comment = Comment(rawValue: lines.joined(separator: " | ") + " in " + zone)
            #expect(RuleEndsToWindow.lastInstant(ofCounted: rule, in: schedule) == walk.last, comment)
            guard walk.count > 40 else { continue }
            for fraction in [3, 2] {
                let index = walk.count - walk.count / fraction
                let after = walk[index - 1].adding(seconds: Int64(generator.next() % 2))
                let expected = Array(walk.drop { $0 <= after }.prefix(5))
                #expect(try schedule.nextOccurrences(after: after, count: 5) == expected, comment)
            }
            stepped += 1
        }
        #expect(stepped >= 15)
    }
}

/// Counted RRULEs whose candidates span many cycles: dense rules, rules by weekday, by month
/// day and with set positions, two thousand to forty thousand candidates.
enum CountedRuleGenerator {
    static let zones = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham"]

    static func lines(using generator: inout SplitMix64) -> [String] {
        func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
        let frequency = pick(["MINUTELY", "HOURLY", "HOURLY", "DAILY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"])
        var parts = ["FREQ=" + frequency]
        let every = pick([1, 1, 2, 3, 5, 7, 12, 13])
        if every > 1 { parts.append("INTERVAL=\(every)") }
        if frequency != "MINUTELY", generator.next() % 2 == 0 { parts.append("BYMINUTE=" + pick(["0", "15,45", "7"])) }
        if generator.next() % 2 == 0 { parts.append("BYSECOND=" + pick(["0", "1,30"])) }
        switch generator.next() % 5 {
        case 0: parts.append("BYDAY=" + pick(["SU", "MO,WE,FR", "SA,SU"]))
        case 1 where frequency != "WEEKLY": parts.append("BYMONTHDAY=" + pick(["1", "-1", "29,30"]))
        case 2 where frequency == "MONTHLY" || frequency == "YEARLY": parts.append("BYDAY=" + pick(["1MO", "-1FR"]))
        default: break
        }
        if generator.next() % 4 == 0 {
            // BYSETPOS needs another BYxxx part (RFC 5545).
            if !parts.contains(where: { $0.hasPrefix("BY") }) { parts.append("BYHOUR=9,17") }
            parts.append("BYSETPOS=" + pick(["1", "-1", "1,-1", "2"]))
        }
        let count = pick([2_000, 10_000, 40_000])
        parts.append("COUNT=\(count)")
        let year = 1700 + Int(generator.next() % 400)
        let month = 1 + Int(generator.next() % 12)
        let day = 1 + Int(generator.next() % 28)
        let hour = Int(generator.next() % 24)
        let start = String(format: "DTSTART:%04d%02d%02dT%02d%02d%02d", year, month, day, hour, 0, 0)
        return [start, "RRULE:" + parts.joined(separator: ";")]
    }
}
