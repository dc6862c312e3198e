import Foundation
import TaskgateCore
import TaskgateVendors

/// One `convert` run, with its I/O at the edges so that tests can drive it in process.
struct ConvertRun: Sendable {
    /// The source product.
    var from: Product
    /// The target product.
    var to: Product
    /// The INPUT arguments.
    var inputs: [String]
    /// `-o DIR`; without it the one input's result goes to standard output.
    var outputDirectory: String?
    /// `--report FILE`.
    var reportPath: String?
    /// `--lossy`.
    var policy: LossyPolicy
    /// `--jobs`: how many files are converted at once.
    var jobs: Int
    /// `--json`: the report on standard output instead of the table.
    var json: Bool
    /// Vocabulary, id map, zones and "now".
    var context: AdapterContext
    /// Whether to draw the progress bar; `nil` = when standard error is a terminal.
    var progress: Bool?
    /// Whether ``Result/report`` holds every task (in-process callers and tests); the command keeps only
    /// the counts, so that memory stays flat in the number of files.
    var keepsTasks = true

    /// What a run printed and how it ended.
    struct Result: Sendable {
        var exitCode: Int32
        var standardOutput: String
        var standardError: String
        var report: ConvertReport
    }

    /// One converted file, as the workers hand it back.
    struct FileResult: Sendable {
        var index: Int
        var entries: [ConvertReport.TaskEntry]
        var document: Data?
        /// The output written under its temporary name, waiting for the batch's commit.
        var staged: AtomicFileWriter.Staged?
        /// Each entry's report text, written by the worker (``ReportStream/text(of:)``).
        var entryTexts: [Data] = []
    }

    /// How many staged outputs are made durable and renamed together.
    static let commitBatch = 256

    /// Runs the conversion.
    ///
    /// - Throws: ``CommandFailure`` for a problem with the run itself (missing input, an output
    ///   over an input); a bad file is reported and the run goes on.
    func execute(standardInput: @Sendable () -> Data) async throws(CommandFailure) -> Result {
        let conversion = FileConversion(
            source: ProductAdapters.adapter(for: from), target: ProductAdapters.adapter(for: to),
            context: context, policy: policy)
        let files = try InputExpansion.expand(inputs)
        guard files.filter({ $0 == .standardInput }).count <= 1 else {
            throw CommandFailure("'-' (standard input) may be given once")
        }
        var outputs: [String?] = files.map { _ in nil }
        if let outputDirectory {
            do {
                try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("\(outputDirectory): the output folder cannot be created")
            }
            let planned = try OutputPlan.plan(
                files, into: outputDirectory, canonicalDirectory: InputExpansion.realPath(outputDirectory))
            let inputPaths = Set(files.map(\.canonicalPath))
            for output in planned where inputPaths.contains(InputExpansion.realPath(output)) {
                throw CommandFailure("refusing to write \(output): it is an input file; choose another -o DIR")
            }
            outputs = planned
        } else {
            guard files.count == 1 else {
                throw CommandFailure(
                    "\(files.count) input files need -o DIR; without it one input's result goes to standard output")
            }
            guard !json else { throw CommandFailure("--json prints the report on standard output; it needs -o DIR") }
        }
        let started = Date()
        let stdinData = files.contains(.standardInput) ? standardInput() : Data()
        let bar = ProgressBar(total: files.count, enabled: progress ?? (ProgressBar(total: 1).enabled))
        var stream = try ReportStream(
            reportPath: reportPath, spooling: reportPath != nil || json, keepsTasks: keepsTasks)
        var firstDocument: Data?
        let limit = max(1, jobs)
        let outputsToWrite = outputs
        let failure = await withTaskGroup(of: FileResult.self, returning: CommandFailure?.self) { group in
            var next = 0
            var done = 0
            func start() {
                let index = next
                next += 1
                let input = files[index]
                let output = outputsToWrite[index]
                group.addTask {
                    Self.convert(input, index: index, output: output, data: stdinData, with: conversion)
                }
            }
            while next < min(limit, files.count) { start() }
            // Results come back in any order; they go to the report in input order, each once its output is
            // committed, and are let go.
            var pending: [Int: FileResult] = [:]
            var staged: [Int] = []
            var nextToReport = 0
            func report() throws(CommandFailure) {
                while let result = pending[nextToReport], result.staged == nil {
                    pending[nextToReport] = nil
                    nextToReport += 1
                    if firstDocument == nil { firstDocument = result.document }
                    try stream.append(result.entries, texts: result.entryTexts)
                }
            }
            do {
                for await result in group {
                    pending[result.index] = result
                    if result.staged != nil { staged.append(result.index) }
                    if staged.count >= Self.commitBatch {
                        Self.commit(staged, in: &pending)
                        done += staged.count
                        bar.update(done: done)
                        staged.removeAll(keepingCapacity: true)
                    }
                    if result.staged == nil {
                        done += 1
                        bar.update(done: done)
                    }
                    try report()
                    if next < files.count { start() }
                }
                Self.commit(staged, in: &pending)
                try report()
                return nil
            } catch let error as CommandFailure {
                group.cancelAll()
                return error
            } catch {
                group.cancelAll()
                return CommandFailure("\(error)")
            }
        }
        if let failure { throw failure }
        // A run killed earlier (kill -9 cannot be caught) may have left temporary files beside these outputs.
        AtomicFileWriter.removeStaleTemporaries(of: outputs.compactMap { $0 }, modifiedBefore: started)
        let report = stream.report(from: from, to: to)
        var standardOutput = ""
        var standardError = stream.problems
        let reportText = try stream.finish(from: from, to: to, path: reportPath, returningText: json)
        if outputDirectory == nil {
            if let firstDocument { standardOutput += String(decoding: firstDocument, as: UTF8.self) }
            standardError += report.table + "\n"
        } else if json {
            standardOutput += reportText ?? ""
        } else {
            standardOutput += report.table + "\n"
        }
        return Result(
            exitCode: stream.worst.exitCode, standardOutput: standardOutput, standardError: standardError,
            report: report)
    }

