import TaskgateCore
import TaskgateVendors

/// The `--report` document of a `convert` run: per task its file, JSON path, status, losses and
/// schedule verdict.
struct ConvertReport: Codable, Hashable, Sendable {
    /// The source product.
    var from: String
    /// The target product.
    var to: String
    /// How many tasks ended in each status.
    var summary: [String: Int]
    /// Every task, in input order.
    var tasks: [TaskEntry]

    /// One task of the run.
    struct TaskEntry: Codable, Hashable, Sendable {
        /// The input file (`-` for standard input).
        var file: String
        /// The task's path in the file: `$`, `[2]`, `objects[0]`.
        var path: String
        /// How it ended.
        var status: TaskOutcomeStatus
        /// Whether it was written.
        var written: Bool
        /// Where it was written, when it was.
        var output: String?
        /// What the target cannot hold.
        var losses: [LossEntry]
        /// The schedule's conversion, when the task was read.
        var schedule: ScheduleVerdict?
        /// Why it failed, when it did.
        var error: String?

        /// The entry as `JSONEncoder` encodes it: absent optionals left out.
        var json: JSONValue {
            var members: JSONObject = [
                "file": .string(file), "path": .string(path), "status": .string(status.rawValue),
                "written": .bool(written), "losses": .array(losses.map(\.json)),
            ]
            if let output { members["output"] = .string(output) }
            if let schedule { members["schedule"] = schedule.json }
            if let error { members["error"] = .string(error) }
            return .object(members)
        }
    }

    /// One loss.
    struct LossEntry: Codable, Hashable, Sendable {
        var path: String
        var value: JSONValue
        var reason: String

        init(_ loss: Loss) {
            path = loss.path.description
            value = loss.value
            reason = loss.reason
        }

        /// The loss as `JSONEncoder` encodes it.
        var json: JSONValue { .object(["path": .string(path), "value": value, "reason": .string(reason)]) }
    }

    /// The schedule verdict: status, why, notes, and the instants that differ.
    struct ScheduleVerdict: Codable, Hashable, Sendable {
        var status: String
        var reason: String?
        var notes: [String]
        var differences: [String]

        /// The verdict as `JSONEncoder` encodes it: no `reason` when there is none.
        var json: JSONValue {
            var members: JSONObject = [
                "status": .string(status), "notes": .array(notes.map(JSONValue.string)),
                "differences": .array(differences.map(JSONValue.string)),
            ]
            if let reason { members["reason"] = .string(reason) }
            return .object(members)
        }
    }

    /// A report of `tasks`, with its summary counted.
    init(from: Product, to: Product, tasks: [TaskEntry]) {
        self.from = from.rawValue
        self.to = to.rawValue
        self.tasks = tasks
        var summary: [String: Int] = [:]
        for status in TaskOutcomeStatus.allCases { summary[status.rawValue] = 0 }
        for task in tasks { summary[task.status.rawValue, default: 0] += 1 }
        self.summary = summary
    }

    /// The worst status of the run; exact when there were no tasks.
    var worst: TaskOutcomeStatus { tasks.map(\.status).max() ?? .exact }

    /// The summary table printed after a run.
    var table: String {
        var lines = ["status      tasks"]
        for status in TaskOutcomeStatus.allCases {
            let count = String(summary[status.rawValue] ?? 0)
            lines.append(
                status.rawValue + String(repeating: " ", count: max(1, 17 - status.rawValue.count - count.count))
                    + count)
        }
        return lines.joined(separator: "\n")
    }
}

extension ConvertReport.ScheduleVerdict {
    /// The verdict of a conversion.
    init(_ conversion: ScheduleConversion) {
        self.init(
            status: conversion.status.rawValue, reason: conversion.reason, notes: conversion.notes,
            differences: conversion.report?.differences.map(\.description) ?? [])
    }
}
