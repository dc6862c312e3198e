import Testing

@testable import TaskgateCore

/// The `quartz-net` dialect reads only what every Quartz.NET version reads alike (wyn.md §4.6).
@Suite struct QuartzPortabilityTests {
    static let rejections: [(String, String)] = [
        (
            "0 0 8 ? * MON/2",
            "quartz-net: day-of-week (field 6, column 11) 'MON/2': a step after a name is not portable across "
                + "Quartz.NET versions (3.1 and later read DAY/n as every n-th week; Java and older versions drop the "
                + "step)"
        ),
        (
            "0 0 8 ? JAN/3 *",
            "quartz-net: month (field 5, column 9) 'JAN/3': a step after a name is not portable across "
                + "Quartz.NET versions (Java and Quartz.NET 3.x drop it without a word); expected numbers, as in 1/3"
        ),
        (
            "0 0 8 L,15 * ?",
            "quartz-net: day-of-month (field 4, column 7) 'L,15': 'L' together with other days is not portable "
                + "across Quartz.NET versions (3.19 and main accept it, older versions reject it)"
        ),
        (
            "0 0 8 1,15W * ?",
            "quartz-net: day-of-month (field 4, column 7) '1,15W': 'W' in a list is not portable across "
                + "Quartz.NET versions (main shifts each day, older versions and Java use only the first)"
        ),
        (
            "0 0 8 * * ? * extra",
            "quartz-net: expression (column 15) 'extra': a field after the 7th is not portable across Quartz.NET "
                + "versions (main rejects it, 3.x and Java ignore it)"
        ),
        (
            "H 0 8 * * ?",
            "quartz-net: seconds (field 1, column 1) 'H': 'H' (a hashed value) is not portable across Quartz.NET "
                + "versions (only 3.19 and main accept it)"
        ),
        (
            "0 0 8 ? * H",
            "quartz-net: day-of-week (field 6, column 11) 'H': 'H' (a hashed value) is not portable across "
                + "Quartz.NET versions (only 3.19 and main accept it)"
        ),
        (
            "0 0 8 * * ? 3000",
            "quartz-net: year (field 7, column 13) '3000': not portable across Quartz.NET versions: each version "
                + "reads a value outside 1970-2126 differently; expected 1970-2126"
        ),
        (
            "0 0 8 * * ? 1969",
            "quartz-net: year (field 7, column 13) '1969': not portable across Quartz.NET versions: each version "
                + "reads a value outside 1970-2126 differently; expected 1970-2126"
        ),
        (
            "0 0 8 5X * ?",
            "quartz-net: day-of-month (field 4, column 7) '5X': not portable across Quartz.NET versions: Java "
                + "and Quartz.NET before 3.19 ignore what they cannot read, 3.19 and main reject it; expected 1-31"
        ),
        (
            "0 0 8 31W * ?",
            "quartz-net: day-of-month (field 4, column 7) '31W': '31W' names a day some months lack, which is "
                + "not portable across Quartz.NET versions (main moves it to the month's last day, older versions skip "
                + "the month); expected a day 1-28 before 'W'"
        ),
        (
            "0 0 8 29W * ?",
            "quartz-net: day-of-month (field 4, column 7) '29W': '29W' names a day some months lack, which is "
                + "not portable across Quartz.NET versions (main moves it to the month's last day, older versions skip "
                + "the month); expected a day 1-28 before 'W'"
        ),
        (
            "0 0 8 L-28W * ?",
            "quartz-net: day-of-month (field 4, column 7) 'L-28W': 'L-28W' names a day some months lack, which "
                + "is not portable across Quartz.NET versions (main moves it into the month, older versions skip the "
                + "month or never return); expected L-nW with n 0-27"
        ),
        (
            "99 0 8 * * ?",
            "quartz-net: seconds (field 1, column 1) '99': not portable across Quartz.NET versions: each version "
                + "reads a value outside 0-59 differently; expected 0-59"
        ),
        (
            "0 0 8 ?X * MON",
            "quartz-net: day-of-month (field 4, column 7) '?X': not portable across Quartz.NET versions: Java "
                + "and Quartz.NET before 3.19 ignore what they cannot read, 3.19 and main reject it; expected 1-31"
        ),
        (
            "0 0 8 ? * 8#2",
            "quartz-net: day-of-week (field 6, column 11) '8#2': not portable across Quartz.NET versions: each "
                + "version reads a value outside 1-7 or SUN-SAT differently; expected 1-7 or SUN-SAT"
        ),
        (
            "0 0 8 ? * */-5",
            "quartz-net: day-of-week (field 6, column 11) '*/-5': not portable across Quartz.NET versions: Java "
                + "and Quartz.NET before 3.19 ignore what they cannot read, 3.19 and main reject it; expected a step "
                + "1-7 after '/'"
        ),
        (
            "0 0 8 ? * MONDAY",
            "quartz-net: day-of-week (field 6, column 11) 'MONDAY': not portable across Quartz.NET versions: "
                + "Java and Quartz.NET before 3.19 ignore what they cannot read, 3.19 and main reject it; expected 1-7 "
                + "or SUN-SAT"
        ),
        (
            "0 0 8 ? * 1-7/8",
            "quartz-net: day-of-week (field 6, column 11) '1-7/8': not portable across Quartz.NET versions: Java "
                + "and Quartz.NET before 3.19 ignore what they cannot read, 3.19 and main reject it; expected a step "
                + "1-7 after '/'"
        ),
        (
            "0 0 8 1,,2 * ?",
            "quartz-net: day-of-month (field 4, column 7) '1,,2': an empty list item is not portable across "
                + "Quartz.NET versions; expected 1-31"
        ),
        (
            "0 0 24 * * ?",
            "quartz-net: hours (field 3, column 5) '24': expected 0-23"
        ),
        (
            "0 0 8 ? * SAT#1,SUN#1",
            "quartz-net: day-of-week (field 6, column 11) 'SAT#1,SUN#1': '#' takes a single weekday, not a list"
        ),
        (
            "0 0 8 ? * FRI#+3",
            "quartz-net: day-of-week (field 6, column 11) 'FRI#+3': not portable across Quartz.NET versions: "
                + "Java and Quartz.NET before 3.19 ignore what they cannot read, 3.19 and main reject it; expected a "
                + "number 1-5 after '#'"
        ),
        (
            "0 0 8 ? * LW",
            "quartz-net: day-of-week (field 6, column 11) 'LW': not portable across Quartz.NET versions: Java "
                + "and Quartz.NET before 3.19 ignore what they cannot read, 3.19 and main reject it; expected 1-7 or "
                + "SUN-SAT"
        ),
    ]

