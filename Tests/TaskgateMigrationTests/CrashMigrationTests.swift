import Foundation
import TaskgateCore
import TaskgateEmulators
import TaskgateMigration
import TaskgateStore
import TaskgateTestSupport
import TaskgateUpstream
import TaskgateVendors
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The `taskgate migrate` process, killed with SIGKILL at seeded random moments while the target
/// emulator injects faults, then rerun with the same journal until it finishes: no task doubled,
/// none lost, every one verified.
@Suite("Killing the migration process")
struct CrashMigrationTests {
    /// The number of SIGKILLs before the run may finish.
    static let kills = 20
    /// The seed of the kill moments (`TASKGATE_CRASH_SEED` overrides it; it is printed either way).
    static let seed =
        ProcessInfo.processInfo.environment["TASKGATE_CRASH_SEED"].flatMap { UInt64($0) } ?? 20_261_123

    @Test func killedTwentyTimesThenFinishedWithNothingDoubledOrLost() async throws {
        let executable = try #require(
            TaskgateExecutable.path, "no taskgate executable beside the test bundle; set TASKGATE_EXECUTABLE")
        let faultText = "5xx=0.03,429=0.02,drop=0.02,retry-after=0"
        let faults = try FaultSpec(parsing: faultText)
        try await MigrationHarness.withEmulators([.wyn, .wyn], faults: [FaultSpec(), faults]) { urls, client in
            let seeded = try await MigrationHarness.seed(.wyn, at: urls[0], count: 200, client: client)
            let source = MigrationEndpoint(product: .wyn, baseURL: urls[0], token: "secret")
            let target = MigrationEndpoint(product: .wyn, baseURL: urls[1], token: "secret")
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("taskgate-crash-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let journal = directory.appendingPathComponent("journal.sqlite").path
            let report = directory.appendingPathComponent("report.json").path
            let arguments = [
                "migrate", "--from", "wyn=\(urls[0])", "--to", "wyn=\(urls[1])", "--from-token", "secret",
                "--to-token", "secret", "--journal", journal, "--report", report, "--now",
                MigrationHarness.now.description, "--horizon", "60d", "--horizon-runs", "30", "--journal-batch", "8",
                "--mappings", MigrationHarness.repository.appendingPathComponent("mappings").path,
            ]
            let run = MigrationRunner.runName(from: source, to: target)
            var generator = SplitMix64(seed: Self.seed)
            var lines = [
                "crash test: seed \(Self.seed), \(seeded) tasks, wyn → wyn, faults on the target: \(faultText)"
            ]
            for kill in 1...Self.kills {
                // A quarter of the kills at a moment in the first 1.5 s (starting, listing, planning), the
                // others once the journal has moved 1 to 24 steps on (creating, created, verified: inside
                // the create or the verify phase of one of the first three batches of 8).
                let moment: KillMoment =
                    Int.random(in: 0..<4, using: &generator) == 0
                    ? .after(milliseconds: Int.random(in: 50...1_500, using: &generator))
                    : .afterJournalSteps(Int.random(in: 1...24, using: &generator))
                let before = try await Self.progress(journal: journal, run: run)
                let status = try await ChildProcess.run(executable, arguments) { elapsed in
                    switch moment {
                    case .after(let milliseconds): return elapsed >= .milliseconds(milliseconds)
                    case .afterJournalSteps(let steps):
                        let now = (try? await Self.progress(journal: journal, run: run)) ?? before
                        return now.rank >= before.rank + steps || elapsed >= .seconds(60)
                    }
                }
                let after = try await Self.progress(journal: journal, run: run)
                lines.append("kill \(kill) \(moment) (\(status)): \(after.counts)")
            }
            var finished: Int32 = -1
            var reruns = 0
            while reruns < 10, finished != 0, finished != 1 {
                reruns += 1
                let status = try await ChildProcess.run(executable, arguments) { _ in false }
                finished = status.exitCode
                if finished != 0 && finished != 1 { lines.append("rerun \(reruns): \(status)") }
            }
            lines.append("finished after \(reruns) rerun(s) with exit code \(finished)")
            print(lines.joined(separator: "\n"))
            #expect(finished == 0 || finished == 1)

            let document = try #require(JSONReader.value([UInt8](try Data(contentsOf: URL(fileURLWithPath: report)))))
            let tasks = document["tasks"]?.arrayValue ?? []
            #expect(tasks.count == seeded)
            let written = tasks.filter { $0["decision"]?.stringValue == "create" }
            let targetIDs = written.compactMap { $0["targetID"]?.stringValue }
            #expect(targetIDs.count == written.count)
            #expect(written.allSatisfy { $0["verified"]?.boolValue == true })
            #expect(document["summary"]?["failed"]?.integerValue == 0)
            #expect(document["summary"]?["verified"]?.integerValue == Int64(written.count))
            let arrived = try await TaskListing(client: client, endpoint: target).all()
            let arrivedIDs = arrived.compactMap { $0["id"]?.stringValue }
            #expect(arrived.count == written.count)
            #expect(Set(arrivedIDs) == Set(targetIDs))
            #expect(Set(targetIDs).count == targetIDs.count)
        }
    }

    /// When a run is killed.
    enum KillMoment: CustomStringConvertible {
        case after(milliseconds: Int)
        case afterJournalSteps(Int)

        var description: String {
            switch self {
            case .after(let milliseconds): "after \(milliseconds) ms"
            case .afterJournalSteps(let steps): "after \(steps) journal steps"
            }
        }
    }

    /// The run's journal: how far it is (each entry counts 0 planned, 1 creating, 2 created, 3 verified)
    /// and `planned 120, creating 1, created 0, verified 179, failed 0`.
    static func progress(journal: String, run: String) async throws -> (rank: Int, counts: String) {
        guard FileManager.default.fileExists(atPath: journal) else { return (0, "no journal yet") }
        let entries = try await SQLiteStore(path: journal).journal(run: run)
        var counts: [String: Int] = [:]
        var rank = 0
        for entry in entries {
            let name: String
            switch entry.step {
            case .planned: name = "planned"
            case .creating:
                name = "creating"
                rank += 1
            case .created:
                name = "created"
                rank += 2
            case .verified:
                name = "verified"
                rank += 3
            case .failed: name = "failed"
            }
            counts[name, default: 0] += 1
        }
        let text = ["planned", "creating", "created", "verified", "failed"].map { "\($0) \(counts[$0] ?? 0)" }
            .joined(separator: ", ")
        return (rank, entries.isEmpty ? "no journal yet" : text)
    }
}
