import Testing

@testable import TaskgateCore

/// What the Java-compatible reader accepts, what it makes of Java's lenient forms, and every
/// rejection, word for word. Every expression listed as rejected is rejected by Java Quartz 2.3.2
/// too (checked with scripts/oracles/quartz/QuartzOracle.java), or accepted by it and then fails
/// or never returns, as the message says.
@Suite struct QuartzJavaReaderTests {
    static let rejections: [(String, String)] = [
        (
            "0 0 8 * *",
            "quartz: day-of-week (field 6, column 10) '': missing; a Quartz expression has 6 or 7 fields "
                + "(seconds minutes hours day-of-month month day-of-week [year]), found 5"
        ),
        (
            "0 0 8 * * MON-FRI",
            "quartz: day-of-week (field 6, column 11) 'MON-FRI': day-of-month is restricted too; one of the two "
                + "day fields must be '?'"
        ),
        (
            "0 0 8 ? * ?",
            "quartz: day-of-week (field 6, column 11) '?': day-of-month is '?' too; exactly one of the two day "
                + "fields must be '?'"
        ),
        (
            "0 0 24 * * ?",
            "quartz: hours (field 3, column 5) '24': expected 0-23"
        ),
        (
            "0 61 * * * ?",
            "quartz: minutes (field 2, column 3) '61': expected 0-59"
        ),
        (
            "0 0 8 32 * ?",
            "quartz: day-of-month (field 4, column 7) '32': expected 1-31"
        ),
        (
            "0 0 8 0 * ?",
            "quartz: day-of-month (field 4, column 7) '0': expected 1-31"
        ),
        (
            "0 0 8 ? 13 *",
            "quartz: month (field 5, column 9) '13': expected 1-12 or JAN-DEC"
        ),
        (
            "0 0 8 ? * 0",
            "quartz: day-of-week (field 6, column 11) '0': expected 1-7 or SUN-SAT"
        ),
        (
            "0 0 8 ? * 8",
            "quartz: day-of-week (field 6, column 11) '8': expected 1-7 or SUN-SAT"
        ),
        (
            "0 0/60 * * * ?",
            "quartz: minutes (field 2, column 3) '0/60': the step 60 is larger than 59, the field's largest value"
        ),
        (
            "0 0 */24 * * ?",
            "quartz: hours (field 3, column 5) '*/24': the step 24 is larger than 23, the field's largest value"
        ),
        (
            "0 0 8 */32 * ?",
            "quartz: day-of-month (field 4, column 7) '*/32': the step 32 is larger than 31, the field's largest "
                + "value"
        ),
        (
            "0 0 8 ? */13 *",
            "quartz: month (field 5, column 9) '*/13': the step 13 is larger than 12, the field's largest value"
        ),
        (
            "0 0 8 ? * */8",
            "quartz: day-of-week (field 6, column 11) '*/8': the step 8 is larger than 7, the field's largest "
                + "value"
        ),
        (
            "0 0 8 L,15 * ?",
            "quartz: day-of-month (field 4, column 7) 'L,15': 'L' cannot be combined with other days in a list"
        ),
        (
            "0 0 8 LW,15 * ?",
            "quartz: day-of-month (field 4, column 7) 'LW,15': 'L' cannot be combined with other days in a list"
        ),
        (
            "0 0 8 ? * 5L,3",
            "quartz: day-of-week (field 6, column 11) '5L,3': 'L' cannot be combined with other weekdays in a "
                + "list"
        ),
        (
            "0 0 8 ? * SAT#1,SUN#1",
            "quartz: day-of-week (field 6, column 11) 'SAT#1,SUN#1': '#' takes a single weekday, not a list"
        ),
        (
            "0 0 8 ? * 2#1,6#3",
            "quartz: day-of-week (field 6, column 11) '2#1,6#3': '#' takes a single weekday, not a list"
        ),
        (
            "0 0 8 ? * 6#6",
            "quartz: day-of-week (field 6, column 11) '6#6': '#' must be followed by a number 1-5"
        ),
        (
            "0 0 8 ? * 6#0",
            "quartz: day-of-week (field 6, column 11) '6#0': '#' must be followed by a number 1-5"
        ),
        (
            "0 0 8 ? * FRI#6",
            "quartz: day-of-week (field 6, column 11) 'FRI#6': '#' must be followed by a number 1-5"
        ),
        (
            "0 0 8 ? * MON#",
            "quartz: day-of-week (field 6, column 11) 'MON#': '#' must be followed by a number 1-5"
        ),
        (
            "0 0 8 L-31 * ?",
            "quartz: day-of-month (field 4, column 7) 'L-31': the offset after 'L-' must be 0-30"
        ),
        (
            "0 0 8 L- * ?",
            "quartz: day-of-month (field 4, column 7) 'L-': 'L-' must be followed by an offset 0-30"
        ),
        (
            "0 0 8 W * ?",
            "quartz: day-of-month (field 4, column 7) 'W': 'W' needs a day before it (15W) or an 'L' (LW)"
        ),
        (
            "0 0 8 32W * ?",
            "quartz: day-of-month (field 4, column 7) '32W': expected a day 1-31 before 'W'"
        ),
        (
            "0 0 8 ? * MON-5",
            "quartz: day-of-week (field 6, column 11) 'MON-5': a range that starts with a name must end with a "
                + "weekday name, as in MON-FRI"
        ),
        (
            "0 0 8 ? JAN-6 *",
            "quartz: month (field 5, column 9) 'JAN-6': a range that starts with a name must end with a month "
                + "name, as in JAN-MAR"
        ),
        (
            "0 0 8 ? FOO *",
            "quartz: month (field 5, column 9) 'FOO': not a month name; expected 1-12 or JAN-DEC"
        ),
        (
            "0 0 8 ? * FOO",
            "quartz: day-of-week (field 6, column 11) 'FOO': not a weekday name; expected 1-7 or SUN-SAT"
        ),
        (
            "0 0 8 ? * 8L",
            "quartz: day-of-week (field 6, column 11) '8L': expected a weekday 1-7 before 'L'"
        ),
        (
            "0 0 8 15L * ?",
            "quartz: day-of-month (field 4, column 7) '15L': 'L' after a number is only allowed in day-of-week "
                + "(nL: the last such weekday)"
        ),
        (
            "0 0 5W * * ?",
            "quartz: hours (field 3, column 5) '5W': 'W' is only allowed in day-of-month (nW: the weekday "
                + "nearest day n)"
        ),
        (
            "0 0 8 ? 5#2 *",
            "quartz: month (field 5, column 9) '5#2': '#' is only allowed in day-of-week (n#k: the k-th such "
                + "weekday)"
        ),
        (
            "0 0 8 ? * 2-9",
            "quartz: day-of-week (field 6, column 11) '2-9': expected 1-7 or SUN-SAT"
        ),
        (
            "5- 0 8 * * ?",
            "quartz: seconds (field 1, column 1) '5-': '-' must be followed by a number"
        ),
        (
            "5/ 0 8 * * ?",
            "quartz: seconds (field 1, column 1) '5/': '/' must be followed by a step"
        ),
        (
            "5/1X 0 8 * * ?",
            "quartz: seconds (field 1, column 1) '5/1X': unexpected 'X' after the step; expected a number"
        ),
        (
            "*/ 0 8 * * ?",
            "quartz: seconds (field 1, column 1) '*/': '/' must be followed by a step"
        ),
        (
            "/ 0 8 * * ?",
            "quartz: seconds (field 1, column 1) '/': '/' must be followed by a step"
        ),
        (
            "*/X 0 8 * * ?",
            "quartz: seconds (field 1, column 1) '*/X': expected a whole number after '/'"
        ),
        (
            "0 0 X * * ?",
            "quartz: hours (field 3, column 5) 'X': expected 0-23; names are only allowed in month and "
                + "day-of-week"
        ),
        (
            "0 ? 8 * * ?",
            "quartz: minutes (field 2, column 3) '?': '?' is only allowed in day-of-month or day-of-week"
        ),
        (
            "0 0 8 * * ? 2030-2020",
            "quartz: year (field 7, column 13) '2030-2020': the range starts at 2030 and ends at 2020; a year "
                + "range cannot wrap"
        ),
        (
            "0 0 8 * * ? 2300/5",
            "quartz: year (field 7, column 13) '2300/5': starts after 2126, the last year Java Quartz 2.3.2 "
                + "reaches (the current year + 100)"
        ),
        (
            "0 0 8 * * ? JAN",
            "quartz: year (field 7, column 13) 'JAN': expected a year such as 2026; names are only allowed in "
                + "month and day-of-week"
        ),
        (
            "0 0 8 LX * ?",
            "quartz: day-of-month (field 4, column 7) 'LX': expected L, L-n, LW or L-nW"
        ),
        (
            "0 0 8 LAST * ?",
            "quartz: day-of-month (field 4, column 7) 'LAST': expected L, L-n, LW or L-nW"
        ),
        (
            "99999999999 0 8 * * ?",
            "quartz: seconds (field 1, column 1) '99999999999': the number is too large; expected 0-59"
        ),
        (
            "L 0 8 * * ?",
            "quartz: seconds (field 1, column 1) 'L': selects no value ('L' means nothing outside the day "
                + "fields); Java Quartz 2.3.2 accepts it and then fails when asked for a fire time; expected 0-59"
        ),
        (
            "0 0 8 ? * ,",
            "quartz: day-of-week (field 6, column 11) ',': selects no weekday; Java Quartz 2.3.2 accepts it and "
                + "then fails when asked for a fire time; expected 1-7 or SUN-SAT"
        ),
        (
            "0 0 8 , * ?",
            "quartz: day-of-month (field 4, column 7) ',': has no value; expected 1-31, '*', '?' or an 'L' form"
        ),
        (
            "0 0 8 L-28W * ?",
            "quartz: day-of-month (field 4, column 7) 'L-28W': Java Quartz 2.3.2 accepts 'L-28W' but its "
                + "evaluator loops forever at the first month with at most 28 days; expected an offset 0-27 before 'W'"
        ),
        (
            "0 0 8 0W * ?",
            "quartz: day-of-month (field 4, column 7) '0W': Java Quartz 2.3.2 accepts day 0 before 'W' but its "
                + "evaluator loops forever; expected a day 1-31"
        ),
        (
            "99-70/7 0 8 * * ?",
            "quartz: seconds (field 1, column 1) '99-70/7': '99' reads as '*' in Java Quartz 2.3.2, and a range "
                + "from it stores values past 59 that Java then rolls over into the next period, which taskgate does "
                + "not model; expected 0-59"
        ),
        (
            "0 0 8 5-40 * ?",
            "quartz: day-of-month (field 4, column 7) '5-40': expected 1-31"
        ),
        (
            "0 0 8 ? * 1-8/2",
            "quartz: day-of-week (field 6, column 11) '1-8/2': expected 1-7 or SUN-SAT"
        ),
        (
            "0 0 8 ? * SA",
            "quartz: day-of-week (field 6, column 11) 'SA': not a weekday name; expected 1-7 or SUN-SAT"
        ),
    ]

