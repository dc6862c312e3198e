import TaskgateTestSupport
import Testing

@testable import TaskgateCore

/// vCO recurrences enumerated: the worked examples of vco.md §9 with their stated instants, the
/// window from the context, and the assumed DST behaviour of each cycle.
@Suite struct VcoRecurrenceDialectTests {
    static func context(start: String?, end: String? = nil, zone: String = "UTC") throws -> DialectContext {
        DialectContext(
            zone: zone, start: try start.map(DialectTesting.local),
            end: try end.map { .instant(try DialectTesting.instant($0)) },
            reference: DialectTesting.reference)
    }

    static func next(_ text: String, context: DialectContext, after: String, count: Int) throws -> [String] {
        try Dialect.vco.parse([text], context: context).nextOccurrences(
            after: DialectTesting.instant(after), count: count
        )
        .map(\.description)
    }

    @Test func weekdayMorningsInNewYork() throws {
        // §9.1: from Sat 4 Apr 2026 05:00Z; Mon 6 Apr 12:00Z, Tue 7 Apr 12:00Z; after 1 Nov at 13:00Z.
        let text =
            "every-weeks (America/New_York) Monday 08:00:00,Tuesday 08:00:00,Wednesday 08:00:00,Thursday 08:00:00,Friday 08:00:00,"
        let context = try Self.context(start: "2026-04-04T05:00:00")
        #expect(
            try Self.next(text, context: context, after: "2026-01-01T00:00:00Z", count: 2)
                == ["2026-04-06T12:00:00Z", "2026-04-07T12:00:00Z"])
        #expect(
            try Self.next(text, context: context, after: "2026-11-01T00:00:00Z", count: 1) == ["2026-11-02T13:00:00Z"])
        let schedule = try Dialect.vco.parse([text], context: context)
        #expect(schedule.rules.count == 1)
        #expect(schedule.zone == "America/New_York")
    }

    @Test func firstAndTwelfthInZurichBounded() throws {
        // §9.2: 12 Jan 2050 00:00 CET (11 Jan 23:00Z), 1 Feb 2050 (31 Jan 23:00Z), 12 Feb 2050, 1 Mar 2050.
        let text = "every-months (Europe/Zurich) 01 00:00:00,12 00:00:00,"
        let context = try Self.context(start: "2050-01-06T05:02:00", end: "2055-01-06T05:02:00Z")
        #expect(
            try Self.next(text, context: context, after: "2049-01-01T00:00:00Z", count: 4)
                == ["2050-01-11T23:00:00Z", "2050-01-31T23:00:00Z", "2050-02-11T23:00:00Z", "2050-02-28T23:00:00Z"])
        #expect(
            try Self.next(text, context: context, after: "2054-12-20T00:00:00Z", count: 3) == ["2054-12-31T23:00:00Z"])
    }

    @Test func twiceADayAtDifferentMinutes() throws {
        // §9.3: two items, not a product; 29 Mar 2026 has no gap at either time.
        let text = "every-days (Europe/Zurich) 01:00:00,19:30:00,"
        let context = try Self.context(start: "2026-03-01T00:00:00")
        #expect(
            try Self.next(text, context: context, after: "2026-03-28T00:00:00Z", count: 4)
                == ["2026-03-28T18:30:00Z", "2026-03-29T00:00:00Z", "2026-03-29T17:30:00Z", "2026-03-29T23:00:00Z"])
        #expect(try Dialect.vco.parse([text], context: context).rules.count == 2)
    }

    @Test func everyHourAtFifteenFifteenForAWeek() throws {
        // §9.4: no zone prefix (the context's zone), start and end from the context.
        let context = try Self.context(start: "2012-01-31T11:00:00", end: "2012-02-05T11:00:00Z")
        #expect(
            try Self.next("every-hours 15:15", context: context, after: "2012-01-01T00:00:00Z", count: 3)
                == ["2012-01-31T11:15:15Z", "2012-01-31T12:15:15Z", "2012-01-31T13:15:15Z"])
        #expect(
            try Self.next("every-hours 15:15", context: context, after: "2012-02-05T10:00:00Z", count: 3)
                == ["2012-02-05T10:15:15Z"])
    }

    @Test func oneTimeRunAtTheStart() throws {
        // §9.5: 08:30 Zurich summer time on 1 Jul 2026.
        let schedule = try Dialect.vco.parse(
            ["one-time (Europe/Zurich) "], context: Self.context(start: "2026-07-01T06:30:00"))
        #expect(schedule.kind == .once(try DialectTesting.instant("2026-07-01T06:30:00Z")))
        #expect(schedule.zone == "Europe/Zurich")
    }

    @Test func startIsReadInTheContextsZone() throws {
        let context = try Self.context(start: "2026-04-04T01:00:00", zone: "America/New_York")
        let schedule = try Dialect.vco.parse(["every-days (Europe/Zurich) 08:00:00,"], context: context)
        #expect(schedule.window.start == .instant(try DialectTesting.instant("2026-04-04T05:00:00Z")))
    }

    @Test func startIsTheReferenceWhenTheContextHasNone() throws {
        let schedule = try Dialect.vco.parse(["every-days (UTC) 00:00:00,"], context: Self.context(start: nil))
        #expect(schedule.window.start == .instant(DialectTesting.reference))
        #expect(
            try schedule.nextOccurrences(after: DialectTesting.instant("2025-12-01T00:00:00Z"), count: 2).map(
                \.description)
                == ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"])
    }

    @Test func dayThirtyOneSkipsShortMonths() throws {
        let context = try Self.context(start: "2026-01-01T00:00:00")
        #expect(
            try Self.next("every-months (UTC) 31 12:00:00,", context: context, after: "2026-01-01T00:00:00Z", count: 3)
                == ["2026-01-31T12:00:00Z", "2026-03-31T12:00:00Z", "2026-05-31T12:00:00Z"])
    }

    @Test(arguments: [
        // Calendar cycles resolve a wall-clock time as java.util.GregorianCalendar does:
        // a gap time moves forward by the gap, a repeated time takes its second pass.
        (
            "every-days (America/New_York) 02:30:00,", "2026-03-08T00:00:00Z",
            ["2026-03-08T07:30:00Z", "2026-03-09T06:30:00Z"]
        ),
        (
            "every-days (America/New_York) 01:30:00,", "2026-11-01T00:00:00Z",
            ["2026-11-01T06:30:00Z", "2026-11-02T06:30:00Z"]
        ),
        (
            "every-weeks (Australia/Lord_Howe) Sunday 02:15:00,", "2026-10-01T00:00:00Z",
            ["2026-10-03T15:45:00Z", "2026-10-10T15:15:00Z"]
        ),
        (
            "every-months (Australia/Lord_Howe) 05 01:45:00,", "2026-04-01T00:00:00Z",
            ["2026-04-04T15:15:00Z", "2026-05-04T15:15:00Z"]
        ),
        // Minute and hour cycles run at the minutes the clock shows.
        (
            "every-hours (America/New_York) 30:00,", "2026-03-08T05:00:00Z",
            ["2026-03-08T05:30:00Z", "2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z"]
        ),
        (
            "every-hours (America/New_York) 30:00,", "2026-11-01T05:00:00Z",
            ["2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z"]
        ),
        (
            "every-minutes (Australia/Lord_Howe) 00,", "2026-10-03T15:28:30Z",
            ["2026-10-03T15:29:00Z", "2026-10-03T15:30:00Z", "2026-10-03T15:31:00Z"]
        ),
    ])
    func firesAtTheAssumedInstantsAroundDSTChanges(text: String, after: String, expected: [String]) throws {
        let context = try Self.context(start: "2026-01-01T00:00:00")
        #expect(try Self.next(text, context: context, after: after, count: expected.count) == expected)
    }
}

