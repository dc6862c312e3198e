import ArgumentParser
import Foundation
import TaskgateCore
import TaskgateVendors

/// `taskgate convert`: exported task files of one product into another product's format.
struct ConvertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert exported task files from one product's format into another's.",
        discussion: """
            INPUT is a file, a folder (every *.json below it), a glob, or - for standard input; a file may \
            hold one task, an array of tasks or the product's list envelope. Each output is written \
            atomically under -o DIR with the input's name and never over an input. Exit code: 0 all tasks \
            exact, 1 some lossy, 2 some failed or impossible, or the run itself failed.
            """
    )

    @Option(help: "The source product: wyn, qlik-sharing, qlik-scheduling, fylr, vco.")
    var from: Product

    @Option(help: "The target product.")
    var to: Product

    @Argument(help: "Files, folders, globs, or - for standard input.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "The output folder; without it the one input's result goes to standard output.")
    var output: String?

    @Option(help: "Write the report (per task: file, path, status, losses, schedule verdict) as JSON to this file.")
    var report: String?

    @Option(help: "What to do with a task that converts with losses: allow (write it), skip, fail.")
    var lossy: LossyPolicy = .allow

    @Option(help: "How many files to convert at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("id-map"), help: "A JSON file mapping document, app and workflow ids across products.")
    var idMap: String?

    @OptionGroup var now: NowOption

    @Flag(help: "Print the report as JSON instead of the summary table (needs -o).")
    var json = false

    @OptionGroup var mappings: MappingsOption

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more; found \(jobs)") }
    }

    /// The run these options describe.
    func makeRun() throws -> ConvertRun {
        let instant = now.instant
        let context = AdapterContext(
            vocabulary: try mappings.vocabulary(), idMap: try idMap.map(IDMapFile.load) ?? IDMap(),
            zones: try mappings.zoneLookup().resolver, now: instant, conversions: ConversionMemo(), parses: ParseMemo())
        return ConvertRun(
            from: from, to: to, inputs: inputs, outputDirectory: output, reportPath: report, policy: lossy, jobs: jobs,
            json: json, context: context)
    }

    /// Runs; a failure of the run itself (not of one file) prints `Error: …` and exits 2.
    func run() async throws {
        let result: ConvertRun.Result
        do {
            var run = try makeRun()
            run.keepsTasks = false
            run.reportOutput = { FileHandle.standardOutput.write($0) }
            result = try await run.execute { FileHandle.standardInput.readDataToEndOfFile() }
        } catch {
            FileHandle.standardError.write(Data("Error: \(String(describing: error))\n".utf8))
            throw ExitCode(2)
        }
        FileHandle.standardError.write(Data(result.standardError.utf8))
        FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