    @Test func rejectsSeveralNthWeekdaysAsTheBriefShows() {
        #expect(
            QuartzTestSupport.rejection("0 0 12 ? * SAT#1,SUN#1")
                == "quartz: day-of-week (field 6, column 12) 'SAT#1,SUN#1': '#' takes a single weekday, not a list")
    }

    @Test(arguments: rejections)
    func rejectsWhatJavaRejects(expression: String, message: String) {
        #expect(QuartzTestSupport.rejection(expression) == message)
    }

    /// Forms Java accepts and reads as something plainer: each pair parses to the same rules.
    static let lenientForms: [(String, String)] = [
        ("0 0 8 5X * ?", "0 0 8 5 * ?"),
        ("0 0 8 ? * MONDAY", "0 0 8 ? * MON"),
        ("99 0 8 * * ?", "* 0 8 * * ?"),
        ("0 0 8 ?X * MON", "0 0 8 ? * MON"),
        ("0 0 8 ?? * MON", "0 0 8 ? * MON"),
        ("0 0 8 ? * */-5", "0 0 8 ? * *"),
        ("0 0 8 ? * /2", "0 0 8 ? * */2"),
        ("0 0 8 ? JAN-JUN/2 *", "0 0 8 ? JAN-JUN *"),
        ("0 0 8 ? * MON/2", "0 0 8 ? * MON"),
        ("0 0 8 ? * 1-7/8", "0 0 8 ? * SUN"),
        ("0 0 8 * * ? * extra", "0 0 8 * * ?"),
        ("0\t0  8 * * ?", "0 0 8 * * ?"),
        ("0 0 8 ? * l", "0 0 8 ? * SAT"),
        ("0 0 8 ? * LW", "0 0 8 ? * SAT"),
        ("0 0 8 ? * L-3", "0 0 8 ? * SAT"),
        ("0 0 8 ? * FRI#+3", "0 0 8 ? * FRI#3"),
        ("0 0 8 ? * 0#2", "0 0 8 ? * SAT#2"),
        ("0 0 8 ? * 6#3,5", "0 0 8 ? * THU#3"),
        ("0 0 8 ? * 5L-6", "0 0 8 ? * THUL"),
        ("0 0 8 L-W * ?", "0 0 8 LW * ?"),
        ("0 0 8 1,15W * ?", "0 0 8 1W * ?"),
        ("0 0 8 15W,1 * ?", "0 0 8 1W * ?"),
        ("0 0 8 *,15W * ?", "0 0 8 1W * ?"),
        ("0 0 8 5-10W * ?", "0 0 8 5-10 * ?"),
        ("0 0 8 98 * MON", "0 0 8 ? * MON"),
        ("0 0 8 5,? * MON", "0 0 8 ? * MON"),
        ("0 0 8 * * ? 99", "0 0 8 * * ?"),
        ("0 0 8 5/12X * ?", "0 0 8 5/12 * ?"),
        ("0 0 8 5-10-15 * ?", "0 0 8 5-10 * ?"),
        ("0 0 8 1-31 * ?", "0 0 8 * * ?"),
        ("0 0 8 ? * 1-7", "0 0 8 * * ?"),
        ("0 0 8 */1 * ?", "0 0 8 * * ?"),
        ("*/0 0 8 * * ?", "* 0 8 * * ?"),
        ("5/0 0 8 * * ?", "5 0 8 * * ?"),
        ("*X 0 8 * * ?", "* 0 8 * * ?"),
        ("L,5 0 8 * * ?", "5 0 8 * * ?"),
        ("0 0 8 15 * 99-100", "0 0 8 15 * ?"),
        ("0 0 99-5 * * ?", "0 0 0-5 * * ?"),
        ("0 0 8 1,,2 * ?", "0 0 8 1,2 * ?"),
        ("0 0 22-2 * * ?", "0 0 0,1,2,22,23 * * ?"),
        ("50-10/7 0 8 * * ?", "4,50,57 0 8 * * ?"),
        ("0 0 8 ? NOV-FEB *", "0 0 8 ? 1,2,11,12 *"),
        ("0 0 8 ? * FRI-MON", "0 0 8 ? * SUN,MON,FRI,SAT"),
        ("0 0 8 ? 5-0 *", "0 0 8 ? 5-12 *"),
        ("0 0 8 31-2 * ?", "0 0 8 1,2,31 * ?"),
        ("0 0 8 * * ? 2026/0", "0 0 8 * * ? 2026"),
        ("0 0 8 * * ? 2120-99999", "0 0 8 * * ? 2120-2126"),
        ("0 0 8 * * ? 1969", "0 0 8 * * ? 1969"),
    ]

    @Test(arguments: lenientForms)
    func readsJavasLenientFormsAsJavaDoes(lenient: String, plain: String) throws {
        #expect(try QuartzTestSupport.parse(lenient).rules == QuartzTestSupport.parse(plain).rules)
    }

    @Test func readsEveryNameInAnyCase() throws {
        let names = try QuartzTestSupport.parse("0 0 8 ? jan,Feb,MAR,apr,may,jun,jul,aug,sep,oct,nov,dec sun-sat")
        #expect(names.rules == (try QuartzTestSupport.parse("0 0 8 * * ?").rules))
    }

    @Test func neverAnswersForAnUncheckedWeekdayOfEightOrMore() throws {
        // Java stores 8 before '#' unchecked; its search then moves on every time and returns null.
        let schedule = try QuartzTestSupport.parse("0 0 8 ? * 8#2")
        #expect(schedule.rules.map(\.days) == [.weekdays(WeekdaySet())])
        #expect(try QuartzTestSupport.next(schedule, after: "2026-01-01T00:00:00Z", count: 1).isEmpty)
    }

    @Test func emptyMonthsWithANeverPassingDayDoNotFail() throws {
        // getTimeAfter reaches the (empty) months only after a day has passed, which never happens.
        let schedule = try QuartzTestSupport.parse("0 0 8 ? L-5 28#1")
        #expect(try QuartzTestSupport.next(schedule, after: "2026-01-01T00:00:00Z", count: 1).isEmpty)
    }

    @Test func surviveHostileInput() {
        for text in [
            "", " ", "\t\t", "9999999999999999999999 * * * * ?", "*/99999999999 * * * * ?", "0 0 8 ? * FRI#99999999999",
            "0 0 8 * * ? 0-2147483647", "0 0 8 * * ? 1-2147483646/2147483647", "ẞ 0 8 * * ?", "0 0 8 ? * \u{1F600}",
            String(repeating: "1,", count: 10_000) + "1 0 8 * * ?", "0 0 8 ? * MON-", "0 0 8 ? * MON-FR",
        ] {
            _ = QuartzTestSupport.rejection(text)
        }
    }
}
