import Foundation
import Testing

@testable import TaskgateCore

/// Comparing steady days by their rules is only a faster way to the same answer: for every case
/// of the conversion table (sources and targets across DST gaps and overlaps in Berlin, New York,
/// Lord Howe and Chatham, windows, year caps, several rules), the report is identical to the one
/// that compares every instant.
@Suite struct SteadyDaysTests {
    @Test(arguments: ConversionTableTests.sources)
    func theReportIsTheSameAsComparingEveryInstant(_ dialect: Dialect) throws {
        let url = ConversionTableTests.directory.appendingPathComponent("from-\(dialect.rawValue).txt")
        var compared = 0
        for entry in try ConversionTableTests.cases(in: String(contentsOf: url, encoding: .utf8)) {
            let context = DialectContext(zone: entry.zone, start: entry.start, reference: ConversionTableTests.now)
            guard let source = try? entry.from.parse(entry.source, context: context) else { continue }
            let conversion = ScheduleConverter().convert(source, to: entry.profile, now: ConversionTableTests.now)
            guard let text = conversion.target, let report = conversion.report,
                let target = try? entry.profile.dialect.parse(text.lines, context: text.context)
            else { continue }
            var check = EquivalenceCheck(limit: QuartzYearCap.limit(source, target))
            let fast = try check.compare(source, with: target, from: report.from)
            check.comparesSteadyDays = false
            let slow = try check.compare(source, with: target, from: report.from)
            #expect(fast == slow, "\(entry.title)")
            compared += 1
        }
        #expect(compared > 0)
    }

    @Test func aDayThatDiffersIsComparedInstantByInstant() throws {
        let start = Instant(secondsSinceEpoch: 1_767_225_600)  // 2026-01-01T00:00:00Z
        let weekdays = ScheduleRule(
            hours: FieldSet([9]),
            days: .weekdays(WeekdaySet(every: [.monday, .tuesday, .wednesday, .thursday, .friday])),
            dstPolicy: .rfc5545)
        let everyDay = ScheduleRule(hours: FieldSet([9]), dstPolicy: .rfc5545)
        var check = EquivalenceCheck()
        let fast = try check.compare(
            .recurring([weekdays], zone: "Europe/Berlin"), with: .recurring([everyDay], zone: "Europe/Berlin"),
            from: start)
        check.comparesSteadyDays = false
        let slow = try check.compare(
            .recurring([weekdays], zone: "Europe/Berlin"), with: .recurring([everyDay], zone: "Europe/Berlin"),
            from: start)
        #expect(fast == slow)
        // The span runs to the source's 1,000th weekday (200 weeks): 400 weekend days differ, the first on
        // Saturday 3 January 2026 at 08:00Z.
        #expect(fast.differences.first?.target?.description == "2026-01-03T08:00:00Z")
        #expect(fast.differenceCount == 400)
    }
}
