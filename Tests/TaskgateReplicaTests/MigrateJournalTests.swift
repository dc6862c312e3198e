import Foundation
import Hummingbird
import Logging
import TaskgateCore
import TaskgateEmulators
import TaskgateTestSupport
import TaskgateUpstream
import Testing

/// `taskgate migrate --journal postgres://…`: the journal lives in PostgreSQL, and a rerun resumes from it.
@Suite(.enabled(if: ReplicaPair.postgresURL != nil, "TASKGATE_TEST_POSTGRES_URL names no PostgreSQL server"))
struct MigrateJournalTests {
    @Test func rerunResumesFromThePostgresJournal() async throws {
        let executable = URL(
            fileURLWithPath: try #require(TaskgateExecutable.path, "no taskgate executable next to the tests"))
        let base = try #require(ReplicaPair.postgresURL)
        let schema = "m_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let journal = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        try await withThrowingTaskGroup(of: Void.self) { group in
            var origins: [String] = []
            for _ in 0..<2 {
                let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
                let emulator = Emulator.application(
                    EmulatorConfiguration(product: .fylr, token: "secret"), database: try EmulatorDatabase(path: nil),
                    logger: Logger(label: "emulator") { _ in SwiftLogNoOpLogHandler() }
                ) { port in continuation.yield(port) }
                group.addTask { try await emulator.runService() }
                var iterator = ports.makeAsyncIterator()
                origins.append("http://127.0.0.1:\(await iterator.next() ?? 0)")
            }
            defer { group.cancelAll() }
            let client = try UpstreamClient(logger: Logger(label: "migrate-test") { _ in SwiftLogNoOpLogHandler() })
            defer { client.shutdown() }
            for index in 0..<5 {
                let body =
                    #"{"task":{"task_module":"search","task_params":{"search":{"type":"object","search":[]}},"#
                    + #""description":"Daily \#(index)","schedules":[{"minutes":[30],"hours":[7],"#
                    + #""timezone":"America/New_York"}]}}"#
                let created = try await client.send(
                    UpstreamRequest(
                        method: "POST", url: origins[0] + "/api/v1/task",
                        headers: [
                            UpstreamHeader(name: "Authorization", value: "Bearer secret"),
                            UpstreamHeader(name: "Content-Type", value: "application/json"),
                        ], body: Array(body.utf8)))
                #expect(created.status == 200)
            }
            let arguments = [
                "migrate", "--from", "fylr=\(origins[0])", "--to", "fylr=\(origins[1])", "--from-token", "secret",
                "--to-token", "secret", "--journal", journal,
            ]
            let first = try await Self.run(executable, arguments)
            #expect(first.status == 0, "\(first.error)")
            #expect(first.output.contains("created         5"), "\(first.output)")
            let rerun = try await Self.run(executable, arguments)
            #expect(rerun.status == 0, "\(rerun.error)")
            #expect(rerun.output.contains("resumed         5"), "\(rerun.output)")
            // A journal that cannot be opened is named without its password.
            var unreachable = arguments
            unreachable[unreachable.count - 1] = "postgres://gate:hunter2@127.0.0.1:1/taskgate?sslmode=disable"
            let refused = try await Self.run(executable, unreachable)
            #expect(refused.status != 0)
            #expect(
                refused.error.contains("postgres://gate:***@127.0.0.1:1/taskgate?sslmode=disable"), "\(refused.error)")
            #expect(!refused.error.contains("hunter2") && !refused.output.contains("hunter2"))
        }
    }

    /// Runs the executable to its end; standard output and error as text.
    static func run(
        _ executable: URL, _ arguments: [String]
    ) async throws -> (status: Int32, output: String, error: String) {
        let directory = FileManager.default.temporaryDirectory
        let outputFile = directory.appendingPathComponent("taskgate-migrate-\(UUID()).out")
        let errorFile = directory.appendingPathComponent("taskgate-migrate-\(UUID()).err")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        let status = try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<Int32, any Error>) in
            process.terminationHandler = { ended in continuation.resume(returning: ended.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return (
            status, (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "",
            (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        )
    }
}
