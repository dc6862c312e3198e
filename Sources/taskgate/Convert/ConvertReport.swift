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

        /// Appends the entry's pretty text at `level`, as `JSONEncoder` encodes it with sorted keys (absent
        /// optionals left out): members in key order, written without building and sorting a dictionary
        /// for each of the report's tasks.
        func writePretty(into text: inout [UInt8], level: Int) {
            var object = JSONWriter.Container.object(into: &text, pretty: true, level: level)
            if let error { object.member("error", .string(error), into: &text) }
            object.member("file", .string(file), into: &text)
            object.nextMember("losses", into: &text)
            var array = JSONWriter.Container.array(into: &text, pretty: true, level: object.innerLevel)
            for loss in losses {
                array.nextElement(into: &text)
                loss.writePretty(into: &text, level: array.innerLevel)
            }
            array.close(into: &text)
            if let output { object.member("output", .string(output), into: &text) }
            object.member("path", .string(path), into: &text)
            if let schedule {
                object.nextMember("schedule", into: &text)
                schedule.writePretty(into: &text, level: object.innerLevel)
            }
            object.member("status", .string(status.rawValue), into: &text)
            object.member("written", .bool(written), into: &text)
            object.close(into: &text)
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

        /// Appends the loss's pretty text at `level`, as `JSONEncoder` encodes it: members in key order.
        func writePretty(into text: inout [UInt8], level: Int) {
            var object = JSONWriter.Container.object(into: &text, pretty: true, level: level)
            object.member("path", .string(path), into: &text)
            object.member("reason", .string(reason), into: &text)
            object.member("value", value, into: &text)
            object.close(into: &text)
        }
    }

    /// The schedule verdict: status, why, notes, and the instants that differ.
    struct ScheduleVerdict: Codable, Hashable, Sendable {
        var status: String
        var reason: String?
        var notes: [String]
        var differences: [String]

        /// Appends the verdict's pretty text at `level`, as `JSONEncoder` encodes it (no `reason` when there
        /// is none): members in key order.
        func writePretty(into text: inout [UInt8], level: Int) {
            var object = JSONWriter.Container.object(into: &text, pretty: true, level: level)
            object.member("differences", .array(differences.map(JSONValue.string)), into: &text)
            object.member("notes", .array(notes.map(JSONValue.string)), into: &text)
            if let reason { object.member("reason", .string(reason), into: &text) }
            object.member("status", .string(status), into: &text)
            object.close(into: &text)
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
