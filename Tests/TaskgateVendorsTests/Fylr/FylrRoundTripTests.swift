import Foundation
import TaskgateCore
import TaskgateVendors
import Testing

/// The round-trip law (issue 5 §4) and the golden encodings, for every example file.
@Suite struct FylrRoundTripTests {
    let adapter = FylrAdapter()

    @Test func thereAreAtLeastTenExamples() throws {
        #expect(try FylrTesting.exampleFiles().count >= 10)
    }

    @Test(arguments: try FylrTesting.exampleFiles().map(\.lastPathComponent))
    func decodeThenEncodeGivesTheSameDocument(file: String) throws {
        let source = try FylrTesting.json(at: FylrTesting.examples.appendingPathComponent(file))
        for (path, document) in try adapter.taskDocuments(in: source) {
            let task = try adapter.decode(document, context: FylrTesting.context)
            let encoded = adapter.encode(task, context: FylrTesting.context)
            #expect(encoded.status == .exact, "\(file) \(path): \(encoded.schedule.reason ?? "")")
            #expect(encoded.losses == [])
            let json = try #require(encoded.json)
            #expect(FylrTesting.normalised(json) == FylrTesting.normalised(document), "\(file) \(path)")
            let again = try adapter.decode(json, context: FylrTesting.context)
            #expect(again.schedule == task.schedule, "\(file) \(path)")
            #expect(again.extensions == task.extensions, "\(file) \(path)")
        }
    }

    /// Each example's encoding, word for word, in `Fixtures/fylr/<name>.encoded.json`.
    @Test(arguments: try FylrTesting.exampleFiles().map(\.lastPathComponent))
    func encodingMatchesTheGoldenFile(file: String) throws {
        let source = try FylrTesting.json(at: FylrTesting.examples.appendingPathComponent(file))
        var documents: [JSONValue] = []
        for (_, document) in try adapter.taskDocuments(in: source) {
            let task = try adapter.decode(document, context: FylrTesting.context)
            documents.append(adapter.encode(task, context: FylrTesting.context).json ?? .null)
        }
        let actual = try FylrTesting.text(documents)
        let golden = FylrTesting.fixtures.appendingPathComponent(
            file.replacingOccurrences(of: ".json", with: ".encoded.json"))
        if ProcessInfo.processInfo.environment["TASKGATE_RECORD"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(golden.lastPathComponent); run again without TASKGATE_RECORD")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected)
    }
}
