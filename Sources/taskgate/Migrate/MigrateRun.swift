import Foundation
import Logging
import Synchronization
import TaskgateCore
import TaskgateMigration
import TaskgateStore
import TaskgateStorePostgres
import TaskgateUpstream
import TaskgateVendors

/// One `migrate` run, with its I/O at the edges so that tests can drive it in process.
struct MigrateRun: Sendable {
    /// Where the tasks are.
    var source: MigrationEndpoint
    /// Where they go.
    var target: MigrationEndpoint
    /// Vocabulary, id map, zones and "now".
    var context: AdapterContext
    /// `--dry-run`.
    var dryRun: Bool
    /// `--plan FILE`.
    var planPath: String?
    /// `--only`.
    var only: Set<String>?
    /// `--lossy`.
    var policy: LossyPolicy
    /// `--journal`.
    var journalPath: String
    /// `--report FILE`.
    var reportPath: String?
    /// Creates per minute, when limited.
    var rate: Int?
    /// `--insecure`.
    var insecure: Bool
    /// `--json`.
    var json: Bool
    /// Whether to draw the progress bar; `nil` = when standard error is a terminal.
    var progress: Bool?
    /// `--filter`: the conditions a task must meet to be planned.
    var filter = TaskFilter()
    /// `--baseline-creates` (benchmarks): POST every planned body without journal or verification.
    var baselineCreates = false
    /// `--timings` (benchmarks): print each phase's seconds to standard error.
    var timings = false
    /// `--journal-batch`: tasks sent between two journal commits.
    var journalBatch = MigrationRunner.defaultBatchSize

    /// What a run printed and how it ended.
    struct Result: Sendable {
        var exitCode: Int32
        var standardOutput: String
        var standardError: String
        var report: MigrateReport
    }

