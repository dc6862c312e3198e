import TaskgateCore
import TaskgateMigration
import TaskgateVendors

/// The `--plan` and `--report` documents of a `migrate` run: per task its ids, verdict, losses,
/// schedule proof and outcome.
struct MigrateReport: Codable, Hashable, Sendable {
    /// The source product and URL.
    var from: String
    /// The target product and URL.
    var to: String
    /// Whether this is a dry run's plan (nothing was written).
    var dryRun: Bool
    /// The counts; `nil` in a plan.
    var summary: MigrationSummary?
    /// Every task, in source order.
    var tasks: [TaskEntry]

    /// One task.
    struct TaskEntry: Codable, Hashable, Sendable {
        /// Its id in the source.
        var sourceID: String
        /// Its name.
        var name: String
        /// exact, lossy or impossible; absent when the task could not be read.
        var conversion: String?
        /// create, skip or fail.
        var decision: String
        /// The printed target schedule (`DialectText` lines).
        var targetSchedule: [String]
        /// What the target cannot hold.
        var losses: [ConvertReport.LossEntry]
        /// The schedule's conversion verdict and proof.
        var schedule: ConvertReport.ScheduleVerdict?
        /// created, adopted, resumed, skipped or failed; absent in a plan.
        var outcome: TaskOutcome.Action?
        /// Its id in the target.
        var targetID: String?
        /// Whether it was read back and proved.
        var verified: Bool?
        /// Why it was skipped or failed, or the upstream's error.
        var message: String?
    }

    /// The entries of a plan, with the outcomes when the plan was applied.
    init(from: String, to: String, plan: [PlannedTask], outcomes: [TaskOutcome]?) {
        self.from = from
        self.to = to
        dryRun = outcomes == nil
        summary = outcomes.map(MigrationSummary.init)
        var byID: [String: TaskOutcome] = [:]
        for outcome in outcomes ?? [] { byID[outcome.sourceID] = outcome }
        tasks = plan.map { task in
            let outcome = byID[task.sourceID]
            let decision: String
            var message: String?
            switch task.decision {
            case .create: decision = "create"
            case .skip(let reason):
                decision = "skip"
                message = reason
            case .fail(let reason):
                decision = "fail"
                message = reason
            }
            return TaskEntry(
                sourceID: task.sourceID, name: task.name, conversion: task.status?.rawValue, decision: decision,
                targetSchedule: task.encoded?.schedule.target?.lines ?? [],
                losses: task.encoded?.losses.map(ConvertReport.LossEntry.init) ?? [],
                schedule: task.encoded.map { ConvertReport.ScheduleVerdict($0.schedule) }, outcome: outcome?.action,
                targetID: outcome?.targetID, verified: outcome.map(\.verified), message: outcome?.message ?? message)
        }
    }

    /// The plan table: one line per task with its verdict, decision and target schedule, then the
    /// losses in full.
    static func planTable(_ plan: [PlannedTask]) -> String {
        var lines = ["source id                  verdict     action  target schedule / name"]
        var lossLines: [String] = []
        for task in plan {
            let verdict = task.status?.rawValue ?? "unread"
            let action: String
            switch task.decision {
            case .create: action = "create"
            case .skip: action = "skip"
            case .fail: action = "fail"
            }
            let schedule = task.encoded?.schedule.target?.lines.joined(separator: " | ") ?? "-"
            lines.append(
                pad(task.sourceID, 26) + " " + pad(verdict, 11) + " " + pad(action, 7) + " " + schedule + "  ("
                    + task.name + ")")
            for loss in task.encoded?.losses ?? [] {
                lossLines.append("  \(task.sourceID): \(loss.path): \(loss.reason)")
            }
            switch task.decision {
            case .create: break
            case .skip(let reason), .fail(let reason): lossLines.append("  \(task.sourceID): \(reason)")
            }
        }
        if !lossLines.isEmpty { lines += ["", "losses and reasons:"] + lossLines }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
