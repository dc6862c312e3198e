import Testing

@testable import TaskgateCore

/// Extended-format date-times as ``ISODateTime/read(_:)`` reads them.
@Suite struct ISODateTimeTests {
    @Test(
        arguments: [
            ("2020-03-20T13:00:00Z", "2020-03-20T13:00:00", 0),
            ("2020-03-20T13:00:00", "2020-03-20T13:00:00", nil),
            ("2020-03-20T13:00", "2020-03-20T13:00:00", nil),
            ("2020-03-20T13:00:00.000+05:30", "2020-03-20T13:00:00", 19_800),
            ("2020-03-20T13:00:00,0-0330", "2020-03-20T13:00:00", -12_600),
            ("2020-03-20T13:00:00-05", "2020-03-20T13:00:00", -18_000),
            ("2020-03-20T13:00:00+18:00", "2020-03-20T13:00:00", 64_800),
        ] as [(String, String, Int?)])
    func readsReadingAndOffset(text: String, local: String, offset: Int?) throws {
        let value = try ISODateTime.read(Array(text))
        #expect(value.local == (try ISO8601TestSupport.local(local)))
        #expect(value.offset == offset)
    }

    @Test(arguments: [
        ("2020-13-20T13:00:00Z", 5, "13", "month 13 is not valid; expected 01-12"),
        ("2021-02-29T13:00:00Z", 8, "29", "day 29 is not valid in 2021-02; expected 01-28"),
        ("2020-03-20T24:00:00Z", 11, "24", "hour 24 is not valid; expected 00-23"),
        ("2020-03-20T13:60:00Z", 14, "60", "minute 60 is not valid; expected 00-59"),
        ("2020-03-20T13:00:60Z", 17, "60", "second 60 is not valid; expected 00-59 (leap seconds are not scheduled)"),
        (
            "2020-03-20T13:00:00.5Z", 19, ".5",
            "a fraction of a second cannot be scheduled; taskgate schedules are exact to the second"
        ),
        ("2020-03-20T13:00:00+19:00", 19, "+19:00", "the offset is out of range; expected at most ±18:00"),
        ("2020-03-20T13:00:00+05:60", 19, "+05:60", "offset minutes 60 are not valid; expected 00-59"),
        (
            "2020-03-20t13:00:00Z", 10, "t",
            "expected an upper-case 'T' between the date and the time (YYYY-MM-DDTHH:MM:SS)"
        ),
        ("2020-03-20T13:00:00z", 19, "z", "expected an upper-case Z, an offset such as +01:00, or nothing"),
        ("0000-03-20T13:00:00Z", 0, "0000", "year 0000 is not valid; expected 0001-9999"),
        (
            "2020-03-20", 0, "2020-03-20",
            "a date alone has no time of day; expected a date-time such as 2020-03-20T13:00:00Z (YYYY-MM-DDTHH:MM:SS, with Z, ±HH:MM or no offset)"
        ),
        (
            "20200320T130000Z", 0, "20200320T130000Z",
            "expected a date-time such as 2020-03-20T13:00:00Z (YYYY-MM-DDTHH:MM:SS, with Z, ±HH:MM or no offset)"
        ),
        ("2020-03-20T13:00:00Z!", 20, "!", "unexpected text after the date-time"),
    ])
    func rejects(text: String, offset: Int, value: String, reason: String) throws {
        let problem = #expect(throws: ISOTextProblem.self) { try ISODateTime.read(Array(text)) }
        #expect(problem == ISOTextProblem(offset: offset, value: value, reason: reason))
    }
}
