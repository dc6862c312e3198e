import TaskgateTestSupport
import Testing

@testable import TaskgateCore

/// Writing fylr schedule objects (fylr.md §11.7): all five keys, full lists, names, integers,
/// day blocks for n-th weekdays, and every refusal word for word.
@Suite struct FieldSchedulePrinterTests {
    static let allMinutes = "[" + (0...59).map(String.init).joined(separator: ",") + "]"
    static let allHours = "[" + (0...23).map(String.init).joined(separator: ",") + "]"

    static func rule(
        minutes: [Int] = [0], hours: [Int] = [8], days: DaySelector = .everyDay, policy: DSTPolicy = .wallClock
    ) -> ScheduleRule {
        ScheduleRule(minutes: FieldSet(minutes), hours: FieldSet(hours), days: days, dstPolicy: policy)
    }

    static func printed(_ rules: [ScheduleRule], zone: String = "Europe/Berlin") throws -> [String] {
        try Dialect.fylr.print(.recurring(rules, zone: zone)).lines
    }

    @Test func writesAllFiveKeysInOrder() throws {
        let days = DaySelector.weekdays(WeekdaySet(every: [Weekday.monday]))
        #expect(
            try Self.printed([Self.rule(days: days)])
                == [#"{"minutes":[0],"hours":[8],"weekdays":["monday"],"days_of_month":[],"timezone":"Europe/Berlin"}"#]
        )
    }

