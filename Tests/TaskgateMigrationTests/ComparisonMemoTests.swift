import Testing

@testable import TaskgateCore
@testable import TaskgateMigration

@Suite struct ComparisonMemoTests {
    static let context = DialectContext(
        zone: "Europe/Berlin", reference: Instant(secondsSinceEpoch: 1_767_225_600))  // 2026-01-01T00:00:00Z
    static let start = Instant(secondsSinceEpoch: 1_767_225_600)

    static func quartz(_ text: String, zone: String = "Europe/Berlin") throws -> Schedule {
        var context = Self.context
        context.zone = zone
        return try Dialect.quartz.parse([text], context: context)
    }

    @Test func aRememberedReportIsTheOneAComparisonGives() throws {
        let memo = MigrationRunner.ComparisonMemo()
        let check = EquivalenceCheck()
        let weekdays = try Self.quartz("0 0 8 ? * MON-FRI")
        let everyDay = try Self.quartz("0 0 8 * * ?")
        let direct = try check.compare(weekdays, with: everyDay, from: Self.start)
        #expect(!direct.isExact)
        #expect(try memo.compare(weekdays, with: everyDay, check, from: Self.start) == direct)
        #expect(try memo.compare(weekdays, with: everyDay, check, from: Self.start) == direct)
        #expect(memo.count == 1)
        // The pair is ordered: source and target swapped is another comparison.
        #expect(try memo.compare(everyDay, with: weekdays, check, from: Self.start).isExact == false)
        #expect(try memo.compare(weekdays, with: weekdays, check, from: Self.start).isExact)
        #expect(memo.count == 3)
    }

    @Test func anUnknownZoneIsThrownAgainAndTheMemoIsBounded() throws {
        let memo = MigrationRunner.ComparisonMemo(capacity: 2)
        let check = EquivalenceCheck()
        let mars = try Self.quartz("0 0 8 * * ?", zone: "Mars/Olympus_Mons")
        let berlin = try Self.quartz("0 0 8 * * ?")
        for _ in 0..<2 {
            let error = #expect(throws: UnknownTimeZoneError.self) {
                try memo.compare(mars, with: berlin, check, from: Self.start)
            }
            #expect(
                error?.description
                    == "unknown time zone 'Mars/Olympus_Mons'; expected an IANA name such as Europe/Berlin")
        }
        #expect(memo.count == 1)
        // Full: the memo starts again from empty rather than growing with every distinct pair.
        _ = try memo.compare(berlin, with: berlin, check, from: Self.start)
        _ = try memo.compare(berlin, with: try Self.quartz("0 0 9 * * ?"), check, from: Self.start)
        #expect(memo.count == 1)
    }
}
