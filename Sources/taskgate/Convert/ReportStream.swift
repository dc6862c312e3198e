import Foundation
import TaskgateCore

/// The report of a `convert` run, written while the run goes on: each task's entry is appended in input
/// order, counted and let go, so that memory stays flat in the number of files.
///
/// The report's members come in the order they are known: the two products, the tasks, then the summary,
/// which only the end of the run can give. So the report file is written as the run goes, under no name
/// until it is whole (``StagingFile``), and named atomically at the end. (With the summary first, as sorted
/// keys put it, the tasks went to a temporary file that the end copied into the report: 100 MB for 100,000
/// Wyn tasks, and the copy was 5 % of the run.) Each member's value is what `JSONEncoder` writes for it
/// (sorted keys, pretty), each entry encoded alone and indented into the `tasks` array.
///
/// `--json` prints the report on standard output once the run is done: its entries wait in a temporary
/// file meanwhile, read back a megabyte at a time.
struct ReportStream {
    /// How many tasks ended in each status.
    private(set) var counts: [TaskOutcomeStatus: Int] = [:]
    /// The entries, when the caller keeps them (tests); empty otherwise.
    private(set) var tasks: [ConvertReport.TaskEntry] = []
    /// One line per failed or impossible task, for standard error.
    private(set) var problems = ""
    private let keepsTasks: Bool
    /// The report file, when there is one: its head written at once, its entries as they come.
    private let file: StagingFile?
    /// The entries for standard output (`--json`), and its path.
    private let spool: (handle: FileHandle, path: String)?
    /// The report's text up to its first entry.
    private let head: [UInt8]
    /// The report object and its `tasks` array, open while entries come.
    private var reportObject: JSONWriter.Container
    private var tasksArray: JSONWriter.Container
    /// Entries waiting to be written, a few hundred kilobytes at a time.
    private var buffer: [UInt8] = []
    private static let bufferLimit = 1 << 18

    /// A stream for a run from `from` to `to`: to a report file at `reportPath` (created beside it under no
    /// name until ``finish(text:)``) and, with `standardOutput`, to a temporary file for `--json`.
    init(
        from: Product, to: Product, reportPath: String?, standardOutput: Bool, keepsTasks: Bool
    ) throws(CommandFailure) {
        self.keepsTasks = keepsTasks
        var head: [UInt8] = []
        reportObject = .object(into: &head, pretty: true, level: 0)
        reportObject.member("from", .string(from.rawValue), into: &head)
        reportObject.member("to", .string(to.rawValue), into: &head)
        reportObject.nextMember("tasks", into: &head)
        tasksArray = .array(into: &head, pretty: true, level: reportObject.innerLevel)
        self.head = head
        if let reportPath {
            let file = try StagingFile(for: reportPath)
            try file.append(head)
            self.file = file
        } else {
            file = nil
        }
        spool = standardOutput ? try Self.openSpool(beside: reportPath) : nil
    }

    /// A new temporary file for the entries of `--json`, beside the report or in the temporary folder.
    private static func openSpool(beside reportPath: String?) throws(CommandFailure) -> (FileHandle, String) {
        let folder = reportPath.map(AtomicFileWriter.folder(of:)) ?? NSTemporaryDirectory()
        let name = reportPath.map { ($0 as NSString).lastPathComponent } ?? "report"
        let path = (folder as NSString).appendingPathComponent(".\(name).\(RandomUUID.text()).tasks")
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw AtomicFileWriter.failure("cannot be created", path) }
        return (handle, path)
    }

    /// The pretty JSON of one entry at its level in the `tasks` array, without the indent of its first line
    /// (computed by the workers): the bytes `JSONEncoder` writes for it there, written by ``JSONWriter``.
    static func text(of entry: ConvertReport.TaskEntry) -> Data {
        var text: [UInt8] = []
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
            guard file != nil || spool != nil else { continue }
            tasksArray.nextElement(into: &buffer)
            buffer += text
            if buffer.count >= Self.bufferLimit { try flush() }
        }
    }

    /// Writes the entries waiting in the buffer to the report file and the spool.
    private mutating func flush() throws(CommandFailure) {
        guard !buffer.isEmpty else { return }
        try file?.append(buffer)
        if let spool {
            do {
                try spool.handle.write(contentsOf: buffer)
            } catch {
                throw CommandFailure("\(spool.path): cannot be written (\(error.localizedDescription))")
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The worst status; exact when there were no tasks.
    var worst: TaskOutcomeStatus { counts.keys.max() ?? .exact }

    /// How many tasks ended in each status, every status named.
    private var summary: [String: Int] {
        Dictionary(uniqueKeysWithValues: TaskOutcomeStatus.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
    }

    /// The report's summary and kept tasks.
    func report(from: Product, to: Product) -> ConvertReport {
        var report = ConvertReport(from: from, to: to, tasks: tasks)
        report.summary = summary
        return report
    }

    /// Ends the report: writes its summary and names the report file atomically, and hands the whole text to
    /// `text` (for `--json`) a megabyte at a time, read back from the spool rather than held in memory. The
    /// spool is removed either way.
    mutating func finish(text: ((Data) -> Void)?) throws(CommandFailure) {
        defer { if let spool { unlink(spool.path) } }
        try flush()
        var tail: [UInt8] = []
        tasksArray.close(into: &tail)
        reportObject.member("summary", .object(summary.mapValues { .integer(Int64($0)) }), into: &tail)
        reportObject.close(into: &tail)
        tail.append(0x0A)
        if let text, let spool {
            try? spool.handle.close()
            guard let entries = FileHandle(forReadingAtPath: spool.path) else {
                throw AtomicFileWriter.failure("cannot be read", spool.path)
            }
            defer { try? entries.close() }
            text(Data(head))
            while let chunk = try? entries.read(upToCount: 1 << 20), !chunk.isEmpty { text(chunk) }
            text(Data(tail))
        }
        if let file {
            try file.append(tail)
            if let failure = AtomicFileWriter.commit([try file.handOver()]).first?.failure { throw failure }
        }
    }
}