    @Test func writesFullListsForEveryValue() throws {
        let rule = ScheduleRule(minutes: .everyMinute, hours: .everyHour, dstPolicy: .wallClock)
        #expect(
            try Self.printed([rule], zone: "UTC")
                == [
                    #"{"minutes":\#(Self.allMinutes),"hours":\#(Self.allHours),"weekdays":[],"days_of_month":[],"timezone":"UTC"}"#
                ])
    }

    @Test func writesTheWorkedExamplesBack() throws {
        let mornings = try DialectTesting.roundTrip(.fylr, [FieldScheduleReaderTests.weekdayMornings])
        #expect(mornings.equal)
        #expect(
            mornings.printed.lines == [
                #"{"minutes":[30],"hours":[7],"weekdays":["monday","tuesday","wednesday","thursday","friday"],"days_of_month":[],"timezone":"Europe/Berlin"}"#
            ])
        let sunday = try DialectTesting.roundTrip(.fylr, [FieldScheduleReaderTests.firstSunday])
        #expect(sunday.equal)
        #expect(
            sunday.printed.lines == [
                #"{"minutes":[0],"hours":[10],"weekdays":["sunday"],"days_of_month":[1,2,3,4,5,6,7],"timezone":"Europe/Berlin"}"#
            ])
        let ninety = try DialectTesting.roundTrip(.fylr, [FieldScheduleReaderTests.everyNinetyMinutes])
        #expect(ninety.equal)
        #expect(ninety.printed.lines.count == 2)
    }

    @Test(arguments: [
        FieldScheduleReaderTests.fridayThirteenth, FieldScheduleReaderTests.businessHours,
        #"{"weekdays":["Sun","sat"],"hours":[],"minutes":[5,35]}"#,
        #"{"days_of_month":[29,30,31],"hours":[23],"minutes":[59]}"#,
    ])
    func roundTrips(text: String) throws {
        #expect(try DialectTesting.roundTrip(.fylr, [text], zone: "America/New_York").equal)
    }

    @Test func writesTheNthWeekdayAsADayBlockThatReadsBackExactly() throws {
        let ordinals = WeekdaySet(ordinals: [
            OrdinalWeekday(.monday, 1), OrdinalWeekday(.friday, 1), OrdinalWeekday(.tuesday, 5),
            OrdinalWeekday(.tuesday, 2),
        ])
        let source = Schedule.recurring([Self.rule(days: .weekdays(ordinals))], zone: "UTC")
        let text = try Dialect.fylr.print(source)
        #expect(
            text.lines == [
                #"{"minutes":[0],"hours":[8],"weekdays":["monday","friday"],"days_of_month":[1,2,3,4,5,6,7],"timezone":"UTC"}"#,
                #"{"minutes":[0],"hours":[8],"weekdays":["tuesday"],"days_of_month":[8,9,10,11,12,13,14,29,30,31],"timezone":"UTC"}"#,
            ])
        let readBack = try Dialect.fylr.parse(text.lines, context: text.context)
        let from = try DialectTesting.instant("2026-01-01T00:00:00Z")
        let through = try DialectTesting.instant("2030-01-01T00:00:00Z")
        #expect(
            try readBack.occurrences(from: from, through: through) == source.occurrences(from: from, through: through))
        #expect(
            readBack.rules.map(\.days) == [
                .both(MonthDaySet(days: 1...7), WeekdaySet(every: [.monday, .friday])),
                .both(MonthDaySet(days: [8, 9, 10, 11, 12, 13, 14, 29, 30, 31]), WeekdaySet(every: [Weekday.tuesday])),
            ])
    }

    @Test func writesAnOrOfDayFieldsAsTwoObjects() throws {
        let days = DaySelector.either(MonthDaySet(days: [13]), WeekdaySet(every: [Weekday.friday]))
        #expect(
            try Self.printed([Self.rule(days: days)], zone: "UTC") == [
                #"{"minutes":[0],"hours":[8],"weekdays":[],"days_of_month":[13],"timezone":"UTC"}"#,
                #"{"minutes":[0],"hours":[8],"weekdays":["friday"],"days_of_month":[],"timezone":"UTC"}"#,
            ])
    }

    @Test func writesAnAndWithAnOrdinalAsTheIntersectionOfTheBlock() throws {
        let days = DaySelector.both(MonthDaySet(days: [1, 2, 10]), WeekdaySet(ordinals: [OrdinalWeekday(.monday, 1)]))
        #expect(
            try Self.printed([Self.rule(days: days)], zone: "UTC") == [
                #"{"minutes":[0],"hours":[8],"weekdays":["monday"],"days_of_month":[1,2],"timezone":"UTC"}"#
            ])
    }

    @Test func printsAnotherPolicyWhereTheRuleNeverMeetsAChange() throws {
        #expect(try Self.printed([Self.rule(policy: .javaQuartz)]).count == 1)
        #expect(try Self.printed([Self.rule(hours: [2], policy: .rfc5545)], zone: "UTC").count == 1)
    }

    @Test func keepsTheWindowStart() throws {
        let start = try DialectTesting.local("2026-05-01T00:00:00")
        let text = try Dialect.fylr.print(
            .recurring([Self.rule()], zone: "UTC", window: ScheduleWindow(start: .local(start))))
        #expect(text.context.start == start)
        #expect(text.context.zone == "UTC")
    }

    @Test(arguments: [
        (rule().with(seconds: [15]), "fylr: rule 1, seconds: fylr runs at whole minutes; seconds 15 cannot be held"),
        (
            rule().with(months: [1, 4, 7, 10]),
            "fylr: rule 1, months: fylr has no month field; months 1,4,7,10 cannot be held"
        ),
        (rule().with(years: YearSet([2027])), "fylr: rule 1, years: fylr has no year field; years 2027 cannot be held"),
        (
            rule(days: .monthDays(.lastDay)),
            "fylr: rule 1, day selector: the last day of the month and the nearest weekday cannot be held (fylr.md §11.5)"
        ),
        (
            rule(days: .monthDays(.lastWeekday)),
            "fylr: rule 1, day selector: the last day of the month and the nearest weekday cannot be held (fylr.md §11.5)"
        ),
        (
            rule(days: .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(.friday, -1)]))),
            "fylr: rule 1, day selector: the weekday -1 Friday counts from the end of the month; fylr has no days relative to the month's length (fylr.md §5.2 item 7)"
        ),
        (
            rule(days: .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(.monday, 20)], scope: .year))),
            "fylr: rule 1, day selector: fylr cannot count weekdays within the year (RRULE YEARLY BYDAY=20MO)"
        ),
        (
            rule().with(
                interval: RuleInterval(
                    step: .calendar(.week, every: 2), anchor: LocalDateTime(year: 2026, month: 1, day: 5))),
            "fylr: rule 1, interval: fylr matches the calendar; it cannot count periods or durations from an anchor (fylr.md §11.5)"
        ),
        (
            rule().with(
                interval: RuleInterval(
                    step: .calendar(.day, every: 1), anchor: LocalDateTime(year: 2026, month: 1, day: 5), count: 3)),
            "fylr: rule 1, count: fylr cannot stop after a number of runs (fylr.md §11.2 R-8)"
        ),
        (
            rule().with(
                interval: RuleInterval(
                    step: .calendar(.month, every: 1), anchor: LocalDateTime(year: 2026, month: 1, day: 5),
                    setPositions: [1])),
            "fylr: rule 1, set positions: fylr cannot pick the n-th match of a period (BYSETPOS)"
        ),
        (
            rule().with(yearDays: YearDaySet([1])),
            "fylr: rule 1, year days: fylr cannot select days by their place in the year"
        ),
        (
            rule().with(weekNumbers: WeekNumberSet([1])),
            "fylr: rule 1, week numbers: fylr cannot select weeks of the year"
        ),
        (rule(minutes: [60]), "fylr: rule 1, minutes: 60 lies outside 0-59"),
        (
            rule(hours: [2], policy: .rfc5545),
            "fylr: rule 1, DST policy: fylr matches the wall clock literally (gap skip, overlap both; fylr.md §5.2 item 9); the rule has gap shift-forward, overlap earlier and selects local times at DST changes of Europe/Berlin"
        ),
    ])
    func refusesWhatFylrCannotHold(rule: ScheduleRule, message: String) {
        #expect(DialectTesting.printError(.fylr, .recurring([rule], zone: "Europe/Berlin")) == message)
    }

    @Test func refusesSchedulesThatAreNotSchedules() throws {
        #expect(
            DialectTesting.printError(.fylr, .recurring([Self.rule()], zone: "Mars/Olympus"))
                == "fylr: zone: unknown time zone 'Mars/Olympus'; expected an IANA name such as Europe/Berlin")
        let nearChange = try DialectTesting.instant("2026-03-29T01:30:00Z")
        #expect(
            DialectTesting.printError(
                .fylr,
                .recurring([Self.rule()], zone: "Europe/Berlin", window: ScheduleWindow(start: .instant(nearChange))))
                == "fylr: window start: the start 2026-03-29T01:30:00Z lies within two days of a DST change of "
                + "Europe/Berlin; a local start cannot name it")
        let at = try DialectTesting.instant("2026-05-01T00:00:00Z")
        #expect(
            DialectTesting.printError(.fylr, Schedule(kind: .once(at), zone: "UTC"))
                == "fylr: kind: a single run is fylr's next_run_at without schedules, not a schedule object")
        #expect(
            DialectTesting.printError(.fylr, Schedule(kind: .manual, zone: "UTC"))
                == "fylr: kind: a task that runs only when started has no schedule object")
        #expect(
            DialectTesting.printError(.fylr, Schedule(kind: .event("reboot"), zone: "UTC"))
                == "fylr: kind: fylr schedules cannot wait for an event ('reboot')")
        #expect(
            DialectTesting.printError(
                .fylr, .recurring([Self.rule()], zone: "UTC", window: ScheduleWindow(end: .instant(at))))
                == "fylr: window end: fylr schedules have no end; 2026-05-01T00:00:00Z cannot be held (fylr.md §11.5)")
        #expect(
            DialectTesting.printError(.fylr, .recurring([Self.rule()], zone: "UTC", exclusions: [.instant(at)]))
                == "fylr: exclusions: fylr cannot leave out single dates (fylr.md §11.5)")
        #expect(
            DialectTesting.printError(.fylr, .recurring([], zone: "UTC")) == "fylr: rules: the schedule has no rule")
    }
}

