import Testing

@testable import TaskgateCore

/// The text calendar of one month: grid, legend, times by offset and clock changes.
@Suite struct MonthCalendarTests {
    typealias F = ExplanationFixtures

    static func calendar(_ schedule: Schedule, _ monthText: String) throws -> MonthCalendar {
        let month = try #require(CalendarMonth(parsing: monthText))
        let span = month.instantSpan
        let fires = try schedule.occurrences(from: span.lowerBound, through: span.upperBound)
        var zone = try #require(ZoneRules(identifier: schedule.zone))
        return MonthCalendar(schedule: schedule, month: month, occurrences: fires, zone: &zone)
    }

    @Test func drawsTheMonthWithTheSpringForwardDay() throws {
        // RFC 5545 moves 02:30 forward on 2026-03-29, when Berlin skips from 02:00 to 03:00.
        let sundays = DaySelector.weekdays(WeekdaySet(every: [.sunday]))
        let rules = [
            F.rule(minutes: [30], hours: [2], days: sundays, policy: .rfc5545),
            F.rule(minutes: [0], hours: [8], days: sundays, policy: .rfc5545),
        ]
        let calendar = try Self.calendar(.recurring(rules, zone: "Europe/Berlin"), "2026-03")
        #expect(
            calendar.lines == [
                "    March 2026 (Europe/Berlin)",
                " Mo   Tu   We   Th   Fr   Sa   Su",
                "                              [ 1]",
                "  2    3    4    5    6    7  [ 8]",
                "  9   10   11   12   13   14  [15]",
                " 16   17   18   19   20   21  [22]",
                " 23   24   25   26   27   28  [29]*",
                " 30   31",
                "[ ] runs, * the clock changes",
                "",
                "Sun  1  02:30, 08:00 (+01:00)",
                "Sun  8  02:30, 08:00 (+01:00)",
                "Sun 15  02:30, 08:00 (+01:00)",
                "Sun 22  02:30, 08:00 (+01:00)",
                "Sun 29  03:30, 08:00 (+02:00)",
                "        * at 02:00 the clock moves forward to 03:00 (+01:00 to +02:00)",
            ])
    }

    @Test func showsBothPassesOfTheRepeatedHourWithTheirOffsets() throws {
        let rule = F.rule(
            minutes: [30], hours: [2], days: .monthDays(MonthDaySet(days: [24, 25, 26])), policy: .wallClock)
        let calendar = try Self.calendar(.recurring([rule], zone: "Europe/Berlin"), "2026-10")
        #expect(
            Array(calendar.lines.suffix(5)) == [
                "",
                "Sat 24  02:30 (+02:00)",
                "Sun 25  02:30 (+02:00), 02:30 (+01:00)",
                "        * at 03:00 the clock moves back to 02:00 (+02:00 to +01:00)",
                "Mon 26  02:30 (+01:00)",
            ])
        let day = try #require(calendar.days.first { $0.day == 25 })
        #expect(day.weekday == .sunday)
        #expect(day.runs.map(\.instant.description) == ["2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"])
        #expect(day.runs.map(\.offset) == [7200, 3600])
        #expect(calendar.clockChanges.map(\.instant.description) == ["2026-10-25T01:00:00Z"])
    }

    @Test func showsAHalfHourClockChange() throws {
        // Australia/Lord_Howe springs from 02:00 +10:30 to 02:30 +11:00 on 2026-10-04.
        let rule = F.rule(minutes: [15], hours: [2], days: .monthDays(MonthDaySet(days: [4])), policy: .rfc5545)
        let calendar = try Self.calendar(.recurring([rule], zone: "Australia/Lord_Howe"), "2026-10")
        #expect(
            Array(calendar.lines.suffix(2)) == [
                "Sun  4  02:45 (+11:00)", "        * at 02:00 the clock moves forward to 02:30 (+10:30 to +11:00)",
            ])
    }

    @Test func sumsUpADenseDayByOffset() throws {
        let rule = F.rule(minutes: [0, 15, 30, 45], hours: Array(0...23))
        let calendar = try Self.calendar(.recurring([rule], zone: "America/New_York"), "2026-11")
        #expect(
            Array(calendar.lines[10...13]) == [
                "Sun  1  96 runs: every 15 minutes from 00:00 to 00:45 (-04:00),",
                "        every 15 minutes from 01:00 to 23:45 (-05:00)",
                "        * at 02:00 the clock moves back to 01:00 (-04:00 to -05:00)",
                "Mon  2  96 runs: every 15 minutes from 00:00 to 23:45 (-05:00)",
            ])
    }

    @Test func sumsUpAnUnevenDenseDayAsASpan() throws {
        let rule = F.rule(minutes: [0, 25, 50], hours: Array(0...23), days: .monthDays(MonthDaySet(days: [3])))
        let calendar = try Self.calendar(.recurring([rule], zone: "UTC"), "2026-02")
        #expect(calendar.lines.last == "Tue  3  72 runs: from 00:00 to 23:50 (+00:00)")
    }

    @Test func wrapsALongDayAtEightyColumns() throws {
        let rule = F.rule(
            seconds: [0, 30], minutes: [0, 1], hours: [9, 10], days: .monthDays(MonthDaySet(days: [3])))
        let lines = try Self.calendar(.recurring([rule], zone: "UTC"), "2026-02").lines
        #expect(
            Array(lines.suffix(2)) == [
                "Tue  3  09:00:00, 09:00:30, 09:01:00, 09:01:30, 10:00:00, 10:00:30, 10:01:00,",
                "        10:01:30 (+00:00)",
            ])
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func saysWhenAMonthHasNoRuns() throws {
        let rule = F.rule(days: .monthDays(MonthDaySet(days: [30])), months: [2])
        #expect(
            try Self.calendar(.recurring([rule], zone: "UTC"), "2026-02").lines == [
                "       February 2026 (UTC)",
                " Mo   Tu   We   Th   Fr   Sa   Su",
                "                                1",
                "  2    3    4    5    6    7    8",
                "  9   10   11   12   13   14   15",
                " 16   17   18   19   20   21   22",
                " 23   24   25   26   27   28",
                "",
                "No runs in February 2026.",
            ])
    }

    @Test func listsAClockChangeOnADayWithoutRuns() throws {
        let rule = F.rule(minutes: [0], hours: [8], days: .monthDays(MonthDaySet(days: [1])))
        let lines = try Self.calendar(.recurring([rule], zone: "Europe/Berlin"), "2026-03").lines
        #expect(
            Array(lines.suffix(3)) == [
                "Sun  1  08:00 (+01:00)", "Sun 29  no runs",
                "        * at 02:00 the clock moves forward to 03:00 (+01:00 to +02:00)",
            ])
    }

    @Test func keepsOnlyTheInstantsOfTheMonthsDatesInOrder() throws {
        let schedule = Schedule.recurring([F.rule()], zone: "Asia/Tokyo")
        let month = try #require(CalendarMonth(year: 2026, month: 3))
        var zone = try #require(ZoneRules(identifier: "Asia/Tokyo"))
        // 2026-02-28T15:00Z is midnight of March 1 in Tokyo; 2026-03-31T15:00Z is April 1.
        let fires = try [
            "2026-03-02T15:00:00Z", "2026-02-28T15:00:00Z", "2026-03-31T15:00:00Z", "2026-02-28T14:59:59Z",
        ]
        .map(F.instant)
        let calendar = MonthCalendar(schedule: schedule, month: month, occurrences: fires, zone: &zone)
        #expect(calendar.days.map(\.day) == [1, 3])
        #expect(calendar.days.map(\.weekday) == [.sunday, .tuesday])
        #expect(calendar.clockChanges.isEmpty)
    }
}
