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
    /// Where `--json` writes the report as it reads it back from its spool (the command: standard output);
    /// `nil` puts it in ``Result/standardOutput`` (in-process callers and tests).
    var reportOutput: (@Sendable (Data) -> Void)?

    /// What a run printed and how it ended.
    struct Result: Sendable {
        var exitCode: Int32
        var standardOutput: String
        var standardError: String
        var report: ConvertReport
    }

    /// One file handed to a child task: the input, its place in input order, and where its output goes.
    struct FileWork: Sendable {
        var input: ConvertInput
        var index: Int
        var output: String?
        /// Whether the output's folder may still be missing.
        var creatingFolder: Bool
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

    /// From how many staged outputs a commit starts (fewer only at the end). Their `syncfs`es run one at a
    /// time, each taking every output staged meanwhile: a `syncfs` costs about the same for 64 files or 2,000, so the
    /// batches grow to what the disk needs and the converters never wait for it.
    ///
    /// A commit has two halves on two queues of their own: the `syncfs`, then the names. The next batch's
    /// `syncfs` starts as soon as this one's ends, while this batch is being named: naming 100,000 outputs
    /// into one folder (`linkat` into a directory index that grows) took as long as their `syncfs`es, and
    /// done one after the other the two kept the converters waiting for room.
    static let commitBatch = 64
    /// How many outputs may be staged or committing before converters stop: each holds an open file and
    /// its result waits in memory.
    static let stagedLimit = min(2_048, OpenFileLimit.raised() / 4)

    /// How many consecutive files one child task converts. The end of each child task wakes the run's loop
    /// on another thread: with one file to a task, waking and waiting cost a fifth of a one-job run's
    /// CPU in a profile of 30,000 Wyn files on tmpfs.
    static let filesPerTask = 8

    /// What the run's loop hears from its child tasks.
    enum Event: Sendable {
        /// Files converted, their outputs staged (or none).
        case converted([FileResult])
        /// A batch of staged outputs made durable, or the failure that kept it from being.
        case durable([(index: Int, staged: AtomicFileWriter.Staged)], CommandFailure?)
        /// A batch of staged outputs named (or let go).
        case committed([CommitOutcome])
    }

    /// How one staged output's commit ended: `failure` is `nil` when it was renamed into place.
    struct CommitOutcome: Sendable {
        var index: Int
        var failure: CommandFailure?
    }

    /// Runs the conversion.
    ///
    /// - Throws: ``CommandFailure`` for a problem with the run itself (missing input, an output
    ///   over an input); a bad file is reported and the run goes on.
    func execute(standardInput: @Sendable () -> Data) async throws(CommandFailure) -> Result {
        let conversion = FileConversion(
            source: ProductAdapters.adapter(for: from), target: ProductAdapters.adapter(for: to),
            context: context, policy: policy)
        let roots = try InputExpansion.roots(inputs)
        let files = InputExpansion.Inputs(roots: roots)
        let total: Int
        var plan: OutputPlan?
        let drawsProgress = progress ?? ProgressBar(total: 1).enabled
        // In a folder this run creates, no output exists yet, so none can be an input, and no earlier run
        // left temporary files there.
        var outputsMayExist = false
        if let outputDirectory {
            outputsMayExist = FileManager.default.fileExists(atPath: outputDirectory)
            do {
                try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("\(outputDirectory): the output folder cannot be created")
            }
            let outputPlan = OutputPlan(directory: outputDirectory)
            if outputsMayExist || roots.count > 1 || drawsProgress {
                total = try outputPlan.check(files, sharingPossible: roots.count > 1, outputsMayExist: outputsMayExist)
            } else {
                // One root into a new folder: nothing to check, and no bar to count for; the inputs are walked once.
                total = 0
            }
            plan = outputPlan
        } else {
            total = files.reduce(0) { count, _ in count + 1 }
            guard total == 1 else {
                throw CommandFailure(
                    "\(total) input files need -o DIR; without it one input's result goes to standard output")
            }
            guard !json else { throw CommandFailure("--json prints the report on standard output; it needs -o DIR") }
        }
        let started = Date()
        let stdinData = roots.contains(.standardInput) ? standardInput() : Data()
        let bar = ProgressBar(total: total, enabled: drawsProgress)
        var stream = try ReportStream(
            from: from, to: to, reportPath: reportPath, standardOutput: json, keepsTasks: keepsTasks)
        var firstDocument: Data?
        // The cooperative pool runs as many tasks at once as there are cores. Below that, exactly --jobs tasks
        // convert; at or above it, a few more wait in the pool's queue, so that a core never idles until this
        // loop hands it the next files.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let limit = jobs < cores ? max(1, jobs) : max(jobs, 4 * cores)
        // Each output folder is created once, here, rather than by every file's worker.
        var outputFolders: Set<String> = []
        let failure = await withTaskGroup(of: Event.self, returning: CommandFailure?.self) { group in
            var remaining = files.makeIterator()
            var exhausted = false
            var next = 0
            var done = 0
            // Files in child tasks, and the child tasks converting them.
            var converting = 0
            var convertingTasks = 0
            var syncing = 0
            var unnamed = 0
            func start() {
                var work: [FileWork] = []
                work.reserveCapacity(Self.filesPerTask)
                while work.count < Self.filesPerTask {
                    guard let input = remaining.next() else {
                        exhausted = true
                        break
                    }
                    let output = input.unreadable == nil ? plan?.output(for: input) : nil
                    var folderReady = false
                    if let output {
                        let folder = AtomicFileWriter.folder(of: output)
                        folderReady = outputFolders.contains(folder)
                        if !folderReady,
                            (try? FileManager.default.createDirectory(
                                atPath: folder, withIntermediateDirectories: true)) != nil
                        {
                            outputFolders.insert(folder)
                            folderReady = true
                        }
                    }
                    work.append(FileWork(input: input, index: next, output: output, creatingFolder: !folderReady))
                    next += 1
                }
                guard !work.isEmpty else { return }
                converting += work.count
                convertingTasks += 1
                group.addTask { .converted(work.map { Self.convert($0, data: stdinData, with: conversion) }) }
            }
            // Converters stop while outputs wait for their commit, so that open files and results stay bounded.
            func startWhileRoom() {
                while !exhausted, convertingTasks < limit, unnamed + converting < Self.stagedLimit { start() }
            }
            // Results come back in any order; they go to the report in input order, each once its output is
            // committed, and are let go.
            var pending: [Int: FileResult] = [:]
            var staged: [(index: Int, staged: AtomicFileWriter.Staged)] = []
            var nextToReport = 0
            func commitStaged() {
                guard syncing == 0, !staged.isEmpty else { return }
                let batch = staged
                staged.removeAll(keepingCapacity: true)
                syncing += 1
                group.addTask {
                    let failure = await Self.outsideThePool(on: Self.syncQueue) {
                        AtomicFileWriter.makeDurable(batch.map(\.staged))
                    }
                    return .durable(batch, failure)
                }
            }
            func report() throws(CommandFailure) {
                while let result = pending[nextToReport], result.staged == nil {
                    pending[nextToReport] = nil
                    nextToReport += 1
                    if firstDocument == nil { firstDocument = result.document }
                    try stream.append(result.entries, texts: result.entryTexts)
                }
            }
            startWhileRoom()
            do {
                for await event in group {
                    switch event {
                    case .converted(let results):
                        converting -= results.count
                        convertingTasks -= 1
                        for result in results {
                            pending[result.index] = result
                            if let output = result.staged {
                                staged.append((result.index, output))
                                unnamed += 1
                            } else {
                                done += 1
                            }
                        }
                    case .durable(let batch, let failure):
                        syncing -= 1
                        group.addTask {
                            let named = await Self.outsideThePool(on: Self.namingQueue) {
                                AtomicFileWriter.name(batch.map(\.staged), durable: failure)
                            }
                            return .committed(
                                zip(batch, named).map { CommitOutcome(index: $0.index, failure: $1.failure) })
                        }
                    case .committed(let outcomes):
                        for outcome in outcomes {
                            guard var result = pending[outcome.index] else { continue }
                            result.staged = nil
                            if let failure = outcome.failure {
                                Self.markUnwritten(&result.entries, failure)
                                result.entryTexts = result.entries.map(ReportStream.text(of:))
                            }
                            pending[outcome.index] = result
                        }
                        done += outcomes.count
                        unnamed -= outcomes.count
                    }
                    bar.update(done: done)
                    try report()
                    startWhileRoom()
                    if staged.count >= Self.commitBatch || exhausted && converting == 0 { commitStaged() }
                }
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
        if outputsMayExist {
            AtomicFileWriter.removeStaleTemporaries(
                in: outputFolders.sorted(), of: { plan?.isOutput($0, of: roots) ?? false }, modifiedBefore: started)
        }
        let report = stream.report(from: from, to: to)
        var standardOutput = ""
        var standardError = stream.problems
        var reportText = Data()
        if outputDirectory != nil, json, let reportOutput {
            try stream.finish(text: reportOutput)
        } else if outputDirectory != nil, json {
            try stream.finish { reportText.append($0) }
        } else {
            try stream.finish(text: nil)
        }
        if outputDirectory == nil {
            if let firstDocument { standardOutput += String(decoding: firstDocument, as: UTF8.self) }
            standardError += report.table + "\n"
        } else if json {
            standardOutput += String(decoding: reportText, as: UTF8.self)
        } else {
            standardOutput += report.table + "\n"
        }
        return Result(
            exitCode: stream.worst.exitCode, standardOutput: standardOutput, standardError: standardError,
            report: report)
    }

    /// Reads, converts and stages one file, with its entries' report texts.
    static func convert(_ work: FileWork, data stdinData: Data, with conversion: FileConversion) -> FileResult {
        var result = converted(work, data: stdinData, with: conversion)
        result.entryTexts = result.entries.map(ReportStream.text(of:))
        return result
    }

    private static func converted(
        _ work: FileWork, data stdinData: Data, with conversion: FileConversion
    )
        -> FileResult
    {
        let (input, index, output) = (work.input, work.index, work.output)
        if let unreadable = input.unreadable {
            return FileResult(
                index: index, entries: [FileConversion.failed(input.path, .root, unreadable)], document: nil)
        }
        let data: Data
        if input == .standardInput {
            data = stdinData
        } else {
            switch WholeFile.read(input.path) {
            case .success(let bytes): data = bytes
            case .failure(let failure):
                return FileResult(
                    index: index,
                    entries: [FileConversion.failed(input.path, .root, "the file cannot be read (\(failure.reason))")],
                    document: nil)
            }
        }
        var outcome = conversion.convert(data, file: input.path)
        guard let document = outcome.document else {
            return FileResult(index: index, entries: outcome.entries, document: nil)
        }
        var bytes = JSONWriter.bytes(document, pretty: true)
        bytes.append(0x0A)
        let text = Data(bytes)
        guard let output else { return FileResult(index: index, entries: outcome.entries, document: text) }
        do {
            let staged = try AtomicFileWriter.stage(
                parts: [.bytes(text)], for: output, creatingFolder: work.creatingFolder)
            for position in outcome.entries.indices where outcome.entries[position].written {
                outcome.entries[position].output = output
            }
            return FileResult(index: index, entries: outcome.entries, document: nil, staged: staged)
        } catch {
            Self.markUnwritten(&outcome.entries, error)
            return FileResult(index: index, entries: outcome.entries, document: nil)
        }
    }

    /// Runs `work` on `queue` and returns its result: `syncfs`, `fsync` and renames block, and the cooperative
    /// threads belong to the converters.
    static func outsideThePool<Value: Sendable>(
        on queue: DispatchQueue, _ work: @escaping @Sendable () -> Value
    ) async -> Value {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }

    /// Where batches are made durable, one after another.
    private static let syncQueue = DispatchQueue(label: "taskgate.convert.sync")
    /// Where durable batches are named, one after another.
    private static let namingQueue = DispatchQueue(label: "taskgate.convert.naming")

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
