import Dispatch
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Gathers the log lines of `serve` and `emulate` and writes them in batches: a line waits at most
/// `delay` (50 ms), or until 64 KB wait, and goes out with the others in one `write`.
///
/// `serve` logs a line for every request. Written one by one, each line is a system call on the
/// request's thread and, when standard error is a pipe to journald or a container runtime, a wake-up
/// of the reader for every request. nginx's `access_log … buffer= flush=` makes the same trade.
///
/// A warning or an error is written at once, after the lines before it, so nothing important waits; on
/// a terminal every line is written at once. What is still waiting when the process ends is written by
/// ``flush()``, which the commands call on their way out.
final class LogLineBatcher: Sendable {
    private struct Pending {
        var bytes: [UInt8] = []
        /// Whether a timed flush is scheduled for what waits.
        var flushScheduled = false
    }

    private let pending = Mutex(Pending())
    /// Held while a batch is written, so batches leave in the order their lines came.
    private let writing = Mutex(())
    private let write: @Sendable ([UInt8]) -> Void
    private let delay: Duration
    private let limit: Int
    private let immediate: Bool
    /// Where timed flushes run: a serial queue of its own is served by an overcommitting thread, which
    /// `DispatchQueue.global()` does not promise while its threads are busy (a test run, or a server whose
    /// handlers block), so a waiting line would wait on them.
    private let timer = DispatchQueue(label: "taskgate.log-flush")

    /// A batcher handing batches to `write`; with `immediate`, every line is handed over at once.
    init(
        delay: Duration = .milliseconds(50), limit: Int = 64 * 1024, immediate: Bool = false,
        write: @escaping @Sendable ([UInt8]) -> Void
    ) {
        self.delay = delay
        self.limit = max(1, limit)
        self.immediate = immediate
        self.write = write
    }

    /// Standard error's batcher, immediate when standard error is a terminal.
    static let standardError = LogLineBatcher(immediate: isatty(2) != 0) { bytes in
        ServerLogHandler.writeToStandardError(bytes)
    }

    /// Adds `line` (its newline included); lines of `level` warning and above are written at once, with
    /// the lines waiting before them.
    func append(_ line: String, level: Logger.Level) {
        enum Next { case wait, flushNow, scheduleFlush }
        let next = pending.withLock { pending -> Next in
            pending.bytes.append(contentsOf: line.utf8)
            if immediate || level >= .warning || pending.bytes.count >= limit { return .flushNow }
            guard !pending.flushScheduled else { return .wait }
            pending.flushScheduled = true
            return .scheduleFlush
        }
        switch next {
        case .wait:
            break
        case .flushNow:
            flush()
        case .scheduleFlush:
            let nanoseconds = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
            timer.asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { [self] in
                pending.withLock { $0.flushScheduled = false }
                flush()
            }
        }
    }

    /// Writes every line waiting.
    func flush() {
        writing.withLock { _ in
            let batch = pending.withLock { pending -> [UInt8] in
                defer { pending.bytes.removeAll(keepingCapacity: true) }
                return pending.bytes
            }
            if !batch.isEmpty { write(batch) }
        }
    }
}
