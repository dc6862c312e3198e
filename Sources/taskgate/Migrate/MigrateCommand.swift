import ArgumentParser
import Foundation
import TaskgateCore
import TaskgateMigration
import TaskgateVendors

/// `taskgate migrate`: every task of one product's server into another's, resumably.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Move every scheduled task from one product's server to another's, resumably.",
        discussion: """
            Lists every source task (all pages), converts and proves each schedule, prints the plan, then \
            creates each task in the target, journaling every step so that a rerun after a crash resumes and \
            never creates a task twice, and reads each task back to verify it. Exit code: 0 every task \
            arrived and verified, 1 some skipped as lossy or impossible, 2 some failed or the run failed.
            """
    )

    @Option(help: ArgumentHelp("The source: PRODUCT=URL.", valueName: "product=url"))
    var from: EndpointArgument

    @Option(help: ArgumentHelp("The target: PRODUCT=URL.", valueName: "product=url"))
    var to: EndpointArgument

    @Option(name: .customLong("from-token"), help: "The source's credential (vCO: a bearer token or user:password).")
    var fromToken: String?

    @Option(name: .customLong("to-token"), help: "The target's credential.")
    var toToken: String?

    @Flag(name: .customLong("dry-run"), help: "Plan only: list, convert and prove, write nothing remotely.")
    var dryRun = false

    @Option(help: "Write the plan as JSON to this file.")
    var plan: String?

    @Option(parsing: .upToNextOption, help: "Migrate only the tasks with these source ids.")
    var only: [String] = []

    @Option(
        help: ArgumentHelp(
            "Migrate only the tasks meeting this condition; repeat it for several (all must hold).",
            discussion: """
                FIELD=VALUE (equal), FIELD!=VALUE (not equal) or FIELD~TEXT (contains, ignoring case), with FIELD \
                one of id, name, enabled (true/false), action, target, target-kind, owner, verdict \
                (exact/lossy/impossible): --filter enabled=true --filter name~report.
                """, valueName: "condition"))
    var filter: [String] = []

    @Option(help: "What to do with a task that converts with losses: allow (create it), skip, fail.")
    var lossy: LossyPolicy = .allow

    @Option(help: "The journal: an SQLite file or a postgres:// URL; a rerun with the same journal resumes.")
    var journal = "taskgate-migrate.sqlite"

    @Option(help: "Write the report (per task: outcome, ids, losses, verification) as JSON to this file.")
    var report: String?

    @Option(help: "Creates per minute (default: 100 for Qlik targets, Qlik's write tier; no limit otherwise).")
    var rate: Int?

    @Option(name: .customLong("id-map"), help: "A JSON file mapping document, app and workflow ids across products.")
    var idMap: String?

    @OptionGroup var now: NowOption

    @Option(help: "The verification horizon: a span such as 2y, 400d or 36h (a number and y, w, d or h).")
    var horizon = "2y"

    @Option(name: .customLong("horizon-runs"), help: "Compare at least this many runs of each schedule.")
    var horizonRuns = 1000

    @Option(
        name: .customLong("journal-batch"),
        help: "Tasks sent between two journal commits (a crash leaves at most twice this many to look for).")
    var journalBatch = MigrationRunner.defaultBatchSize

    @Flag(
        name: .customLong("baseline-creates"),
        help: ArgumentHelp(
            "Benchmarks: plan, then POST every planned task without journal or read-back.", visibility: .hidden))
    var baselineCreates = false

    @Flag(help: ArgumentHelp("Benchmarks: print each phase's seconds to standard error.", visibility: .hidden))
    var timings = false

    @Flag(name: .customLong("insecure"), help: "Do not verify TLS certificates.")
    var insecure = false

    @Flag(help: "Print the report (or with --dry-run the plan) as JSON instead of the tables.")
    var json = false

    @OptionGroup var mappings: MappingsOption

    func validate() throws {
        do {
            _ = try TaskFilter(parsing: filter)
        } catch {
            throw ValidationError(error.description)
        }
        guard VerificationHorizon(parsing: horizon) != nil else {
            throw ValidationError(
                "--horizon '\(horizon)' is not a span; expected a number and y, w, d or h, such as 2y or 400d")
        }
        if horizonRuns < 1 { throw ValidationError("--horizon-runs must be 1 or more; found \(horizonRuns)") }
        if journalBatch < 1 { throw ValidationError("--journal-batch must be 1 or more; found \(journalBatch)") }
        if let rate, rate < 1 { throw ValidationError("--rate must be 1 or more writes per minute; found \(rate)") }
    }

    /// The run these options describe.
    func makeRun() throws -> MigrateRun {
        let instant = now.instant
        let context = AdapterContext(
            vocabulary: try mappings.vocabulary(), idMap: try idMap.map(IDMapFile.load) ?? IDMap(),
            zones: try mappings.zoneLookup().resolver, now: instant,
            horizon: VerificationHorizon(parsing: horizon, minimumOccurrences: horizonRuns) ?? .standard,
            conversions: ConversionMemo(), parses: ParseMemo())
        return MigrateRun(
            source: MigrationEndpoint(product: from.product, baseURL: from.url, token: fromToken),
            target: MigrationEndpoint(product: to.product, baseURL: to.url, token: toToken),
            context: context, dryRun: dryRun, planPath: plan, only: only.isEmpty ? nil : Set(only), policy: lossy,
            journalPath: journal, reportPath: report,
            rate: rate ?? WriteRateLimiter.defaultRate(for: to.product), insecure: insecure, json: json,
            filter: try TaskFilter(parsing: filter), baselineCreates: baselineCreates, timings: timings,
            journalBatch: journalBatch)
    }

    /// Runs; a failure of the run itself prints `Error: …` and exits 2.
    func run() async throws {
        let result: MigrateRun.Result
        do {
            result = try await makeRun().execute()
        } catch {
            FileHandle.standardError.write(Data("Error: \(String(describing: error))\n".utf8))
            throw ExitCode(2)
        }
        FileHandle.standardError.write(Data(result.standardError.utf8))
        FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
