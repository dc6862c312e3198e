import TaskgateCore

/// A fylr task envelope as `GET /api/v1/task` returns it, in either shape (fylr.md §1, §4.1).
///
/// The seed's older shape nests the owner (`_user.user`) and keeps `version`, `created_at` and
/// `updated_at` inside `task`; the current shape has a flat `_user`, `_basetype: "task"`, the
/// timestamps at the top level and `task._version`. Both are read; the current one is written.
struct FylrTaskEnvelopePayload: Hashable, Sendable {
    /// Which of the two shapes the envelope was in.
    enum Shape: String, Hashable, Sendable {
        case legacy, current
    }

    /// The shape read.
    var shape: Shape
    /// The owner and run-as user (server-set).
    var user: FylrUserPayload?
    /// The task object.
    var task: FylrTaskPayload
    /// Server-set members by path, verbatim (`_user`, `created_at`, `updated_at`, and the task's).
    var serverFields: [JSONPath: JSONValue]
    /// Members without a known meaning, by path, verbatim.
    var unknown: [JSONPath: JSONValue]

    /// The envelope members the adapter reads itself.
    static let serverKeys = ["_user", "created_at", "updated_at"]

    /// Reads an envelope at `path`.
    init(_ json: JSONValue, at path: JSONPath) throws(TaskDecodingError) {
        var envelope = try FylrFieldReader(json, at: path, expected: #"a fylr task envelope {"task": {…}}"#)
        if let basetype = try envelope.string("_basetype"), basetype != "task" {
            throw envelope.mismatch("_basetype", .string(basetype), "'task'")
        }
        var serverFields: [JSONPath: JSONValue] = [:]
        for key in Self.serverKeys {
            if let value = envelope.value(key) { serverFields[path.appending(key)] = value }
        }
        _ = try envelope.instant("created_at")
        _ = try envelope.instant("updated_at")
        guard let taskValue = envelope.value("task") else {
            throw TaskDecodingError(
                product: .fylr, path: path.appending("task"), value: nil, expected: "the task object")
        }
        let task = try FylrTaskPayload(taskValue, at: path.appending("task"))
        var user: FylrUserPayload?
        if let userValue = envelope.members["_user"], userValue != .null {
            user = try FylrUserPayload(userValue, at: path.appending("_user"))
        }
        let legacy = user?.nested == true || task.legacyVersion
        self.shape = legacy ? .legacy : .current
        self.user = user
        self.task = task
        self.serverFields = serverFields.merging(task.serverFields) { first, _ in first }
        self.unknown = envelope.remaining.merging(task.unknown) { first, _ in first }
    }
}