extension FieldSchedulePrinterTests {
    static func randomList(_ range: ClosedRange<Int>, _ generator: inout SplitMix64) -> String {
        let count = [0, 1, 1, 2, 3, 7, range.count][Int.random(in: 0...6, using: &generator)]
        return "[" + (0..<count).map { _ in String(Int.random(in: range, using: &generator)) }.joined(separator: ",")
            + "]"
    }

    @Test func roundTripsGeneratedSchedules() throws {
        var generator = SplitMix64(seed: 11)
        let names = ["monday", "Tue", "WEDNESDAY", "thu", "friday", "sat", "Sunday"]
        var failures: [String] = []
        for _ in 0..<500 {
            let objects = (0..<Int.random(in: 1...3, using: &generator)).map { _ -> String in
                let weekdays = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                    "\"" + (names.randomElement(using: &generator) ?? "monday") + "\""
                }
                return
                    #"{"minutes":\#(Self.randomList(0...59, &generator)),"hours":\#(Self.randomList(0...23, &generator)),"#
                    + #""days_of_month":\#(Self.randomList(1...31, &generator)),"weekdays":[\#(weekdays.joined(separator: ","))]}"#
            }
            let text = "[" + objects.joined(separator: ",") + "]"
            let result = try DialectTesting.roundTrip(.fylr, [text], zone: "America/New_York")
            if !result.equal { failures.append(text) }
        }
        #expect(failures == [])
    }
}