extension VcoRecurrenceDialectTests {
    /// A random pattern of a random cycle, in lenient spellings.
    static func randomPattern(_ generator: inout SplitMix64) -> String {
        let cycles = ["every-minutes", "EVERY_HOURS", "every-days", "every-weeks", "Every-Months"]
        let cycle = cycles.randomElement(using: &generator) ?? "every-days"
        let zone =
            ["(UTC) ", "(America/New_York) ", "(Australia/Lord_Howe) ", ""].randomElement(using: &generator) ?? ""
        let count = Int.random(in: 1...12, using: &generator)
        let weekdays = ["Monday", "tue", "WED", "Thursday", "fri", "Saturday", "sun"]
        let items = (0..<count).map { _ -> String in
            let hour = [Int.random(in: 0...23, using: &generator), 1, 2][Int.random(in: 0...2, using: &generator)]
            let minute = [0, 15, 30, 45, Int.random(in: 0...59, using: &generator)][
                Int.random(in: 0...4, using: &generator)]
            let second = Bool.random(using: &generator) ? 0 : Int.random(in: 0...59, using: &generator)
            let time = "\(hour):\(minute):\(second)"
            switch cycle {
            case "every-minutes": return "\(second)"
            case "EVERY_HOURS": return "\(minute):\(second)"
            case "every-weeks": return (weekdays.randomElement(using: &generator) ?? "Monday") + " " + time
            case "Every-Months": return "\(Int.random(in: 1...31, using: &generator)) " + time
            default: return time
            }
        }
        return cycle + " " + zone + items.joined(separator: Bool.random(using: &generator) ? "," : " , ")
            + (Bool.random(using: &generator) ? "," : "")
    }

    @Test func roundTripsGeneratedPatterns() throws {
        var generator = SplitMix64(seed: 7)
        var failures: [String] = []
        for _ in 0..<500 {
            let text = Self.randomPattern(&generator)
            let result = try DialectTesting.roundTrip(.vco, [text], zone: "Europe/Berlin", start: "2026-04-04T05:00:00")
            if !result.equal { failures.append(text) }
            let again = try DialectTesting.roundTrip(.vco, result.printed.lines, zone: result.printed.context.zone)
            if again.printed.lines != result.printed.lines { failures.append("not stable: \(text)") }
        }
        #expect(failures == [])
    }
}
