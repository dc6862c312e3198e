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
    ///
    /// Spawned and reaped here (`posix_spawn`, `waitpid` with `WNOHANG` every 10 ms) rather than through
    /// Foundation's `Process`: once, under load, its termination handler never ran and a test waited
    /// seventeen minutes beside a zombie child.
    public static func run(
        _ executable: String, _ arguments: [String], kill shouldKill: @escaping @Sendable (Duration) async -> Bool
    ) async throws -> Status {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("taskgate-crash-\(UUID()).err")
        defer { try? FileManager.default.removeItem(at: errors) }
        let identifier = try spawn(executable, arguments, errors: errors.path)
        let start = ContinuousClock.now
        var killed = false
        var status: Int32 = 0
        while true {
            let reaped = waitpid(identifier, &status, WNOHANG)
            if reaped == identifier { break }
            if reaped < 0, errno != EINTR {
                throw ChildProcessError(description: "waitpid(\(identifier)): \(String(cString: strerror(errno)))")
            }
            // The kill moment is the point of these tests: the caller polls a clock, a journal or a folder.
            if !killed, await shouldKill(ContinuousClock.now - start) {
                kill(identifier, SIGKILL)
                killed = true
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        // The wait status: the low seven bits are the signal that ended the process (0: it exited), the
        // next byte its exit code.
        return Status(
            exitCode: (status >> 8) & 0xFF, killed: status & 0x7F != 0,
            errors: text.split(separator: "\n").filter { line in
                ["Error:", "failed:", "created:", "adopted:", "resumed:"].contains { line.hasPrefix($0) }
            }.suffix(3).joined(separator: "\n"))
    }

    /// Starts `executable` with `arguments`, standard input and output on /dev/null, standard error into
    /// the file `errors`; the child's process id.
    private static func spawn(_ executable: String, _ arguments: [String], errors: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var identifier: pid_t = 0
        let result = posix_spawn(&identifier, executable, &actions, nil, argv, environ)
        guard result == 0 else {
            throw ChildProcessError(
                description: "\(executable) cannot be started: \(String(cString: strerror(result)))")
        }
        return identifier
    }
}

/// A child process that could not be started or waited for.
public struct ChildProcessError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
}
