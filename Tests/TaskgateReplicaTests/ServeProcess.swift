import Foundation
import Synchronization

/// One `taskgate serve` process from the build directory, stopped with SIGTERM when the test is done.
final class ServeProcess: Sendable {
    /// The proxy's origin, `http://127.0.0.1:PORT`.
    let origin: String
    private let process: Process
    private let errorFile: URL

    /// Starts `taskgate serve ARGUMENTS --port PORT` and returns once it announced that it listens.
    init(executable: URL, arguments: [String], port: Int) async throws {
        origin = "http://127.0.0.1:\(port)"
        errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("taskgate-serve-\(UUID()).log")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process = Process()
        process.executableURL = executable
        process.arguments = ["serve"] + arguments + ["--port", String(port)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        let announced = Mutex<(text: String, continuation: CheckedContinuation<Bool, Never>?)>((text: "", nil))
        let ready = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            announced.withLock { $0.continuation = continuation }
            output.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                announced.withLock { state in
                    if data.isEmpty {
                        state.continuation?.resume(returning: false)
                    } else {
                        state.text += String(decoding: data, as: UTF8.self)
                        guard state.text.contains("taskgate serve:") else { return }
                        state.continuation?.resume(returning: true)
                    }
                    state.continuation = nil
                }
            }
            process.terminationHandler = { _ in
                announced.withLock { state in
                    state.continuation?.resume(returning: false)
                    state.continuation = nil
                }
            }
            do {
                try process.run()
            } catch {
                announced.withLock { state in
                    state.continuation?.resume(returning: false)
                    state.continuation = nil
                }
            }
        }
        output.fileHandleForReading.readabilityHandler = nil
        guard ready else {
            throw ServeProcessError(description: "taskgate serve did not start: \(errors())")
        }
    }

    /// What the process wrote on standard error.
    func errors() -> String {
        (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    }

    /// Sends SIGTERM and waits for the process to end.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: errorFile)
    }

    /// A free loopback port, found by binding port 0.
    static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A serve process that could not be started.
struct ServeProcessError: Error, CustomStringConvertible {
    /// What happened, with the process's standard error.
    var description: String
}
