import Testing

@testable import TaskgateCore

@Suite struct FieldScheduleWeekdayTests {
    @Test(arguments: [("monday", Weekday.monday), ("MON", .monday), ("Sun", .sunday), ("saturday", .saturday)])
    func readsWeekdayNames(name: String, weekday: Weekday) {
        #expect(FieldScheduleWeekday.weekday(named: name) == weekday)
        #expect(FieldScheduleWeekday.name(of: weekday) == weekday.name.lowercased())
    }

    @Test(arguments: ["mo", "mond", "", "lundi"])
    func rejectsOtherWeekdayNames(name: String) {
        #expect(FieldScheduleWeekday.weekday(named: name) == nil)
    }
}
