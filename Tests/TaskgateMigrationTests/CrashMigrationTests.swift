import Foundation
import TaskgateCore
import TaskgateEmulators
import TaskgateMigration
import TaskgateStore
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
        let faults = try FaultSpec(parsing: "5xx=0.03,429=0.02,drop=0.02,retry-after=0")
        try await MigrationHarness.withEmulators([.wyn, .fylr], faults: [FaultSpec(), faults]) { urls, client in
            let seeded = try await MigrationHarness.seed(.wyn, at: urls[0], count: 300, client: client)
            let source = MigrationEndpoint(product: .wyn, baseURL: urls[0], token: "secret")
            let target = MigrationEndpoint(product: .fylr, baseURL: urls[1], token: "secret")
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("taskgate-crash-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let journal = directory.appendingPathComponent("journal.sqlite").path
            let report = directory.appendingPathComponent("report.json").path
            let arguments = [
                "migrate", "--from", "wyn=\(urls[0])", "--to", "fylr=\(urls[1])", "--from-token", "secret",
                "--to-token", "secret", "--journal", journal, "--report", report, "--now",
                MigrationHarness.now.description, "--mappings", MigrationHarness.repository.appendingPathComponent(
                    "mappings"
                ).path,
            ]
            let run = MigrationRunner.runName(from: source, to: target)
            var generator = SplitMix64(seed: Self.seed)
            var lines = ["crash test: seed \(Self.seed), \(seeded) tasks, wyn → fylr with faults on the target"]
            for kill in 1...Self.kills {
                let delay = Int.random(in: 100...2_500, using: &generator)
                let status = try await ChildProcess.run(executable, arguments, killAfterMilliseconds: delay)
                let steps = try await Self.stepCounts(journal: journal, run: run)
                lines.append("kill \(kill) after \(delay) ms (\(status)): \(steps)")
            }
            var finished: Int32 = -1
            var reruns = 0
            while reruns < 10, finished != 0, finished != 1 {
                reruns += 1
                finished = try await ChildProcess.run(executable, arguments, killAfterMilliseconds: nil).exitCode
            }
            lines.append("finished after \(reruns) rerun(s) with exit code \(finished)")
            print(lines.joined(separator: "\n"))
            #expect(finished == 0 || finished == 1)

            let document = try #require(JSONBytes.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: report)))))
            let tasks = document["tasks"]?.arrayValue ?? []
            #expect(tasks.count == seeded)
            let written = tasks.filter { $0["decision"]?.stringValue == "create" }
            let targetIDs = written.compactMap { $0["targetID"]?.stringValue }
            #expect(targetIDs.count == written.count)
            #expect(written.allSatisfy { $0["verified"]?.boolValue == true })
            #expect(document["summary"]?["failed"]?.integerValue == 0)
            #expect(document["summary"]?["verified"]?.integerValue == Int64(written.count))
            let arrived = try await TaskListing(client: client, endpoint: target).all()
            let arrivedIDs = arrived.compactMap { $0["task"]?["_id"]?.integerValue.map(String.init) }
            #expect(arrived.count == written.count)
            #expect(Set(arrivedIDs) == Set(targetIDs))
            #expect(Set(targetIDs).count == targetIDs.count)
        }
    }

    /// `planned 120, creating 1, created 0, verified 179, failed 0` for the run's journal.
    static func stepCounts(journal: String, run: String) async throws -> String {
        guard FileManager.default.fileExists(atPath: journal) else { return "no journal yet" }
        let entries = try await SQLiteStore(path: journal).journal(run: run)
        var counts: [String: Int] = [:]
        for entry in entries {
            let name: String
            switch entry.step {
            case .planned: name = "planned"
            case .creating: name = "creating"
            case .created: name = "created"
            case .verified: name = "verified"
            case .failed: name = "failed"
            }
            counts[name, default: 0] += 1
        }
        return ["planned", "creating", "created", "verified", "failed"].map { "\($0) \(counts[$0] ?? 0)" }
            .joined(separator: ", ")
    }
}

/// The `taskgate` executable of this build: `TASKGATE_EXECUTABLE`, else the one beside the test
/// bundle (SwiftPM puts both in the same build directory).
enum TaskgateExecutable {
    static var path: String? {
        if let path = ProcessInfo.processInfo.environment["TASKGATE_EXECUTABLE"], !path.isEmpty { return path }
        var folders = [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()]
        folders += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        folders.append(URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent())
        for folder in folders {
            let candidate = folder.appendingPathComponent("taskgate").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// A child process, optionally killed with SIGKILL after a delay.
enum ChildProcess {
    /// How a run ended.
    struct Status: CustomStringConvertible {
        var exitCode: Int32
        var killed: Bool
        var description: String { killed ? "killed" : "exited \(exitCode) before the kill" }
    }

    static func run(_ executable: String, _ arguments: [String], killAfterMilliseconds: Int?) async throws -> Status {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let (ended, continuation) = AsyncStream.makeStream(of: Void.self)
        process.terminationHandler = { _ in
            continuation.yield()
            continuation.finish()
        }
        try process.run()
        if let killAfterMilliseconds {
            // The kill moment is the point of this test: a timer, not a wait for something.
            let killer = Task {
                try await Task.sleep(for: .milliseconds(killAfterMilliseconds))
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
            for await _ in ended {}
            killer.cancel()
        } else {
            for await _ in ended {}
        }
        return Status(
            exitCode: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal)
    }
}

/// A seeded generator (SplitMix64), so that the kill moments repeat with the seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
