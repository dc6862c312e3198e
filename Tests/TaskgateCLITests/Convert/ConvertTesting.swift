import ArgumentParser
import Foundation

@testable import taskgate

/// Runs `taskgate convert` in process, in fresh temporary folders.
enum ConvertTesting {
    /// The repository's root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    /// `examples/fylr`.
    static let examples = root + "/examples/fylr"
    /// `Tests/TaskgateCLITests/Fixtures/convert-fylr`.
    static let fixtures = root + "/Tests/TaskgateCLITests/Fixtures/convert-fylr"
    /// "Now" for every run.
    static let now = "2026-11-23T15:00:00Z"

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "taskgate-convert-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Parses the arguments after `taskgate convert` (with `--now` added) and runs them.
    static func run(_ arguments: [String], standardInput: Data = Data()) async throws -> ConvertRun.Result {
        var run = try ConvertCommand.parse(arguments + ["--now", now]).makeRun()
        run.progress = false
        return try await run.execute { standardInput }
    }

    /// The file's text.
    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Compares `actual` with the golden file `name`; `TASKGATE_RECORD=1` rewrites it and fails.
    static func golden(
        _ name: String, _ actual: String, in folder: String = fixtures
    ) throws -> (
        expected: String, recorded: Bool
    ) {
        let path = folder + "/" + name
        if ProcessInfo.processInfo.environment["TASKGATE_RECORD"] == "1" {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return (actual, true)
        }
        return (try read(path), false)
    }
}
