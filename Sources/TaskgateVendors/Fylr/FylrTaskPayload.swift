import TaskgateCore

/// The `task` object of a fylr envelope (fylr.md §4.2), read from either shape.
struct FylrTaskPayload: Hashable, Sendable {
    /// The server's id.
    var id: Int64?
    /// `_version` (current) or `version` (seed).
    var version: Int64?
    /// Whether the version came as the seed's `version`.
    var legacyVersion: Bool
    /// The module the task runs.
    var module: String
    /// The module's parameters, verbatim.
    var parameters: JSONObject
    /// Seconds a run may take; 0 = no limit.
    var timeoutSeconds: Int64?
    /// The user's text, shown as the task's name.
    var description: String?
    /// Whether `next_run_at` was present (null or not).
    var nextRunAtPresent: Bool
    /// The earliest next start; `nil` = do not run.
    var nextRunAt: Instant?
    /// Per-app storage, verbatim.
    var frontendPreferences: JSONObject?
    /// Mail recipients after a run.
    var recipients: [FylrEmailRecipientPayload]
    /// Whether an `email` object was present.
    var emailPresent: Bool
    /// The schedule objects, verbatim.
    var schedules: [JSONValue]
    /// The last run's status.
    var status: String?
    /// Server-set members by path, verbatim.
    var serverFields: [JSONPath: JSONValue]
    /// Members without a known meaning, by path, verbatim.
    var unknown: [JSONPath: JSONValue]

    /// The members the server manages (fylr.md §4.2 "Access").
    static let serverKeys = [
        "_id", "_version", "version", "created_at", "updated_at", "state", "status", "status_msg",
        "status_percent", "run_started_at", "run_finished_at", "run_canceled_at",
    ]
    /// The values `status` takes (fylr.md §0 fact 7).
    static let statuses = ["new", "running", "done", "canceled", "error"]

    /// Reads the task object at `path`.
    init(_ json: JSONValue, at path: JSONPath) throws(TaskDecodingError) {
        var task = try FylrFieldReader(json, at: path, expected: "the task object")
        var serverFields: [JSONPath: JSONValue] = [:]
        for key in Self.serverKeys {
            if let value = task.members[key] { serverFields[path.appending(key)] = value }
        }
        id = try task.integer("_id")
        let current = try task.integer("_version")
        let legacy = try task.integer("version")
        version = current ?? legacy
        legacyVersion = current == nil && legacy != nil
        for key in ["created_at", "updated_at", "run_started_at", "run_finished_at", "run_canceled_at"] {
            _ = try task.instant(key)
        }
        status = try task.string("status")
        if let status, !Self.statuses.contains(status) {
            throw task.mismatch("status", .string(status), "one of new, running, done, canceled, error")
        }
        _ = try task.string("status_msg")
        _ = try task.integer("status_percent")
        _ = task.value("state")
        guard let module = try task.string("task_module") else {
            throw TaskDecodingError(
                product: .fylr, path: path.appending("task_module"), value: nil,
                expected: "a module name such as delete_objects, metadata, search, set_unset_tags, consolidate_objects")
        }
        self.module = module
        parameters = try task.object("task_params") ?? [:]
        timeoutSeconds = try task.integer("task_timeout_sec")
        if let timeoutSeconds, timeoutSeconds < 0 {
            throw task.mismatch("task_timeout_sec", .integer(timeoutSeconds), "0 (no limit) or more seconds")
        }
        description = try task.string("description")
        nextRunAtPresent = task.members["next_run_at"] != nil
        nextRunAt = try task.instant("next_run_at")
        frontendPreferences = try task.object("frontend_prefs")
        var recipients: [FylrEmailRecipientPayload] = []
        var unknown: [JSONPath: JSONValue] = [:]
        emailPresent = false
        if let emailValue = task.value("email"), emailValue != .null {
            emailPresent = true
            var email = try FylrFieldReader(
                emailValue, at: path.appending("email"), expected: "an object {recipients: […]}")
            for (index, item) in (try email.array("recipients") ?? []).enumerated() {
                let recipient = try FylrEmailRecipientPayload(
                    item, at: path.appending("email").appending("recipients").appending(index))
                recipients.append(recipient)
                unknown.merge(recipient.unknown) { first, _ in first }
            }
            unknown.merge(email.remaining) { first, _ in first }
        }
        self.recipients = recipients
        schedules = try task.array("schedules") ?? []
        self.serverFields = serverFields
        self.unknown = task.remaining.merging(unknown) { first, _ in first }
    }
}
