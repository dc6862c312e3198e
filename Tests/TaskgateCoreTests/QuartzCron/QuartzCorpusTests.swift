import Foundation
import Testing

@testable import TaskgateCore

/// The round trip over the differential corpus: `Fixtures/quartz/accepted-expressions.txt` holds
/// 500 expressions that taskgate and Java Quartz 2.3.2 both accepted and agreed on, written by
/// `scripts/differential/quartz.py --write-sample`. Each that the normal form can hold must read
/// back as the same schedule; the others must be refused with a reason.
@Suite struct QuartzCorpusTests {
    static func expressions() throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/quartz/accepted-expressions.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").map { $0.replacingOccurrences(of: "\\t", with: "\t") }
    }

    @Test(arguments: [Dialect.quartz, .quartzNet])
    func everyPrintableExpressionRoundTrips(dialect: Dialect) throws {
        let lines = try Self.expressions()
        #expect(lines.count == 500)
        var printed = 0
        var refused = 0
        var rejected = 0
        for line in lines {
            let schedule: Schedule
            do {
                schedule = try QuartzTestSupport.parse([line], dialect: dialect)
            } catch {
                rejected += 1
                continue
            }
            do {
                let text = try dialect.print(schedule)
                printed += 1
                let reread = try dialect.parse(text.lines, context: text.context)
                #expect(reread == schedule, "\(line) printed as \(text.lines)")
            } catch let refusal as UnprintableSchedule {
                refused += 1
                #expect(!refusal.reason.isEmpty)
            }
        }
        // Java accepted all 500; the portable dialect refuses its lenient forms.
        #expect(dialect == .quartz ? rejected == 0 : rejected > 0)
        #expect(printed > 300, "printed \(printed), refused \(refused), rejected \(rejected)")
    }
}
