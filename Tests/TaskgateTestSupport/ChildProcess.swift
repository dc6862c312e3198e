import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process, optionally killed with SIGKILL after a delay.
public enum ChildProcess {
    /// How a run ended.
    public struct Status: CustomStringConvertible, Sendable {
        /// The exit code (meaningless when killed).
        public var exitCode: Int32
        /// Whether a signal ended it.
        public var killed: Bool
        /// The last lines of standard error (not the plan table).
        public var errors: String
        /// `killed`, or `exited CODE before the kill: ERRORS`.
        public var description: String { killed ? "killed" : "exited \(exitCode) before the kill: \(errors)" }
    }

    /// Runs the process; `kill` is asked every 10 ms with the time since the start, and once it says so
    /// the process gets SIGKILL.
    public static func run(
        _ executable: String, _ arguments: [String], kill shouldKill: @escaping @Sendable (Duration) async -> Bool
    ) async throws -> Status {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("taskgate-crash-\(UUID()).err")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        let (ended, continuation) = AsyncStream.makeStream(of: Void.self)
        process.terminationHandler = { _ in
            continuation.yield()
            continuation.finish()
        }
        let start = ContinuousClock.now
        try process.run()
        // The kill moment is the point of this test: the watcher polls a clock and the journal.
        let identifier = process.processIdentifier
        let watcher = Task {
            while !Task.isCancelled {
                if await shouldKill(ContinuousClock.now - start) {
                    kill(identifier, SIGKILL)
                    return
                }
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        for await _ in ended {}
        watcher.cancel()
        let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        return Status(
            exitCode: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
            errors: text.split(separator: "\n").filter { line in
                ["Error:", "failed:", "created:", "adopted:", "resumed:"].contains { line.hasPrefix($0) }
            }.suffix(3).joined(separator: "\n"))
    }
}