    @Test(arguments: rejections)
    func rejectsWhatIsNotPortable(expression: String, message: String) {
        #expect(QuartzTestSupport.rejection(expression, dialect: .quartzNet) == message)
    }

    @Test(arguments: [
        "0 0 8 ? * MON-FRI *", "0 0/15 9-17 ? * MON-FRI", "0 0 18 LW * ? *", "0 0 10 ? 1,4,7,10 FRI#3 2026-2030",
        "0 0 8 L-3 * ?", "0 0 8 15W * ?", "0 0 8 ? * 6L", "0 0 22-2 * * ?", "0 0 8 ? NOV-FEB *", "0 0 8 ? * L",
        "30 */5 * * * ?", "0 0 8 1-15/2 * ?",
    ])
    func readsPortableExpressionsAsJavaSelectsThem(_ line: String) throws {
        let portable = try QuartzTestSupport.parse(line, dialect: .quartzNet).rules
        let java = try QuartzTestSupport.parse(line).rules
        #expect(portable.map(\.days) == java.map(\.days))
        #expect(portable.map(\.hours) == java.map(\.hours))
        #expect(portable.map(\.years) == java.map(\.years))
    }

    /// Found by fuzzing (scripts/fuzz, target quartz-net): a reference before 1870 puts Java's
    /// MAX_YEAR below 1970, and the strict grammar's year range `1970...capYear` trapped.
    @Test func refusesAYearWhenTheReferenceIsBefore1870() throws {
        let reference = try QuartzTestSupport.instant("0001-01-01T00:00:00Z")
        let error = #expect(throws: ScheduleSyntaxError.self) {
            try QuartzTestSupport.parse(["0 3 1 ? 9 3 2"], dialect: .quartzNet, reference: reference)
        }
        #expect(
            error?.description
                == "quartz-net: year (field 7, column 13) '2': not portable across Quartz.NET versions: each "
                + "version reads a value outside 1970-101 differently; expected 1970-101")
    }
}
