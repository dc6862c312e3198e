import Foundation
import Testing

@testable import TaskgateCore

/// The RRULE printer: normal form, what it refuses, and the round trip over a corpus.
@Suite struct RRulePrinterTests {
    @Test(arguments: [
        ("RRULE:FREQ=DAILY", "2026-03-01T09:00:00", ["RRULE:FREQ=DAILY;BYSECOND=0;BYMINUTE=0;BYHOUR=9"]),
        (
            "FREQ=WEEKLY;WKST=SU;COUNT=4;BYDAY=SU,TU;INTERVAL=2", "1997-08-05T09:00:00",
            ["RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYSECOND=0;BYMINUTE=0;BYHOUR=9;BYDAY=TU,SU;WKST=SU"]
        ),
        ("RRULE:FREQ=DAILY;WKST=SU", "2026-03-01T09:00:00", ["RRULE:FREQ=DAILY;BYSECOND=0;BYMINUTE=0;BYHOUR=9"]),
        (
            "RRULE:FREQ=WEEKLY", "2026-03-04T07:30:00",
            ["RRULE:FREQ=WEEKLY;BYSECOND=0;BYMINUTE=30;BYHOUR=7;BYDAY=WE"]
        ),
        (
            "RRULE:FREQ=MONTHLY;BYDAY=-1FR,1MO,MO;BYHOUR=18", "2026-01-01T00:00:00",
            ["RRULE:FREQ=MONTHLY;BYSECOND=0;BYMINUTE=0;BYHOUR=18;BYDAY=MO,1MO,-1FR"]
        ),
        (
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1,15,-3,1", "2026-01-01T08:00:00",
            ["RRULE:FREQ=MONTHLY;BYSECOND=0;BYMINUTE=0;BYHOUR=8;BYMONTHDAY=1,15,-1,-3"]
        ),
        (
            "RRULE:FREQ=YEARLY", "2024-02-29T12:00:00",
            ["RRULE:FREQ=YEARLY;BYSECOND=0;BYMINUTE=0;BYHOUR=12;BYMONTHDAY=29;BYMONTH=2"]
        ),
        (
            "RRULE:FREQ=YEARLY;BYDAY=SU,MO,TU,WE,TH,FR,SA;BYMONTH=1", "1998-01-01T09:00:00",
            ["RRULE:FREQ=YEARLY;BYSECOND=0;BYMINUTE=0;BYHOUR=9;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYMONTH=1"]
        ),
        (
            "RRULE:FREQ=YEARLY;BYDAY=1MO;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12", "2026-01-01T09:00:00",
            ["RRULE:FREQ=YEARLY;BYSECOND=0;BYMINUTE=0;BYHOUR=9;BYDAY=1MO;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12"]
        ),
        (
            "RRULE:FREQ=YEARLY;BYWEEKNO=-1,20;WKST=SU;BYDAY=MO", "2026-01-01T09:00:00",
            ["RRULE:FREQ=YEARLY;BYSECOND=0;BYMINUTE=0;BYHOUR=9;BYDAY=MO;BYWEEKNO=20,-1;WKST=SU"]
        ),
        ("RRULE:FREQ=HOURLY;BYMINUTE=15", "2026-01-01T09:00:00", ["RRULE:FREQ=HOURLY;BYSECOND=0;BYMINUTE=15"]),
        ("RRULE:FREQ=SECONDLY;INTERVAL=90", "2026-01-01T09:00:00", ["RRULE:FREQ=SECONDLY;INTERVAL=90"]),
        (
            "RRULE:FREQ=MINUTELY;BYSECOND=60,0;UNTIL=20260301", "2026-01-01T09:00:00",
            ["RRULE:FREQ=MINUTELY;UNTIL=20260301T000000;BYSECOND=0,60"]
        ),
        (
            "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;UNTIL=20261231T170000Z", "2026-01-01T18:00:00",
            [
                "RRULE:FREQ=MONTHLY;UNTIL=20261231T170000Z;BYSECOND=0;BYMINUTE=0;BYHOUR=18;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
            ]
        ),
        (
            "RRULE:FREQ=DAILY | EXDATE;TZID=Europe/Berlin:20260303T090000,20260302T090000 | EXDATE:20260305T080000Z",
            "2026-03-01T09:00:00",
            [
                "RRULE:FREQ=DAILY;BYSECOND=0;BYMINUTE=0;BYHOUR=9", "EXDATE:20260305T080000Z",
                "EXDATE;TZID=Europe/Berlin:20260302T090000,20260303T090000",
            ]
        ),
    ])
    func printsNormalForm(text: String, start: String, lines: [String]) throws {
        let schedule = try RRuleTesting.parse(text.components(separatedBy: " | "), zone: "Europe/Berlin", start: start)
        let printed = try Dialect.rrule.print(schedule)
        #expect(printed.lines == lines)
        #expect(printed.context.start == (try RRuleTesting.local(start)))
        #expect(printed.context.zone == "Europe/Berlin")
        #expect(try Dialect.rrule.parse(printed.lines, context: printed.context) == schedule)
    }

