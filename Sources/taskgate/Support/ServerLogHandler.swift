import Foundation
import Logging
import TaskgateCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The log lines of `serve` and `emulate` on standard error, written in batches (``LogLineBatcher``):
///
///     2026-11-24T16:26:22.348Z info taskgate.serve: tg.method=GET tg.status=200 [TaskgateProxy] request finished
///
/// swift-log's `StreamLogHandler` writes the same shape, with the time in the machine's zone to the second.
/// It reads that time with `localtime`, and glibc then checks `/etc/localtime` with a `stat` for every
/// line (its `tzset` does, unless `TZ` is set); with `strftime` and a 255-byte buffer, a line's time cost
/// more than the proxy's store lookup. Here the time is UTC, to the millisecond, computed from the clock.
struct ServerLogHandler: LogHandler {
    /// The logger's label, written after the level.
    let label: String
    /// Where a finished line goes, with its level.
    let sink: @Sendable (String, Logger.Level) -> Void
    /// "Now" as seconds and nanoseconds since the epoch.
    let clock: @Sendable () -> (seconds: Int64, nanoseconds: Int)
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .info

    /// A handler for `label` writing to standard error (through ``LogLineBatcher/standardError``) with the
    /// system's clock and the logging system's metadata provider.
    init(label: String) {
        self.init(
            label: label, sink: { LogLineBatcher.standardError.append($0, level: $1) }, clock: Self.systemClock)
        metadataProvider = LoggingSystem.metadataProvider
    }

    /// A handler writing to `sink` with `clock` (tests).
    init(
        label: String, sink: @escaping @Sendable (String, Logger.Level) -> Void,
        clock: @escaping @Sendable () -> (seconds: Int64, nanoseconds: Int)
    ) {
        self.label = label
        self.sink = sink
        self.clock = clock
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, provided in provided }
        }
        if let explicit = event.metadata {
            merged.merge(explicit) { _, explicit in explicit }
        }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        let now = clock()
        sink(
            Self.line(
                seconds: now.seconds, milliseconds: now.nanoseconds / 1_000_000, level: event.level, label: label,
                metadata: merged, source: event.source, message: event.message.description),
            event.level)
    }

    /// One line, its newline included: time, level, label, the metadata sorted by key, source and message.
    static func line(
        seconds: Int64, milliseconds: Int, level: Logger.Level, label: String, metadata: Logger.Metadata,
        source: String, message: String
    ) -> String {
        var line = Instant(secondsSinceEpoch: seconds).description
        line.removeLast()  // the "Z", written after the milliseconds
        line += "."
        let milliseconds = min(max(milliseconds, 0), 999)
        if milliseconds < 100 { line += milliseconds < 10 ? "00" : "0" }
        line += String(milliseconds)
        line += "Z "
        line += level.rawValue
        if !label.isEmpty { line += " " + label }
        line += ":"
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(value)"
        }
        line += " [\(source)] \(message)\n"
        return line
    }

    /// The system's real-time clock.
    @Sendable static func systemClock() -> (seconds: Int64, nanoseconds: Int) {
        let now = Date().timeIntervalSince1970
        let seconds = now.rounded(.down)
        return (Int64(seconds), Int((now - seconds) * 1_000_000_000))
    }

    /// Writes `lines` to file descriptor 2 whole, through short writes and interruptions; lines the
    /// descriptor refuses are dropped, as a log line must not stop the server.
    @Sendable static func writeToStandardError(_ lines: [UInt8]) {
        _ = FileBytes.write(lines, to: STDERR_FILENO)
    }
}
