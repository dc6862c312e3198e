import Foundation
import Testing

@testable import TaskgateCore

/// parse(print(parse(x))) == parse(x) over a sample of the differential corpus
/// (Fixtures/iso8601/round-trip.tsv, written by `scripts/differential/iso8601.py --write-sample`).
@Suite struct ISO8601IntervalRoundTripTests {
    struct Line: Sendable, CustomStringConvertible {
        var text: String
        var zone: String
        var start: String?
        var description: String { "\(text) [\(zone), start \(start ?? "-")]" }
    }

    static let lines: [Line] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/iso8601/round-trip.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Line(text: fields[0], zone: fields[1], start: fields[2] == "-" ? nil : fields[2])
        }
    }()

    @Test func sampleIsPresent() {
        #expect(Self.lines.count == 600)
    }

    @Test(arguments: lines)
    func printedTextReadsBackAsTheSameSchedule(line: Line) throws {
        let schedule = try ISO8601TestSupport.parse(line.text, zone: line.zone, start: line.start)
        let printed = try ISO8601IntervalDialect.print(schedule)
        let reparsed = try ISO8601IntervalDialect.parse(
            printed.lines, context: printed.context, embedded: ISO8601TestSupport.noEmbedded)
        #expect(reparsed == schedule)
        #expect(try ISO8601IntervalDialect.print(reparsed) == printed)
    }
}
