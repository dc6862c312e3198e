import Testing

@testable import TaskgateCore

/// End to end: Quartz text in, instants out, against what Java Quartz 2.3.2 answers.
@Suite struct QuartzCronTests {
    /// A query and Java's answer, produced by scripts/oracles/quartz/QuartzOracle.java (the real
    /// `org.quartz.CronExpression` 2.3.2, chained as `CronTriggerImpl` does).
    struct JavaCase: CustomTestStringConvertible, Sendable {
        var expression: String
        var zone: String
        var start: String?
        var after: String
        var count: Int
        var expected: [String]

        init(
            _ expression: String, _ zone: String, start: String? = nil, after: String, count: Int, _ expected: [String]
        ) {
            self.expression = expression
            self.zone = zone
            self.start = start
            self.after = after
            self.count = count
            self.expected = expected
        }

        var testDescription: String { "\(expression) in \(zone)" }
    }

    static let javaCases: [JavaCase] = [
        JavaCase(
            "0 0 12 * * ?", "UTC", after: "2026-01-01T00:00:00Z", count: 3,
            ["2026-01-01T12:00:00Z", "2026-01-02T12:00:00Z", "2026-01-03T12:00:00Z"]),
        JavaCase(
            "0 15,45 9 * * ?", "UTC", after: "2026-01-01T00:00:00Z", count: 3,
            ["2026-01-01T09:15:00Z", "2026-01-01T09:45:00Z", "2026-01-02T09:15:00Z"]),
        JavaCase(
            "0 0 9-11 * * ?", "UTC", after: "2026-01-01T00:00:00Z", count: 4,
            ["2026-01-01T09:00:00Z", "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z", "2026-01-02T09:00:00Z"]),
        JavaCase(
            "0 0 22-2 * * ?", "UTC", after: "2026-01-01T12:00:00Z", count: 6,
            [
                "2026-01-01T22:00:00Z", "2026-01-01T23:00:00Z", "2026-01-02T00:00:00Z", "2026-01-02T01:00:00Z",
                "2026-01-02T02:00:00Z", "2026-01-02T22:00:00Z",
            ]),
        JavaCase(
            "0 0 */5 * * ?", "UTC", after: "2026-01-01T12:00:00Z", count: 5,
            [
                "2026-01-01T15:00:00Z", "2026-01-01T20:00:00Z", "2026-01-02T00:00:00Z", "2026-01-02T05:00:00Z",
                "2026-01-02T10:00:00Z",
            ]),
        JavaCase(
            "0 0 0 */2 * ?", "UTC", after: "2026-01-28T12:00:00Z", count: 4,
            ["2026-01-29T00:00:00Z", "2026-01-31T00:00:00Z", "2026-02-01T00:00:00Z", "2026-02-03T00:00:00Z"]),
        JavaCase(
            "0 0 0 1 7/6 ?", "UTC", after: "2026-01-01T00:00:00Z", count: 2,
            ["2026-07-01T00:00:00Z", "2027-07-01T00:00:00Z"]),
        JavaCase(
            "0 0 8 1 NOV-FEB ?", "UTC", after: "2026-01-15T00:00:00Z", count: 5,
            [
                "2026-02-01T08:00:00Z", "2026-11-01T08:00:00Z", "2026-12-01T08:00:00Z", "2027-01-01T08:00:00Z",
                "2027-02-01T08:00:00Z",
            ]),
        JavaCase(
            "0 0 8 ? * FRI-MON", "UTC", after: "2026-01-01T00:00:00Z", count: 5,
            [
                "2026-01-02T08:00:00Z", "2026-01-03T08:00:00Z", "2026-01-04T08:00:00Z", "2026-01-05T08:00:00Z",
                "2026-01-09T08:00:00Z",
            ]),
        JavaCase(
            "0 0 8 L * ?", "UTC", after: "2026-01-15T00:00:00Z", count: 3,
            ["2026-01-31T08:00:00Z", "2026-02-28T08:00:00Z", "2026-03-31T08:00:00Z"]),
        JavaCase(
            "0 0 8 L-3 * ?", "UTC", after: "2026-01-15T00:00:00Z", count: 3,
            ["2026-01-28T08:00:00Z", "2026-02-25T08:00:00Z", "2026-03-28T08:00:00Z"]),
        JavaCase(
            "0 0 8 LW * ?", "UTC", after: "2026-01-15T00:00:00Z", count: 3,
            ["2026-01-30T08:00:00Z", "2026-02-27T08:00:00Z", "2026-03-31T08:00:00Z"]),
        JavaCase(
            "0 0 8 L-2W * ?", "UTC", after: "2026-01-15T00:00:00Z", count: 3,
            ["2026-01-29T08:00:00Z", "2026-02-26T08:00:00Z", "2026-03-30T08:00:00Z"]),
        JavaCase(
            "0 0 8 15W * ?", "UTC", after: "2026-02-01T00:00:00Z", count: 1,
            ["2026-02-16T08:00:00Z"]),
        JavaCase(
            "0 0 8 15W * ?", "UTC", after: "2026-08-01T00:00:00Z", count: 1,
            ["2026-08-14T08:00:00Z"]),
        JavaCase(
            "0 0 8 1W * ?", "UTC", after: "2026-08-01T00:00:00Z", count: 1,
            ["2026-08-03T08:00:00Z"]),
        JavaCase(
            "0 0 8 31W * ?", "UTC", after: "2026-05-01T00:00:00Z", count: 3,
            ["2026-05-29T08:00:00Z", "2026-07-31T08:00:00Z", "2026-08-31T08:00:00Z"]),
        JavaCase(
            "0 0 8 ? * 2L", "UTC", after: "2026-01-01T00:00:00Z", count: 2,
            ["2026-01-26T08:00:00Z", "2026-02-23T08:00:00Z"]),
        JavaCase(
            "0 0 8 ? * FRIL", "UTC", after: "2026-01-01T00:00:00Z", count: 2,
            ["2026-01-30T08:00:00Z", "2026-02-27T08:00:00Z"]),
        JavaCase(
            "0 0 8 ? * 6#3", "UTC", after: "2026-01-01T00:00:00Z", count: 2,
            ["2026-01-16T08:00:00Z", "2026-02-20T08:00:00Z"]),
        JavaCase(
            "0 0 8 ? * FRI#5", "UTC", after: "2026-01-01T00:00:00Z", count: 2,
            ["2026-01-30T08:00:00Z", "2026-05-29T08:00:00Z"]),
        JavaCase(
            "0 0 8 ? * L", "UTC", after: "2026-01-01T00:00:00Z", count: 2,
            ["2026-01-03T08:00:00Z", "2026-01-10T08:00:00Z"]),
        JavaCase(
            "0 0 8 1 1 ? 2027-2028", "UTC", after: "2026-01-01T00:00:00Z", count: 3,
            ["2027-01-01T08:00:00Z", "2028-01-01T08:00:00Z"]),
        JavaCase(
            "0 0 8 1 1 ? 2126", "UTC", after: "2026-01-01T00:00:00Z", count: 2,
            ["2126-01-01T08:00:00Z"]),
        JavaCase(
            "0 0 8 1 1 ? 2127", "UTC", after: "2026-01-01T00:00:00Z", count: 2,
            []),
        JavaCase(
            "0 0 8 1,15W * ?", "UTC", after: "2026-01-15T00:00:00Z", count: 4,
            ["2026-02-02T08:00:00Z", "2026-03-02T08:00:00Z", "2026-04-01T08:00:00Z", "2026-05-01T08:00:00Z"]),
        JavaCase(
            "0 0 8 ? * MON/2", "UTC", after: "2026-01-15T00:00:00Z", count: 3,
            ["2026-01-19T08:00:00Z", "2026-01-26T08:00:00Z", "2026-02-02T08:00:00Z"]),
        JavaCase(
            "0 0 8 ? * 1-7/8", "UTC", after: "2026-01-15T00:00:00Z", count: 3,
            ["2026-01-18T08:00:00Z", "2026-01-25T08:00:00Z", "2026-02-01T08:00:00Z"]),
        JavaCase(
            "0 0 8 L-30 * ?", "UTC", after: "2026-01-15T00:00:00Z", count: 4,
            ["2026-03-01T08:00:00Z", "2026-05-01T08:00:00Z", "2026-07-01T08:00:00Z", "2026-08-01T08:00:00Z"]),
        JavaCase(
            "0 0 8 30 2 ?", "UTC", after: "2026-01-15T00:00:00Z", count: 1,
            []),
        JavaCase(
            "0 0 8 * * ? 1969", "UTC", after: "2026-01-15T00:00:00Z", count: 1,
            []),
        JavaCase(
            "0 0 8 * * ? 3000", "UTC", after: "2026-01-15T00:00:00Z", count: 1,
            []),
        JavaCase(
            "0 0 8 * * ? * extra", "UTC", after: "2026-01-15T00:00:00Z", count: 2,
            ["2026-01-15T08:00:00Z", "2026-01-16T08:00:00Z"]),
        JavaCase(
            "0 0 8 5X * ?", "UTC", after: "2026-01-15T00:00:00Z", count: 2,
            ["2026-02-05T08:00:00Z", "2026-03-05T08:00:00Z"]),
        JavaCase(
            "0 0 8 ? * MONDAY", "UTC", after: "2026-01-15T00:00:00Z", count: 2,
            ["2026-01-19T08:00:00Z", "2026-01-26T08:00:00Z"]),
        JavaCase(
            "99 0 8 1 * ?", "UTC", after: "2026-01-15T00:00:00Z", count: 3,
            ["2026-02-01T08:00:00Z", "2026-02-01T08:00:01Z", "2026-02-01T08:00:02Z"]),
        JavaCase(
            "0 0 8 ?X * MON", "UTC", after: "2026-01-15T00:00:00Z", count: 2,
            ["2026-01-19T08:00:00Z", "2026-01-26T08:00:00Z"]),
        JavaCase(
            "0 0 8 ? * */-5", "UTC", after: "2026-01-15T00:00:00Z", count: 2,
            ["2026-01-15T08:00:00Z", "2026-01-16T08:00:00Z"]),
        JavaCase(
            "0 0 8 ? * 0#2", "UTC", after: "2026-01-15T00:00:00Z", count: 2,
            ["2026-02-14T08:00:00Z", "2026-03-14T08:00:00Z"]),
        JavaCase(
            "0 0 8 ? * 8#2", "UTC", after: "2026-01-15T00:00:00Z", count: 2,
            []),
        JavaCase(
            "0 0 8 ? jan-jun/2 mon#1", "UTC", after: "2026-01-15T00:00:00Z", count: 3,
            ["2026-02-02T08:00:00Z", "2026-03-02T08:00:00Z", "2026-04-06T08:00:00Z"]),
        JavaCase(
            "0 30 2 * * ?", "America/New_York", after: "2026-03-07T00:00:00Z", count: 3,
            ["2026-03-07T07:30:00Z", "2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z"]),
        JavaCase(
            "0 30 1 * * ?", "America/New_York", after: "2026-10-31T12:00:00Z", count: 2,
            ["2026-11-01T06:30:00Z", "2026-11-02T06:30:00Z"]),
        JavaCase(
            "0 0/30 * * * ?", "America/New_York", after: "2026-11-01T04:00:00Z", count: 6,
            [
                "2026-11-01T04:30:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:00:00Z",
                "2026-11-01T07:30:00Z", "2026-11-01T08:00:00Z",
            ]),
        JavaCase(
            "0 0 * * * ?", "America/New_York", after: "2026-11-01T03:30:00Z", count: 4,
            ["2026-11-01T04:00:00Z", "2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z", "2026-11-01T08:00:00Z"]),
        JavaCase(
            "0 * * * * ?", "America/New_York", after: "2026-03-08T06:58:00Z", count: 3,
            ["2026-03-08T06:59:00Z", "2026-03-08T07:00:00Z", "2026-03-08T07:01:00Z"]),
        JavaCase(
            "0 0 * * * ?", "America/New_York", after: "2026-03-08T05:30:00Z", count: 3,
            ["2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z", "2026-03-08T08:00:00Z"]),
        JavaCase(
            "0 15 2 * * ?", "Australia/Lord_Howe", after: "2026-10-02T00:00:00Z", count: 3,
            ["2026-10-02T15:45:00Z", "2026-10-04T15:15:00Z", "2026-10-05T15:15:00Z"]),
        JavaCase(
            "0 45 1 * * ?", "Australia/Lord_Howe", after: "2026-04-04T00:00:00Z", count: 3,
            ["2026-04-04T15:15:00Z", "2026-04-05T15:15:00Z", "2026-04-06T15:15:00Z"]),
        JavaCase(
            "0 * 1 * * ?", "Australia/Lord_Howe", after: "2026-04-04T14:58:00Z", count: 4,
            ["2026-04-04T15:00:00Z", "2026-04-04T15:01:00Z", "2026-04-04T15:02:00Z", "2026-04-04T15:03:00Z"]),
        JavaCase(
            "0 0 3 * * ?", "Pacific/Chatham", after: "2026-09-26T00:00:00Z", count: 3,
            ["2026-09-27T13:15:00Z", "2026-09-28T13:15:00Z", "2026-09-29T13:15:00Z"]),
        JavaCase(
            "0 0 0 * * ?", "America/Santiago", after: "2026-09-05T12:00:00Z", count: 3,
            ["2026-09-07T03:00:00Z", "2026-09-08T03:00:00Z", "2026-09-09T03:00:00Z"]),
        JavaCase(
            "0 30 23 ? * 5L", "Africa/Cairo", after: "2026-10-01T00:00:00Z", count: 2,
            ["2026-10-29T21:30:00Z", "2026-11-26T21:30:00Z"]),
        JavaCase(
            "0 30 2 L-2 * ?", "Europe/Berlin", after: "2026-03-01T00:00:00Z", count: 2,
            ["2026-04-28T00:30:00Z", "2026-05-29T00:30:00Z"]),
        JavaCase(
            "0 0 8 ? * MON,TUE,WED,THU,FRI *", "America/New_York", start: "2026-04-04T01:00:00",
            after: "2026-04-04T05:00:00Z", count: 3,
            ["2026-04-06T12:00:00Z", "2026-04-07T12:00:00Z", "2026-04-08T12:00:00Z"]),
        JavaCase(
            "0 0 18 LW * ? *", "Europe/Berlin", start: "2026-01-01T01:00:00", after: "2025-12-31T23:00:00Z", count: 6,
            [
                "2026-01-30T17:00:00Z", "2026-02-27T17:00:00Z", "2026-03-31T16:00:00Z", "2026-04-30T16:00:00Z",
                "2026-05-29T16:00:00Z", "2026-06-30T16:00:00Z",
            ]),
        JavaCase(
            "0 30 9 ? * MON *", "Asia/Tokyo", start: "2026-06-01T09:00:00", after: "2026-05-31T00:00:00Z", count: 2,
            ["2026-06-01T00:30:00Z", "2026-06-08T00:30:00Z"]),
        JavaCase(
            "0 0 14 ? * FRI *", "Asia/Tokyo", start: "2026-06-01T09:00:00", after: "2026-05-31T00:00:00Z", count: 2,
            ["2026-06-05T05:00:00Z", "2026-06-12T05:00:00Z"]),
        JavaCase(
            "0 0 10 ? 1,4,7,10 6#3 *", "America/Chicago", start: "2025-12-31T18:00:00",
            after: "2025-12-31T00:00:00Z", count: 5,
            [
                "2026-01-16T16:00:00Z", "2026-04-17T15:00:00Z", "2026-07-17T15:00:00Z", "2026-10-16T15:00:00Z",
                "2027-01-15T16:00:00Z",
            ]),
        JavaCase(
            "0 * * * * ?", "America/New_York", start: "2026-11-01T01:10:00", after: "2026-11-01T00:00:00Z", count: 2,
            ["2026-11-01T06:10:00Z", "2026-11-01T06:11:00Z"]),
        JavaCase(
            "0 5 1 * * ?", "America/New_York", start: "2026-11-01T01:10:00", after: "2026-11-01T00:00:00Z", count: 1,
            ["2026-11-02T06:05:00Z"]),
        JavaCase(
            "0 45 2 * * ?", "America/New_York", start: "2026-03-08T02:30:00", after: "2026-03-08T00:00:00Z", count: 2,
            ["2026-03-09T06:45:00Z", "2026-03-10T06:45:00Z"]),
        JavaCase(
            "0 45 3 * * ?", "America/New_York", start: "2026-03-08T02:30:00", after: "2026-03-08T00:00:00Z", count: 2,
            ["2026-03-08T07:45:00Z", "2026-03-09T07:45:00Z"]),
    ]