    /// Lists, plans, and unless a dry run, applies and verifies.
    ///
    /// - Throws: ``CommandFailure`` when the source cannot be listed, the journal cannot be opened, or a
    ///   file cannot be written; a task that fails is reported and the run goes on.
    func execute() async throws(CommandFailure) -> Result {
        var logger = Logger(label: "taskgate.migrate")
        logger.logLevel = .warning
        let client: UpstreamClient
        do {
            client = try UpstreamClient(configuration: UpstreamConfiguration(insecure: insecure), logger: logger)
        } catch {
            throw CommandFailure(error.description)
        }
        defer { client.shutdown() }
        let clock = ContinuousClock()
        var phases: [(String, Duration)] = []
        var phaseStart = clock.now
        let documents: [JSONValue]
        do {
            documents = try await TaskListing(client: client, endpoint: source).all()
            phases.append(("list", clock.now - phaseStart))
            phaseStart = clock.now
        } catch {
            throw CommandFailure(error.description)
        }
        let policy = policy
        let planner = MigrationPlanner(
            source: ProductAdapters.adapter(for: source.product), target: ProductAdapters.adapter(for: target.product),
            context: context, only: only, filter: filter
        ) { status in
            let decision = policy.decide(status)
            if decision.write { return .create }
            if decision.reported == .failed { return .fail(reason: "lossy, and --lossy is fail") }
            return .skip(reason: status == .lossy ? "lossy, and --lossy is skip" : "impossible")
        }
        let plan = await planner.plan(documents)
        phases.append(("plan", clock.now - phaseStart))
        phaseStart = clock.now
        let fromText = "\(source.product)=\(SecretRedaction.redact(url: source.baseURL))"
        let toText = "\(target.product)=\(SecretRedaction.redact(url: target.baseURL))"
        var standardOutput = ""
        var standardError = ""
        if dryRun {
            let report = MigrateReport(from: fromText, to: toText, plan: plan, outcomes: nil)
            let text = try ConvertRun.text(report)
            if let planPath { try AtomicFileWriter.write(Data(text.utf8), to: planPath) }
            standardOutput = json ? text : MigrateReport.planTable(plan) + "\n"
            let skipped = plan.filter { if case .skip = $0.decision { true } else { false } }.count
            let failed = plan.filter { if case .fail = $0.decision { true } else { false } }.count
            return Result(
                exitCode: failed > 0 ? 2 : skipped > 0 ? 1 : 0, standardOutput: standardOutput,
                standardError: standardError, report: report)
        }
        if let planPath {
            let text = try ConvertRun.text(MigrateReport(from: fromText, to: toText, plan: plan, outcomes: nil))
            try AtomicFileWriter.write(Data(text.utf8), to: planPath)
        }
        if !json { standardError += MigrateReport.planTable(plan) + "\n" }
        let location: StoreLocation
        do {
            location = try StoreLocation(journalPath)
        } catch {
            throw CommandFailure(error.description)
        }
        let bar = ProgressBar(total: plan.count, enabled: progress ?? ProgressBar(total: 1).enabled, unit: "tasks")
        let started = ContinuousClock.now
        if baselineCreates {
            // The benchmark's baseline: the same creates, with no journal and no verification.
            let accepted: Int
            do {
                accepted = try await location.withStore(logger: logger) { store in
                    let runner = MigrationRunner(
                        client: client, store: store, target: target, context: context,
                        run: MigrationRunner.runName(from: source, to: target),
                        limiter: rate.map { WriteRateLimiter(writesPerMinute: $0) }, logger: logger)
                    return await runner.createWithoutJournal(plan)
                }
            } catch {
                throw CommandFailure("\(location): \(error)")
            }
            phases.append(("create", clock.now - phaseStart))
            standardError = Self.timingLine(phases, tasks: accepted) + "\n"
            let report = MigrateReport(from: fromText, to: toText, plan: plan, outcomes: nil)
            return Result(exitCode: 0, standardOutput: "", standardError: standardError, report: report)
        }
        let outcomes: [TaskOutcome]
        let applyPhases = Mutex<[(String, Duration)]>([])
        do {
            outcomes = try await location.withStore(logger: logger) { store in
                var runner = MigrationRunner(
                    client: client, store: store, target: target, context: context,
                    run: MigrationRunner.runName(from: source, to: target),
                    limiter: rate.map { WriteRateLimiter(writesPerMinute: $0) }, logger: logger
                ) { done, total in
                    bar.update(done: done, detail: Self.rateAndETA(done: done, total: total, since: started))
                }
                runner.batchSize = journalBatch
                runner.phaseEnded = { name, duration in applyPhases.withLock { $0.append(("apply." + name, duration)) }
                }
                do {
                    return try await runner.apply(plan)
                } catch {
                    throw CommandFailure(String(describing: error))
                }
            }
        } catch let error as CommandFailure {
            throw error
        } catch let error as StoreError {
            // The store could not be opened; a PostgreSQL location is shown without its password.
            throw CommandFailure("\(location): \(error.description)")
        } catch {
            throw CommandFailure("\(location): \(error)")
        }
        phases.append(("apply", clock.now - phaseStart))
        phases += applyPhases.withLock { $0 }
        if timings { standardError += Self.timingLine(phases, tasks: outcomes.count) + "\n" }
        let report = MigrateReport(from: fromText, to: toText, plan: plan, outcomes: outcomes)
        let summary = MigrationSummary(outcomes)
        let reportText = try ConvertRun.text(report)
        if let reportPath { try AtomicFileWriter.write(Data(reportText.utf8), to: reportPath) }
        for outcome in outcomes where outcome.action == .failed || (outcome.targetID != nil && !outcome.verified) {
            standardError += "\(outcome.action): \(outcome.sourceID): \(outcome.message ?? "")\n"
        }
        standardOutput = json ? reportText : summary.table + "\n"
        return Result(
            exitCode: summary.exitCode, standardOutput: standardOutput, standardError: standardError, report: report)
    }

    /// `timings: tasks 10000 list 1.234 plan 5.678 apply 9.012` (seconds).
    static func timingLine(_ phases: [(String, Duration)], tasks: Int) -> String {
        var line = "timings: tasks \(tasks)"
        for (name, duration) in phases {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            line += " \(name) " + String(format: "%.3f", seconds)
        }
        return line
    }

    /// `  12.5 tasks/s, ETA 40s`.
    static func rateAndETA(done: Int, total: Int, since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        guard seconds > 0, done > 0 else { return "" }
        let perSecond = Double(done) / seconds
        let remaining = Int((Double(total - done) / perSecond).rounded(.up))
        return "  " + String(format: "%.1f", perSecond) + " tasks/s, ETA \(remaining)s"
    }
}
