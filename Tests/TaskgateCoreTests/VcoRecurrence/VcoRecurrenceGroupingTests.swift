import Testing

@testable import TaskgateCore

/// Items are tuples; the rules are products whose union is exactly the items (vco.md §11 V5).
@Suite struct VcoRecurrenceGroupingTests {
    static func rules(_ text: String) throws -> [ScheduleRule] {
        let result = try VcoRecurrenceParser(text).parse()
        return VcoRecurrenceGrouping.rules(for: result.items, cycle: result.cycle)
    }

    @Test func keepsTuplesApart() throws {
        let rules = try Self.rules("every-weeks Monday 02:00:00,Friday 22:00:00,")
        #expect(
            rules.map(\.days) == [
                .weekdays(WeekdaySet(every: [Weekday.monday])), .weekdays(WeekdaySet(every: [Weekday.friday])),
            ])
        #expect(rules.map(\.hours) == [FieldSet([2]), FieldSet([22])])
        #expect(rules.allSatisfy { $0.dstPolicy == VcoRecurrenceCycle.javaCalendarPolicy })
    }

    @Test func joinsItemsThatFormAProduct() throws {
        let rules = try Self.rules(
            "every-weeks Monday 08:00:00,Monday 08:30:00,Friday 08:00:00,Friday 08:30:00,Sunday 12:00:00,")
        #expect(rules.count == 2)
        #expect(rules[0].days == .weekdays(WeekdaySet(every: [.monday, .friday])))
        #expect(rules[0].minutes == FieldSet([0, 30]))
        #expect(rules[1].days == .weekdays(WeekdaySet(every: [Weekday.sunday])))
    }

    @Test func splitsTimesThatAreNotAProduct() throws {
        let rules = try Self.rules("every-days 01:00:00,19:30:00,")
        #expect(rules.map(\.hours) == [FieldSet([1]), FieldSet([19])])
        #expect(rules.map(\.minutes) == [FieldSet([0]), FieldSet([30])])
        #expect(rules.allSatisfy { $0.days == .everyDay })
    }

    @Test func readsEveryWeekdayAsEveryDay() throws {
        let rules = try Self.rules(
            "every-weeks Mon 09:00:00,Tue 09:00:00,Wed 09:00:00,Thu 09:00:00,Fri 09:00:00,Sat 09:00:00,Sun 09:00:00")
        #expect(rules.map(\.days) == [.everyDay])
    }

    @Test func readsSecondsAndMinutesCycles() throws {
        let minutes = try Self.rules("every-minutes 00,30,")
        #expect(
            minutes == [
                ScheduleRule(
                    seconds: FieldSet([0, 30]), minutes: .everyMinute, hours: .everyHour, dstPolicy: .wallClock)
            ])
        let hours = try Self.rules("every-hours 00:00,15:00,30:00,45:00,10:30,")
        #expect(hours.count == 2)
        #expect(hours.allSatisfy { $0.hours == .everyHour && $0.dstPolicy == .wallClock })
    }
}