    /// Reads, converts and stages one file, with its entries' report texts.
    static func convert(
        _ input: ConvertInput, index: Int, output: String?, data stdinData: Data, with conversion: FileConversion
    ) -> FileResult {
        var result = converted(input, index: index, output: output, data: stdinData, with: conversion)
        result.entryTexts = result.entries.map(ReportStream.text(of:))
        return result
    }

    private static func converted(
        _ input: ConvertInput, index: Int, output: String?, data stdinData: Data, with conversion: FileConversion
    ) -> FileResult {
        let data: Data
        if input == .standardInput {
            data = stdinData
        } else {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: input.path))
            } catch {
                return FileResult(
                    index: index,
                    entries: [
                        FileConversion.failed(
                            input.path, .root, "the file cannot be read (\(error.localizedDescription))")
                    ],
                    document: nil)
            }
        }
        var outcome = conversion.convert(data, file: input.path)
        guard let document = outcome.document else {
            return FileResult(index: index, entries: outcome.entries, document: nil)
        }
        let text = Data(JSONWriter.bytes(document, pretty: true) + [0x0A])
        guard let output else { return FileResult(index: index, entries: outcome.entries, document: text) }
        do {
            let staged = try AtomicFileWriter.stage(text, for: output)
            for position in outcome.entries.indices where outcome.entries[position].written {
                outcome.entries[position].output = output
            }
            return FileResult(index: index, entries: outcome.entries, document: nil, staged: staged)
        } catch {
            Self.markUnwritten(&outcome.entries, error)
            return FileResult(index: index, entries: outcome.entries, document: nil)
        }
    }

    /// Makes the staged outputs of these results durable and renames them; a result whose output could not
    /// be committed fails, with the reason.
    static func commit(_ indices: [Int], in results: inout [Int: FileResult]) {
        let staged = indices.compactMap { results[$0]?.staged }
        for (index, committed) in zip(indices, AtomicFileWriter.commit(staged)) {
            guard var result = results[index] else { continue }
            result.staged = nil
            if let failure = committed.failure {
                markUnwritten(&result.entries, failure)
                result.entryTexts = result.entries.map(ReportStream.text(of:))
            }
            results[index] = result
        }
    }

    /// Entries meant to be written that could not be: failed, with the reason.
    static func markUnwritten(_ entries: inout [ConvertReport.TaskEntry], _ error: CommandFailure) {
        for position in entries.indices where entries[position].written {
            entries[position].written = false
            entries[position].output = nil
            entries[position].status = .failed
            entries[position].error = error.description
        }
    }

    /// Pretty JSON with sorted keys and a final newline.
    static func text(_ value: some Encodable) throws(CommandFailure) -> String {
        do {
            return String(decoding: try JSONOutput.encoder(pretty: true).encode(value), as: UTF8.self) + "\n"
        } catch {
            throw CommandFailure("the output cannot be written as JSON: \(error)")
        }
    }
}
