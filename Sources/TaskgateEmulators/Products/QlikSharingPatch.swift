public import TaskgateCore

/// The body of Qlik sharing's `PATCH /sharing-tasks/{taskId}` (qlik-sharing.md §2 E4): a JSON
/// array of `replace` and `remove` operations on the task's patchable top-level fields.
///
/// The emulator and the proxy's Qlik sharing front read it alike: same checks, same messages.
public struct QlikSharingPatch: Hashable, Sendable {
    /// One checked operation.
    public struct Operation: Hashable, Sendable {
        /// `replace` or `remove`.
        public var op: String
        /// The patched path, such as `/scheduleOptions`.
        public var path: String
        /// The new value (`replace`).
        public var value: JSONValue?

        /// The task field the path names (`/ownerId` is the `owner` field).
        public var field: String { path == "/ownerId" ? "owner" : String(path.dropFirst()) }
    }

    /// The operations, in order.
    public var operations: [Operation]

    /// Reads and checks `body`; the error text names the operation and what was expected.
    public static func read(_ body: JSONValue) -> Result<QlikSharingPatch, QlikSharingPatchError> {
        guard let list = body.arrayValue else {
            return .failure(QlikSharingPatchError(message: "the body must be an array of patch operations"))
        }
        var operations: [Operation] = []
        for (index, item) in list.enumerated() {
            guard let op = item["op"]?.stringValue, op == "replace" || op == "remove" else {
                let found = item["op"].map { JSONWriter.text($0) } ?? "nothing"
                return .failure(
                    QlikSharingPatchError(message: "[\(index)].op is \(found); expected replace or remove"))
            }
            guard let path = item["path"]?.stringValue, QlikSharingDescription.patchPaths.contains(path) else {
                let path = item["path"]?.stringValue ?? ""
                let paths = QlikSharingDescription.patchPaths.sorted().joined(separator: ", ")
                return .failure(
                    QlikSharingPatchError(
                        message: "[\(index)].path '\(path)' cannot be patched; expected one of \(paths)"))
            }
            operations.append(Operation(op: op, path: path, value: item["value"]))
        }
        return .success(QlikSharingPatch(operations: operations))
    }

    /// `task` with the operations applied in order (a `replace` without a value writes `null`).
    public func applied(to task: JSONObject) -> JSONObject {
        var task = task
        for operation in operations {
            if operation.op == "remove" {
                task.removeValue(forKey: operation.field)
            } else {
                task[operation.field] = operation.value ?? .null
            }
        }
        return task
    }
}

/// A Qlik sharing patch body that cannot be read.
public struct QlikSharingPatchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, naming the operation: `[1].op must be replace or remove`.
    public var message: String

    /// The message.
    public var description: String { message }
}