    @Test(arguments: javaCases)
    func firesWhereJavaQuartzFires(_ query: JavaCase) throws {
        let schedule = try QuartzTestSupport.parse([query.expression], zone: query.zone, start: query.start)
        #expect(try QuartzTestSupport.next(schedule, after: query.after, count: query.count) == query.expected)
    }

    @Test func skipsTheDailyTimeInTheSpringGap() throws {
        // America/New_York springs from 02:00 EST to 03:00 EDT on 2026-03-08: 02:30 does not exist.
        let schedule = try QuartzTestSupport.parse(["0 30 2 * * ?"], zone: "America/New_York")
        #expect(
            try QuartzTestSupport.next(schedule, after: "2026-03-07T12:00:00Z", count: 2)
                == ["2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z"])
    }

    @Test func firesTheRepeatedTimeAtItsSecondPass() throws {
        // 01:30 occurs at 05:30Z (EDT) and 06:30Z (EST) on 2026-11-01; Java fires once, at 06:30Z.
        let schedule = try QuartzTestSupport.parse(["0 30 1 * * ?"], zone: "America/New_York")
        let fires = try QuartzTestSupport.between(schedule, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z")
        #expect(fires.map(\.description) == ["2026-11-01T06:30:00Z"])
    }

    @Test func everyHalfHourLosesTheFirstPassOfTheRepeatedHour() throws {
        let schedule = try QuartzTestSupport.parse(["0 0/30 * * * ?"], zone: "America/New_York")
        let fires = try QuartzTestSupport.between(schedule, "2026-11-01T04:00:00Z", "2026-11-01T08:00:00Z")
        #expect(
            fires.map(\.description) == [
                "2026-11-01T04:30:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:00:00Z",
                "2026-11-01T07:30:00Z",
            ])
    }

    @Test func startInsideTheRepeatedHourIsReadOnTheWallClock() throws {
        // Java started at 05:10Z (01:10 EDT) or at 06:10Z (01:10 EST) fires at 06:10Z either way.
        let schedule = try QuartzTestSupport.parse(
            ["0 * * * * ?"], zone: "America/New_York", start: "2026-11-01T01:10:00")
        #expect(schedule.window.start == .local(try QuartzTestSupport.local("2026-11-01T01:10:00")))
        #expect(
            try QuartzTestSupport.next(schedule, after: "2026-11-01T05:00:00Z", count: 2)
                == ["2026-11-01T06:10:00Z", "2026-11-01T06:11:00Z"])
    }

    @Test func startInsideTheSpringGapMovesForwardByTheGap() throws {
        // Java's lenient calendar reads 02:30 on 2026-03-08 as 03:30 EDT.
        let schedule = try QuartzTestSupport.parse(
            ["0 45 3 * * ?"], zone: "America/New_York", start: "2026-03-08T02:30:00")
        #expect(schedule.window.start == .local(try QuartzTestSupport.local("2026-03-08T03:30:00")))
        #expect(
            try QuartzTestSupport.next(schedule, after: "2026-03-08T00:00:00Z", count: 1) == ["2026-03-08T07:45:00Z"])
    }

    @Test func windowEndPassesThrough() throws {
        let end = TimePoint.instant(try QuartzTestSupport.instant("2026-01-03T08:00:00Z"))
        let context = DialectContext(zone: "UTC", end: end, reference: QuartzTestSupport.reference)
        let schedule = try Dialect.quartz.parse(["0 0 8 * * ?"], context: context)
        #expect(schedule.window.end == end)
        #expect(
            try QuartzTestSupport.next(schedule, after: "2026-01-01T00:00:00Z", count: 5)
                == ["2026-01-01T08:00:00Z", "2026-01-02T08:00:00Z", "2026-01-03T08:00:00Z"])
    }

    @Test func severalLinesAreTheUnionOfTheirRules() throws {
        // wyn.md §8.3: 09:30 on Mondays and 14:00 on Fridays, Tokyo.
        let schedule = try QuartzTestSupport.parse(
            ["0 30 9 ? * MON *", "0 0 14 ? * FRI *"], zone: "Asia/Tokyo", start: "2026-06-01T09:00:00")
        #expect(schedule.rules.count == 2)
        #expect(
            try QuartzTestSupport.next(schedule, after: "2026-05-31T00:00:00Z", count: 4) == [
                "2026-06-01T00:30:00Z", "2026-06-05T05:00:00Z", "2026-06-08T00:30:00Z", "2026-06-12T05:00:00Z",
            ])
    }

    @Test func lastYearIsAHundredYearsAfterTheReference() throws {
        let line = "0 0 8 31 12 ? *"
        let in2026 = try QuartzTestSupport.parse([line])
        #expect(
            try QuartzTestSupport.next(in2026, after: "2125-06-01T00:00:00Z", count: 3)
                == ["2125-12-31T08:00:00Z", "2126-12-31T08:00:00Z"])
        let in2030 = try QuartzTestSupport.parse([line], reference: QuartzTestSupport.instant("2030-01-01T00:00:00Z"))
        #expect(
            try QuartzTestSupport.next(in2030, after: "2129-06-01T00:00:00Z", count: 3)
                == ["2129-12-31T08:00:00Z", "2130-12-31T08:00:00Z"])
    }

    @Test func thirtyFirstNearestWeekdayAlsoFiresOnFridayTheThirtieth() throws {
        // Measured on Java 2.3.2: in a chain through 2027, `31W` fires on Friday 2027-04-30 (the
        // 31st would be Saturday 1 May), though April has no 31st.
        let schedule = try QuartzTestSupport.parse(["0 0 8 31W * ?"])
        #expect(
            try QuartzTestSupport.next(schedule, after: "2027-03-01T00:00:00Z", count: 3)
                == ["2027-03-31T08:00:00Z", "2027-04-30T08:00:00Z", "2027-05-31T08:00:00Z"])
    }

    @Test func lordHoweKeepsATimeJavaLosesAfterTheHalfHourGap() throws {
        // Lord Howe springs from 02:00 to 02:30 on 2026-10-04. Java reads 02:15 as 02:45 and
        // searches on from there, so it never fires the existing 02:40 (15:40Z); taskgate's gap
        // policy (skip) keeps it. Known limitation, pinned in the differential (java-gap-lenient).
        let schedule = try QuartzTestSupport.parse(["0 15,40 * * * ?"], zone: "Australia/Lord_Howe")
        #expect(
            try QuartzTestSupport.next(schedule, after: "2026-10-03T15:00:00Z", count: 3)
                == ["2026-10-03T15:10:00Z", "2026-10-03T15:40:00Z", "2026-10-03T16:15:00Z"])
    }

    @Test func chathamKeepsATimeJavaLosesAfterTheGap() throws {
        // Chatham springs from 02:45 +12:45 to 03:45 +13:45 on 2026-09-27. Java reads 03:00 as
        // 04:00 and never fires the existing 03:50 (14:05Z on the 26th); taskgate does.
        let schedule = try QuartzTestSupport.parse(["0 50 3 * * ?"], zone: "Pacific/Chatham")
        #expect(
            try QuartzTestSupport.next(schedule, after: "2026-09-26T00:00:00Z", count: 2)
                == ["2026-09-26T14:05:00Z", "2026-09-27T14:05:00Z"])
    }

    @Test func trollKeepsATimeJavaLosesAfterTheTwoHourGap() throws {
        // Troll springs from 01:00 +00 to 03:00 +02 on 2026-03-29. Java's setCalendarHour reads
        // 01:30 as 03:30, finds hour 3 != 1, sets hour 2, which its lenient calendar reads as 04:30:
        // the existing 03:30 (01:30Z) is lost; Java's next fire is 23:30Z (Monday 01:30 +02).
        let schedule = try QuartzTestSupport.parse(["0 30 1,3 * * ?"], zone: "Antarctica/Troll")
        #expect(
            try QuartzTestSupport.next(schedule, after: "2026-03-28T12:00:00Z", count: 2)
                == ["2026-03-29T01:30:00Z", "2026-03-29T23:30:00Z"])
    }

    @Test func rejectsAnEmptyListOfLines() {
        #expect(throws: ScheduleSyntaxError.self) {
            try QuartzTestSupport.parse([String]())
        }
    }

    @Test func errorPointsAtTheColumnOfTheOriginalText() throws {
        let error = try #require(throws: ScheduleSyntaxError.self) {
            try QuartzTestSupport.parse(["0 0 8 ? * mon-5"])
        }
        #expect(error.value == "mon-5")
        #expect(error.offset == 10)
        #expect(error.caretDiagram == "0 0 8 ? * mon-5\n          ^")
    }
}