    @Test func printsTheZoneAndStartOfADTSTARTLineInTheContext() throws {
        let schedule = try RRuleTesting.parse(["DTSTART;TZID=Asia/Tokyo:20260301T090000", "RRULE:FREQ=DAILY;COUNT=2"])
        let printed = try Dialect.rrule.print(schedule)
        #expect(printed.lines == ["RRULE:FREQ=DAILY;COUNT=2;BYSECOND=0;BYMINUTE=0;BYHOUR=9"])
        #expect(printed.context.zone == "Asia/Tokyo")
        #expect(printed.context.start == (try RRuleTesting.local("2026-03-01T09:00:00")))
        #expect(printed.context.reference == (try RRuleTesting.instant("2026-03-01T00:00:00Z")))
    }

    // MARK: - Calendar rules (no interval), as cron dialects give them

    static func weekdayMornings(policy: DSTPolicy = .rfc5545) -> ScheduleRule {
        ScheduleRule(
            minutes: FieldSet([30]), hours: FieldSet([9]),
            days: .weekdays(WeekdaySet(every: [.monday, .tuesday, .wednesday, .thursday, .friday])), dstPolicy: policy)
    }

    @Test func printsACalendarRuleFromTheWindowStart() throws {
        let start = try RRuleTesting.local("2026-03-01T00:00:00")
        let schedule = Schedule.recurring(
            [Self.weekdayMornings()], zone: "America/New_York", window: ScheduleWindow(start: .local(start)))
        let printed = try Dialect.rrule.print(schedule)
        #expect(printed.lines == ["RRULE:FREQ=DAILY;BYSECOND=0;BYMINUTE=30;BYHOUR=9;BYDAY=MO,TU,WE,TH,FR"])
        #expect(printed.context.start == start)
        let reparsed = try Dialect.rrule.parse(printed.lines, context: printed.context)
        let from = try RRuleTesting.instant("2026-02-01T00:00:00Z")
        #expect(
            try reparsed.nextOccurrences(after: from, count: 600) == schedule.nextOccurrences(after: from, count: 600))
    }

    @Test(arguments: [
        (
            ScheduleRule(minutes: .everyMinute, hours: .everyHour, dstPolicy: .rfc5545),
            "RRULE:FREQ=MINUTELY;BYSECOND=0"
        ),
        (
            ScheduleRule(minutes: FieldSet([0, 15, 30, 45]), hours: .everyHour, dstPolicy: .rfc5545),
            "RRULE:FREQ=HOURLY;BYSECOND=0;BYMINUTE=0,15,30,45"
        ),
        (
            ScheduleRule(
                seconds: .everySecond, minutes: .everyMinute, hours: .everyHour, months: FieldSet([1]),
                dstPolicy: .rfc5545),
            "RRULE:FREQ=SECONDLY;BYMONTH=1"
        ),
        (
            ScheduleRule(
                hours: FieldSet([8]),
                days: .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(.friday, -1)], scope: .month)),
                dstPolicy: .rfc5545),
            "RRULE:FREQ=MONTHLY;BYSECOND=0;BYMINUTE=0;BYHOUR=8;BYDAY=-1FR"
        ),
        (
            ScheduleRule(hours: FieldSet([8]), days: .monthDays(.lastDay), months: FieldSet([2]), dstPolicy: .rfc5545),
            "RRULE:FREQ=DAILY;BYSECOND=0;BYMINUTE=0;BYHOUR=8;BYMONTHDAY=-1;BYMONTH=2"
        ),
        (
            ScheduleRule(hours: FieldSet([8]), yearDays: YearDaySet([100]), dstPolicy: .rfc5545),
            "RRULE:FREQ=YEARLY;BYSECOND=0;BYMINUTE=0;BYHOUR=8;BYYEARDAY=100"
        ),
    ])
    func choosesTheFrequencyOfACalendarRule(rule: ScheduleRule, line: String) throws {
        let start = try RRuleTesting.local("2026-01-01T00:00:00")
        let schedule = Schedule.recurring([rule], zone: "UTC", window: ScheduleWindow(start: .local(start)))
        let printed = try Dialect.rrule.print(schedule)
        #expect(printed.lines == [line])
        let reparsed = try Dialect.rrule.parse(printed.lines, context: printed.context)
        let from = try RRuleTesting.instant("2025-12-31T00:00:00Z")
        #expect(
            try reparsed.nextOccurrences(after: from, count: 50) == schedule.nextOccurrences(after: from, count: 50))
    }

    // MARK: - What RRULE cannot hold

    static func anchored(_ unit: CalendarUnit = .day, anchor: String = "2026-01-01T09:00:00") throws -> RuleInterval {
        RuleInterval(step: .calendar(unit, every: 1), anchor: try RRuleTesting.local(anchor))
    }

    static func unprintable() throws -> [(Schedule, String)] {
        let start = ScheduleWindow(start: .local(try RRuleTesting.local("2026-01-01T09:00:00")))
        func rule(
            days: DaySelector = .everyDay, years: YearSet? = nil, yearDays: YearDaySet? = nil,
            interval: RuleInterval? = nil, policy: DSTPolicy = .rfc5545
        ) -> ScheduleRule {
            ScheduleRule(
                hours: FieldSet([9]), days: days, years: years, yearDays: yearDays, interval: interval,
                dstPolicy: policy)
        }
        let weekdays = WeekdaySet(every: [.friday])
        return [
            (Schedule(kind: .manual, zone: "UTC"), "rrule: kind: a manual schedule has no instants to recur"),
            (
                Schedule(kind: .once(try RRuleTesting.instant("2026-03-01T09:00:00Z")), zone: "UTC"),
                "rrule: kind: a single run at 2026-03-01T09:00:00Z is not a recurrence; RRULE has no one-off form"
            ),
            (
                Schedule(kind: .event("app reloaded"), zone: "UTC"),
                "rrule: kind: the event trigger 'app reloaded' has no RRULE form"
            ),
            (
                Schedule.recurring([rule(policy: .javaQuartz)], zone: "UTC", window: start),
                "rrule: rule 1, DST policy: RRULE resolves local times as RFC 5545 §3.3.5 says (gap shift-forward, "
                    + "overlap earlier); this rule uses gap skip, overlap later"
            ),
            (
                Schedule.recurring([rule(years: YearSet(range: 2026...2028))], zone: "UTC", window: start),
                "rrule: rule 1, years: RRULE has no year restriction; the rule is limited to 2026-2028"
            ),
            (
                Schedule.recurring(
                    [rule(days: .either(MonthDaySet(days: [13]), weekdays))], zone: "UTC", window: start),
                "rrule: rule 1, day selector: a day matches the days of the month or the weekdays (cron); RRULE "
                    + "intersects BYMONTHDAY and BYDAY, so the union needs two RRULE lines"
            ),
            (
                Schedule.recurring(
                    [rule(days: .monthDays(MonthDaySet(nearestWeekday: 1 << 15)))], zone: "UTC", window: start),
                "rrule: rule 1, day selector: the weekday nearest to a day of the month (Quartz W) has no "
                    + "single-RRULE form"
            ),
            (
                Schedule.recurring(
                    [
                        rule(
                            interval: RuleInterval(
                                step: .duration(ISODuration(hours: 36)),
                                anchor: try RRuleTesting.local("2026-01-01T09:00:00")))
                    ], zone: "UTC", window: start),
                "rrule: rule 1, interval: a step of PT36H from the anchor has no RRULE form; FREQ steps by whole "
                    + "calendar units"
            ),
            (
                Schedule.recurring(
                    [rule(interval: try anchored()), rule(interval: try anchored(anchor: "2026-02-01T09:00:00"))],
                    zone: "UTC", window: start),
                "rrule: rule 2, interval: its anchor 2026-02-01T09:00:00 differs from 2026-01-01T09:00:00, the anchor "
                    + "of an earlier rule; an RRULE set has one DTSTART"
            ),
            (
                Schedule.recurring([rule()], zone: "UTC"),
                "rrule: window start: RRULE needs a DTSTART, and the schedule has neither a window start nor a rule "
                    + "anchor"
            ),
            (
                Schedule.recurring(
                    [rule(interval: try anchored())], zone: "UTC",
                    window: ScheduleWindow(start: .local(try RRuleTesting.local("2026-01-05T00:00:00")))),
                "rrule: window start: the window starts at 2026-01-05T00:00:00 but the rules' DTSTART is "
                    + "2026-01-01T09:00:00; an RRULE set has one DTSTART for both"
            ),
            (
                Schedule.recurring(
                    [rule(days: .monthDays(MonthDaySet(days: [1])), interval: try anchored(.week))], zone: "UTC",
                    window: start),
                "rrule: rule 1, day selector: days of the month are not allowed with FREQ=WEEKLY (RFC 5545 §3.3.10)"
            ),
            (
                Schedule.recurring(
                    [rule(yearDays: YearDaySet([1]), interval: try anchored())], zone: "UTC", window: start),
                "rrule: rule 1, year days: BYYEARDAY is not allowed with FREQ=DAILY (RFC 5545 §3.3.10)"
            ),
            (
                Schedule.recurring(
                    [
                        rule(
                            days: .weekdays(WeekdaySet(ordinals: [OrdinalWeekday(.friday, 1)])),
                            interval: try anchored())
                    ], zone: "UTC", window: start),
                "rrule: rule 1, day selector: ordinal weekdays need FREQ=MONTHLY or FREQ=YEARLY, not FREQ=DAILY"
            ),
            (
                Schedule.recurring([rule()], zone: "Mars/Olympus", window: start),
                "rrule: zone: unknown time zone 'Mars/Olympus'; expected an IANA name such as Europe/Berlin"
            ),
        ]
    }

    @Test func refusesWhatRRuleCannotHoldNamingThePart() throws {
        for (schedule, message) in try Self.unprintable() {
            let error = #expect(throws: UnprintableSchedule.self) { try Dialect.rrule.print(schedule) }
            #expect(error?.description == message)
        }
    }

    // MARK: - Round trip over the differential corpus

    /// Valid RRULE sets written by `scripts/differential/rrule.py --write-sample`.
    static func corpus() throws -> [[String]] {
        let path = String(#filePath).replacingOccurrences(
            of: "RRule/RRulePrinterTests.swift", with: "Fixtures/rrule/round-trip-sample.tsv")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func printingTheParsedCorpusParsesBackToTheSameSchedule() throws {
        let rows = try Self.corpus()
        #expect(rows.count == 600)
        for row in rows {
            let schedule = try RRuleTesting.parse(
                row[0].components(separatedBy: " | "), zone: row[1], start: row[2] == "-" ? nil : row[2],
                reference: row[3])
            let printed = try Dialect.rrule.print(schedule)
            let reparsed = try Dialect.rrule.parse(printed.lines, context: printed.context)
            #expect(reparsed == schedule, "\(row[0]) printed as \(printed.lines)")
            #expect(try Dialect.rrule.print(reparsed) == printed)
        }
    }
}
