import Foundation
import TaskgateCore
import TaskgateVendors

/// Files, context and JSON helpers for the fylr adapter tests.
enum FylrTesting {
    /// The repository's root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// `examples/fylr`.
    static let examples = root.appendingPathComponent("examples/fylr")
    /// `Tests/TaskgateVendorsTests/Fixtures/fylr`.
    static let fixtures = root.appendingPathComponent("Tests/TaskgateVendorsTests/Fixtures/fylr")
    /// "Now" for every test: Monday 2026-11-23 15:00 UTC.
    static let now = Instant(parsingRFC3339: "2026-11-23T15:00:00Z") ?? Instant(secondsSinceEpoch: 0)
    /// The adapter context of the tests.
    static let context = AdapterContext(
        vocabulary: Vocabulary(
            actions: [
                .fylr: [
                    ActionTerm(values: ["task_module": "delete_objects"], action: "delete-objects", target: "search"),
                    ActionTerm(values: ["task_module": "search"], action: "search", target: "search"),
                ]
            ]),
        zones: ZoneResolver(), now: now)

    /// The example files, sorted.
    static func exampleFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: examples, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Reads a JSON file.
    static func json(at url: URL) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
    }

    /// Reads JSON text.
    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Pretty, sorted JSON text.
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// A fylr document as the round-trip law compares it: without server-set fields, with the
    /// defaults the writer fills in, the `next_run_at` of a scheduled task reduced to whether it is
    /// set (the scheduler rewrites it), and without `schedules` (compared as decoded schedules).
    static func normalised(_ document: JSONValue) -> JSONValue {
        guard case .object(var envelope) = document, case .object(var task)? = envelope["task"] else {
            return document
        }
        for key in ["_user", "created_at", "updated_at"] { envelope[key] = nil }
        envelope["_basetype"] = .string("task")
        for key in [
            "_id", "_version", "version", "created_at", "updated_at", "state", "status", "status_msg",
            "status_percent", "run_started_at", "run_finished_at", "run_canceled_at",
        ] {
            task[key] = nil
        }
        task["task_params"] = task["task_params"] ?? .object([:])
        task["task_timeout_sec"] = task["task_timeout_sec"] ?? .integer(0)
        task["description"] = task["description"] ?? .string("")
        task["next_run_at"] = task["next_run_at"] ?? .null
        let scheduled = !(task["schedules"]?.arrayValue ?? []).isEmpty
        if scheduled, task["next_run_at"] != .null { task["next_run_at"] = .string("set") }
        task["schedules"] = nil
        if case .object(var email)? = task["email"], case .array(let recipients)? = email["recipients"] {
            email["recipients"] = .array(
                recipients.map { recipient in
                    guard case .object(var members) = recipient else { return recipient }
                    members["problems_only"] = members["problems_only"] ?? .bool(false)
                    return .object(members)
                })
            task["email"] = .object(email)
        }
        envelope["task"] = .object(task)
        return .object(envelope)
    }
}
