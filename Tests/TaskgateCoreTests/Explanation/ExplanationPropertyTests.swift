import Testing

@testable import TaskgateCore

/// Random rules from a fixed seed: every explanation is well-formed text and every calendar
/// line fits in 80 columns.
@Suite struct ExplanationPropertyTests {
    /// SplitMix64, so the cases are the same on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static func values(_ range: ClosedRange<Int>, _ generator: inout Generator) -> [Int] {
        switch Int.random(in: 0...3, using: &generator) {
        case 0: return Array(range)
        case 1: return [Int.random(in: range, using: &generator)]
        case 2:
            return Array(
                stride(from: range.lowerBound, through: range.upperBound, by: Int.random(in: 2...7, using: &generator)))
        default: return range.filter { _ in Bool.random(using: &generator) }
        }
    }

    static func rule(_ generator: inout Generator) throws -> ScheduleRule {
        let monthDays = MonthDaySet(
            days: UInt32.random(in: 0...UInt32.max, using: &generator) & 0xFFFF_FFFE,
            fromEnd: Bool.random(using: &generator) ? UInt32.random(in: 0...15, using: &generator) : 0,
            nearestWeekday: Bool.random(using: &generator) ? 1 << UInt32.random(in: 1...31, using: &generator) : 0,
            nearestWeekdayFromEnd: Bool.random(using: &generator) ? 1 : 0)
        let ordinals = Set(
            (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                OrdinalWeekday(
                    Weekday.allCases.randomElement(using: &generator) ?? .monday,
                    [1, 2, 3, 4, 5, -1, -2, 20, -53].randomElement(using: &generator) ?? 1)
            })
        let weekdays = WeekdaySet(
            every: Weekday.allCases.filter { _ in Bool.random(using: &generator) }, ordinals: ordinals,
            scope: Bool.random(using: &generator) ? .month : .year)
        let days: DaySelector =
            [
                .everyDay, .monthDays(monthDays), .weekdays(weekdays), .either(monthDays, weekdays),
                .both(monthDays, weekdays),
            ]
            .randomElement(using: &generator) ?? .everyDay
        let anchor = try ExplanationFixtures.local("2026-01-07T09:20:30")
        let steps: [RuleInterval.Step?] = [
            nil,
            .calendar(
                CalendarUnit.allCases.randomElement(using: &generator) ?? .day,
                every: Int.random(in: 1...4, using: &generator)),
            .duration(
                ISODuration(
                    months: Int.random(in: 0...2, using: &generator), days: Int.random(in: 0...2, using: &generator),
                    minutes: Int.random(in: 0...90, using: &generator))),
        ]
        let interval = (steps.randomElement(using: &generator) ?? nil).map {
            RuleInterval(
                step: $0, anchor: anchor, weekStart: Weekday.allCases.randomElement(using: &generator) ?? .monday,
                setPositions: Bool.random(using: &generator) ? [1, -1] : [],
                count: Bool.random(using: &generator) ? 10 : nil,
                until: Bool.random(using: &generator) ? .local(anchor.adding(seconds: 86_400 * 400)) : nil)
        }
        return ScheduleRule(
            seconds: FieldSet(Bool.random(using: &generator) ? [0] : values(0...59, &generator)),
            minutes: FieldSet(values(0...59, &generator)), hours: FieldSet(values(0...23, &generator)), days: days,
            months: FieldSet(values(1...12, &generator)),
            years: Bool.random(using: &generator) ? YearSet([2026, 2027, 2030]) : nil,
            yearDays: Bool.random(using: &generator) ? YearDaySet([1, 100, -1]) : nil,
            weekNumbers: Bool.random(using: &generator) ? WeekNumberSet([1, 2, 3, -1]) : nil, interval: interval,
            dstPolicy: DSTPolicy(
                gap: DSTPolicy.Gap.allCases.randomElement(using: &generator) ?? .skip,
                overlap: DSTPolicy.Overlap.allCases.randomElement(using: &generator) ?? .both))
    }

    @Test(arguments: 0..<200)
    func explanationsAreWellFormedSentences(seed: UInt64) throws {
        var generator = Generator(state: seed)
        let rules = try (0..<Int.random(in: 1...3, using: &generator)).map { _ in try Self.rule(&generator) }
        let zone =
            ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC"].randomElement(using: &generator)
            ?? "UTC"
        let explanation = try ScheduleExplanation(.recurring(rules, zone: zone))
        #expect(explanation.rules.count == rules.count)
        for sentence in explanation.sentences {
            #expect(sentence.first?.isUppercase == true, "\(sentence)")
            #expect(sentence.hasSuffix("."), "\(sentence)")
            #expect(!sentence.contains("  ") && !sentence.contains(", ,") && !sentence.contains(" ,"), "\(sentence)")
        }
        for phrase in explanation.rules {
            #expect(
                !phrase.isEmpty && !phrase.hasPrefix(" ") && !phrase.hasSuffix(" ") && !phrase.hasSuffix(","),
                "\(phrase)")
        }
    }

    @Test(arguments: 0..<30)
    func calendarLinesFitEightyColumns(seed: UInt64) throws {
        var generator = Generator(state: seed &+ 1_000)
        let schedule = Schedule.recurring([try Self.rule(&generator)], zone: "Australia/Lord_Howe")
        let month = try #require(CalendarMonth(year: 2026, month: [4, 10].randomElement(using: &generator) ?? 4))
        let span = month.instantSpan
        let fires = try schedule.occurrences(from: span.lowerBound, through: span.upperBound, limit: 20_000)
        var zone = try #require(ZoneRules(identifier: schedule.zone))
        let lines = MonthCalendar(schedule: schedule, month: month, occurrences: fires, zone: &zone).lines
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        #expect(lines.contains("") && lines.count >= 9)
    }
}
