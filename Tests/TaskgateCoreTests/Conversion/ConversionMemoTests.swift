import Testing

@testable import TaskgateCore

@Suite struct ConversionMemoTests {
    static let now = Instant(secondsSinceEpoch: 1_767_225_600)  // 2026-01-01T00:00:00Z

    static func weekdaysAtEight(zone: String) -> Schedule {
        Schedule.recurring(
            [
                ScheduleRule(
                    hours: FieldSet([8]),
                    days: .weekdays(WeekdaySet(every: [.monday, .tuesday, .wednesday, .thursday, .friday])),
                    dstPolicy: .rfc5545)
            ], zone: zone)
    }

    @Test func aRememberedConversionIsTheOneAProofGives() {
        let memo = ConversionMemo()
        let remembering = ScheduleConverter(memo: memo)
        let schedule = Self.weekdaysAtEight(zone: "Europe/Berlin")
        let proved = ScheduleConverter().convert(schedule, to: .rrule, now: Self.now)
        #expect(remembering.convert(schedule, to: .rrule, now: Self.now) == proved)
        #expect(remembering.convert(schedule, to: .rrule, now: Self.now) == proved)
        #expect(memo.count == 1)
        #expect(proved.status == .exact)
        #expect(proved.target?.lines == ["RRULE:FREQ=DAILY;BYSECOND=0;BYMINUTE=0;BYHOUR=8;BYDAY=MO,TU,WE,TH,FR"])
    }

    @Test func anyPartOfTheKeyMakesAnotherEntry() {
        let memo = ConversionMemo(capacity: 3)
        let converter = ScheduleConverter(memo: memo)
        let berlin = Self.weekdaysAtEight(zone: "Europe/Berlin")
        _ = converter.convert(berlin, to: .rrule, now: Self.now)
        _ = converter.convert(berlin, to: .quartz, now: Self.now)
        _ = converter.convert(berlin, to: .rrule, now: Instant(secondsSinceEpoch: 1_767_225_601))
        #expect(memo.count == 3)
        // Full: the memo starts again from empty.
        let tokyo = converter.convert(Self.weekdaysAtEight(zone: "Asia/Tokyo"), to: .rrule, now: Self.now)
        #expect(memo.count == 1)
        #expect(tokyo.status == .exact)
    }
}
