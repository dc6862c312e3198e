import Foundation
import TaskgateCore
import TaskgateVendors

/// Converts the bytes of one input file: no I/O, so that it can be tested on values.
struct FileConversion: Sendable {
    /// Reads the source product.
    let source: any ProductAdapter
    /// Writes the target product.
    let target: any ProductAdapter
    /// Vocabulary, id map, zones and "now".
    let context: AdapterContext
    /// What happens to lossy tasks.
    let policy: LossyPolicy

    /// What one file gave.
    struct Outcome: Sendable {
        /// The document to write: the task itself for a file of one task, else an array of the
        /// written tasks; `nil` when no task is written.
        var document: JSONValue?
        /// Every task of the file, with `output` still unset.
        var entries: [ConvertReport.TaskEntry]
    }

    /// Converts one file's bytes; `file` names it in the report.
    func convert(_ data: Data, file: String) -> Outcome {
        let json: JSONValue
        switch Self.parse(data) {
        case .success(let value): json = value
        case .failure(let failure): return Outcome(document: nil, entries: [Self.failed(file, .root, failure.message)])
        }
        let documents: [(path: JSONPath, task: JSONValue)]
        do {
            documents = try source.taskDocuments(in: json)
        } catch {
            return Outcome(document: nil, entries: [Self.failed(file, .root, error.description)])
        }
        var written: [JSONValue] = []
        var entries: [ConvertReport.TaskEntry] = []
        for (path, document) in documents {
            let task: CanonicalTask
            do {
                task = try source.decode(document, context: context)
            } catch {
                var located = error
                located.path = JSONPath(components: path.components + error.path.components)
                entries.append(Self.failed(file, path, located.description))
                continue
            }
            let encoded = target.encode(task, context: context)
            let decision = policy.decide(encoded.status)
            let json = decision.write ? encoded.json : nil
            if let json { written.append(json) }
            entries.append(
                ConvertReport.TaskEntry(
                    file: file, path: path.description, status: decision.reported, written: json != nil,
                    losses: encoded.losses.map(ConvertReport.LossEntry.init),
                    schedule: ConvertReport.ScheduleVerdict(encoded.schedule),
                    error: encoded.status == .impossible ? Self.impossibility(encoded) : nil))
        }
        let single = documents.count == 1 && documents.first?.path == .root
        let document: JSONValue? =
            written.isEmpty ? nil : (single ? written.first : .array(written))
        return Outcome(document: document, entries: entries)
    }

    /// Why nothing was written: the schedule's reason, else the losses that stopped the target.
    static func impossibility(_ encoded: EncodedTask) -> String {
        if encoded.schedule.status == .impossible, let reason = encoded.schedule.reason { return reason }
        let losses = encoded.losses.map { "\($0.path): \($0.reason)" }
        return losses.isEmpty ? "the target product cannot hold this task" : losses.joined(separator: "; ")
    }

    /// A failed entry.
    static func failed(_ file: String, _ path: JSONPath, _ message: String) -> ConvertReport.TaskEntry {
        ConvertReport.TaskEntry(
            file: file, path: path.description, status: .failed, written: false, losses: [], schedule: nil,
            error: message)
    }

    /// Why a file is not a JSON document.
    struct ParseFailure: Error {
        var message: String
    }

    /// Reads UTF-8 JSON, naming the first bad byte or the JSON error.
    static func parse(_ data: Data) -> Result<JSONValue, ParseFailure> {
        if let offset = firstInvalidUTF8Offset(in: data) {
            return .failure(
                ParseFailure(message: "not UTF-8 text (bad byte at offset \(offset)); expected a JSON document"))
        }
        do {
            return .success(try JSONReader.parse(data))
        } catch {
            let problem = JSONSyntaxLocator.problem(in: [UInt8](data))
            return .failure(ParseFailure(message: "not valid JSON: " + (problem?.description ?? "\(error)")))
        }
    }

    /// The offset of the first byte that is not UTF-8, or `nil` when all are.
    static func firstInvalidUTF8Offset(in data: Data) -> Int? {
        // Most exports are ASCII: one pass over the bytes, without decoding scalars.
        if data.withUnsafeBytes({ bytes in bytes.allSatisfy { $0 < 0x80 } }) { return nil }
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
