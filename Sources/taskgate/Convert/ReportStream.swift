import Foundation
import TaskgateCore

/// The report of a `convert` run, written while the run goes on: each task's entry is appended in input
/// order to a temporary file, counted and let go, so that memory stays flat in the number of files; at
/// the end the whole document — summary first, as its sorted keys want — is written atomically.
///
/// The bytes are those `JSONEncoder` writes for the whole ``ConvertReport`` (sorted keys, pretty): each
/// entry is encoded alone and indented into the `tasks` array.
struct ReportStream {
    /// How many tasks ended in each status.
    private(set) var counts: [TaskOutcomeStatus: Int] = [:]
    /// The entries, when the caller keeps them (tests); empty otherwise.
    private(set) var tasks: [ConvertReport.TaskEntry] = []
    /// One line per failed or impossible task, for standard error.
    private(set) var problems = ""
    private let keepsTasks: Bool
    private let spool: FileHandle?
    private let spoolPath: String?
    private var entriesWritten = 0
    /// Entries waiting to be written to the spool, a few hundred kilobytes at a time.
    private var buffer: [UInt8] = []
    private static let bufferLimit = 1 << 18

    /// A stream spooling to a temporary file beside `reportPath` (none without a report or `--json`).
    init(reportPath: String?, spooling: Bool, keepsTasks: Bool) throws(CommandFailure) {
        self.keepsTasks = keepsTasks
        guard spooling else {
            spool = nil
            spoolPath = nil
            return
        }
        let folder = reportPath.map(AtomicFileWriter.folder(of:)) ?? NSTemporaryDirectory()
        let name = reportPath.map { ($0 as NSString).lastPathComponent } ?? "report"
        let path = (folder as NSString).appendingPathComponent(".\(name).\(RandomUUID.text()).tasks")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("\(folder): the report folder cannot be created (\(error.localizedDescription))")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw AtomicFileWriter.failure("cannot be created", path) }
        spool = handle
        spoolPath = path
    }

    /// The pretty JSON of one entry, indented for its place in the `tasks` array (computed by the workers):
    /// the bytes `JSONEncoder` writes for it there, written by ``JSONWriter``.
    static func text(of entry: ConvertReport.TaskEntry) -> Data {
        var text: [UInt8] = Array(repeating: UInt8(ascii: " "), count: 4)
        text.reserveCapacity(1024)
        entry.writePretty(into: &text, level: 2)
        return Data(text)
    }

    /// Appends entries (in input order) with their texts, and counts them.
    mutating func append(_ entries: [ConvertReport.TaskEntry], texts: [Data]) throws(CommandFailure) {
        for (entry, text) in zip(entries, texts) {
            counts[entry.status, default: 0] += 1
            if entry.status == .failed || entry.status == .impossible {
                problems += "\(entry.status): \(entry.file) \(entry.path): \(entry.error ?? "")\n"
            }
            if keepsTasks { tasks.append(entry) }
            guard spool != nil else { continue }
            buffer += (entriesWritten == 0 ? "\n" : ",\n").utf8
            buffer += text
            entriesWritten += 1
            if buffer.count >= Self.bufferLimit { try flush() }
        }
    }

    /// Writes the entries waiting in the buffer to the spool.
    mutating func flush() throws(CommandFailure) {
        guard let spool, !buffer.isEmpty else { return }
        do {
            try spool.write(contentsOf: buffer)
        } catch {
            throw CommandFailure("\(spoolPath ?? "the report"): cannot be written (\(error.localizedDescription))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The worst status; exact when there were no tasks.
    var worst: TaskOutcomeStatus { counts.keys.max() ?? .exact }

    /// The report's summary and kept tasks.
    func report(from: Product, to: Product) -> ConvertReport {
        var report = ConvertReport(from: from, to: to, tasks: tasks)
        for status in TaskOutcomeStatus.allCases { report.summary[status.rawValue] = counts[status] ?? 0 }
        return report
    }

    /// Writes the whole report to `path` atomically, and hands its text to `text` (for `--json`) a
    /// megabyte at a time, read back from the spool rather than held in memory. The spool is removed
    /// either way.
    mutating func finish(
        from: Product, to: Product, path: String?, text: ((Data) -> Void)?
    ) throws(CommandFailure) {
        guard let spool, let spoolPath else { return }
        defer { unlink(spoolPath) }
        try flush()
        try? spool.close()
        var shell = report(from: from, to: to)
        shell.tasks = []
        let empty = String(decoding: (try? JSONOutput.encoder(pretty: true).encode(shell)) ?? Data(), as: UTF8.self)
        let marker = "\"tasks\" : [\n\n  ]"
        guard let range = empty.range(of: marker) else { throw CommandFailure("the report cannot be written") }
        let head = Data((empty[..<range.lowerBound] + "\"tasks\" : [").utf8)
        let tail = Data(((entriesWritten == 0 ? "\n\n  ]" : "\n  ]") + empty[range.upperBound...] + "\n").utf8)
        if let text {
            guard let tasks = FileHandle(forReadingAtPath: spoolPath) else {
                throw AtomicFileWriter.failure("cannot be read", spoolPath)
            }
            defer { try? tasks.close() }
            text(head)
            while let chunk = try? tasks.read(upToCount: 1 << 20), !chunk.isEmpty { text(chunk) }
            text(tail)
        }
        if let path {
            let staged = try AtomicFileWriter.stage(parts: [.bytes(head), .file(spoolPath), .bytes(tail)], for: path)
            if let failure = AtomicFileWriter.commit([staged]).first?.failure { throw failure }
        }
    }
}
