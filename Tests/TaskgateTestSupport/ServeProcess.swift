public import Foundation
import Synchronization

/// One `taskgate serve` process from the build directory, on a port the system chose, stopped with SIGTERM
/// when the test is done.
public final class ServeProcess: Sendable {
    /// The proxy's origin, `http://127.0.0.1:PORT`, read from the address the process announced.
    public let origin: String
    private let process: Process
    private let errorFile: URL

    /// Starts `taskgate serve ARGUMENTS --port 0` and returns once it announced the address it listens on.
    ///
    /// The process binds the port itself: a port found free by the test and handed over could be taken
    /// by a parallel test in between.
    public init(executable: URL, arguments: [String]) async throws {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("taskgate-serve-\(UUID()).log")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve"] + arguments + ["--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        let announced = Mutex<(text: String, continuation: CheckedContinuation<String?, Never>?)>((text: "", nil))
        let announcedOrigin = await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            announced.withLock { $0.continuation = continuation }
            output.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                announced.withLock { state in
                    if data.isEmpty {
                        state.continuation?.resume(returning: nil)
                    } else {
                        state.text += String(decoding: data, as: UTF8.self)
                        guard let origin = Self.origin(announcedIn: state.text) else { return }
                        state.continuation?.resume(returning: origin)
                    }
                    state.continuation = nil
                }
            }
            process.terminationHandler = { _ in
                announced.withLock { state in
                    state.continuation?.resume(returning: nil)
                    state.continuation = nil
                }
            }
            do {
                try process.run()
            } catch {
                announced.withLock { state in
                    state.continuation?.resume(returning: nil)
                    state.continuation = nil
                }
            }
        }
        output.fileHandleForReading.readabilityHandler = nil
        self.process = process
        self.errorFile = errorFile
        guard let announcedOrigin else {
            origin = ""
            let description = "taskgate serve did not start: \(errors())"
            stop()
            throw ServeProcessError(description: description)
        }
        origin = announcedOrigin
    }

    /// The origin in the first line `serve` prints, `taskgate serve: FRONT API at http://HOST:PORT/PATH in
    /// front of …`, once that whole line has arrived; `nil` before.
    public static func origin(announcedIn text: String) -> String? {
        guard let newline = text.firstIndex(of: "\n"),
            let at = text[..<newline].range(of: " API at http://")
        else { return nil }
        return "http://" + text[at.upperBound..<newline].prefix { $0 != "/" && $0 != " " }
    }

    /// What the process wrote on standard error.
    public func errors() -> String {
        (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    }

    /// Sends SIGTERM and waits for the process to end.
    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: errorFile)
    }
}

/// A serve process that could not be started.
public struct ServeProcessError: Error, CustomStringConvertible {
    /// What happened, with the process's standard error.
    public var description: String
}
