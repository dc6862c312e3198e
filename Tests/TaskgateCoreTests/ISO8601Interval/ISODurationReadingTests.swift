import Testing

@testable import TaskgateCore

/// `PnYnMnWnDTnHnMnS` as ``ISODuration/read(_:)`` reads it.
@Suite struct ISODurationReadingTests {
    @Test(arguments: [
        ("PT2H", ISODuration(hours: 2)),
        ("P1Y2M3W4DT5H6M7S", ISODuration(years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7)),
        ("P1W2D", ISODuration(weeks: 1, days: 2)),
        ("PT90M", ISODuration(minutes: 90)),
        ("PT1.5H", ISODuration(hours: 1, minutes: 30)),
        ("PT0,25M", ISODuration(seconds: 15)),
        ("PT1H0.5M", ISODuration(hours: 1, seconds: 30)),
        ("PT1.01H", ISODuration(hours: 1, seconds: 36)),
        ("P1.0D", ISODuration(days: 1)),
        ("PT3.000S", ISODuration(seconds: 3)),
        ("P0D", ISODuration()),
    ])
    func readsDesignatorFormat(text: String, expected: ISODuration) throws {
        #expect(try ISODuration.read(Array(text)) == expected)
    }

    @Test(arguments: [
        (
            "P1.5D", 1, "1.5D",
            "a fraction of a nominal year, month, week or day has no fixed length; write it in smaller units"
        ),
        ("PT1.5S", 2, "1.5S", "not a whole number of seconds; taskgate schedules are exact to the second"),
        ("PT1.5H30M", 2, "1.5H", "only the last component of a duration may have a fraction"),
        (
            "PT1M1H", 4, "1H",
            "'H' is repeated or out of order; expected the components in the order Y, M, W, D, T, H, M, S"
        ),
        (
            "P1H", 2, "H",
            "'H' is not a duration designator here; expected Y, M, W or D before T (hours, minutes and seconds follow T)"
        ),
        ("PT1D", 3, "D", "'D' is not a duration designator here; expected H, M or S after T"),
        ("P1DT", 3, "T", "'T' must be followed by hours, minutes or seconds, such as PT2H"),
        ("P5", 1, "5", "the number needs a designator: Y, M, W or D before T; H, M or S after it"),
        ("P10000Y", 1, "10000Y", "too large; expected at most 9999 years"),
        ("PT5000000000H", 2, "5000000000H", "too large; expected at most 87658200 hours (10,000 years)"),
        (
            "PT99999999999999999999999S", 2, "99999999999999999999999S",
            "too large; expected at most 315569520000 seconds (10,000 years)"
        ),
        ("P9999Y12M", 0, "P9999Y12M", "the duration is longer than 10,000 years"),
        (
            "P0001-02-03", 1, "P0001-02-03",
            "the alternative format PYYYY-MM-DDTHH:MM:SS is not read; expected the format PnYnMnWnDTnHnMnS"
        ),
    ])
    func rejects(text: String, offset: Int, value: String, reason: String) throws {
        let problem = #expect(throws: ISOTextProblem.self) { try ISODuration.read(Array(text)) }
        #expect(problem == ISOTextProblem(offset: offset, value: value, reason: reason))
    }
}
