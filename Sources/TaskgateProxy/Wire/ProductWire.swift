import Foundation
import HTTPTypes
import TaskgateCore
import TaskgateEmulators

/// The parts of a product's task API the proxy needs beyond the adapters: paths, methods, where
/// the id sits in a task, list envelopes and pagination, and the credential header.
///
/// Paths and error bodies come from the emulators' descriptions (`EmulatedProduct`), so that the
/// proxy front and an emulator of the same product speak alike.
struct ProductWire: Sendable {
    /// The product.
    var product: Product

    /// The emulator's name for the product (same spelling).
    var emulated: EmulatedProduct {
        switch product {
        case .wyn: .wyn
        case .qlikSharing: .qlikSharing
        case .qlikScheduling: .qlikScheduling
        case .fylr: .fylr
        case .vco: .vco
        }
    }

    /// The collection path, `/api/v2/scheduler/tasks`.
    var basePath: String { emulated.basePath }

    /// The method that changes a task: a full document for Wyn (PUT), Qlik scheduling (PUT) and
    /// vCO (POST); a JSON Patch for Qlik sharing; the next `_version` for fylr (PATCH).
    var updateMethod: HTTPRequest.Method {
        switch product {
        case .wyn, .qlikScheduling: .put
        case .vco: .post
        case .qlikSharing, .fylr: .patch
        }
    }

    /// Qlik sharing's update body: one `replace` per patchable top-level field of `task`.
    static func qlikSharingPatch(_ task: JSONValue) -> JSONValue {
        let paths = EmulatedProduct.qlikSharingPatchPaths
        let operations: [JSONValue] = (task.objectValue ?? [:]).keys.sorted().compactMap { key in
            guard paths.contains("/\(key)"), let value = task[key] else { return nil }
            return .object(["op": .string("replace"), "path": .string("/\(key)"), "value": value])
        }
        return .array(operations)
    }

    /// fylr's update body: the envelope with `task._version` one past the stored version.
    static func fylrNextVersion(_ task: JSONValue, current: JSONValue) -> JSONValue {
        guard var envelope = task.objectValue, var inner = envelope["task"]?.objectValue else { return task }
        inner["_version"] = .integer((current["task"]?["_version"]?.integerValue ?? 0) + 1)
        envelope["task"] = .object(inner)
        return .object(envelope)
    }

    /// How the product starts a task now.
    enum RunRequest: Hashable, Sendable {
        /// A POST below the base path (Wyn `/{id}/run`, Qlik scheduling `/{id}/actions/start`,
        /// Qlik sharing `/actions/execute` with the id in the body).
        case post(path: String, body: JSONValue?)
        /// fylr's "Run now" (fylr.md §5.2 item 10): the task saved again with `next_run_at` now.
        case nextRunNow
        /// vCO's only manual run is its workflow's (vco.md §2): `POST /vco/api/workflows/{id}/executions`
        /// with the task's input parameters.
        case workflowExecution
    }

    /// How this product starts task `id` now.
    func runRequest(id: String) -> RunRequest {
        switch product {
        case .wyn: .post(path: "/\(id)/run", body: nil)
        case .qlikScheduling: .post(path: "/\(id)/actions/start", body: nil)
        case .qlikSharing: .post(path: "/actions/execute", body: .object(["sharingTaskID": .string(id)]))
        case .fylr: .nextRunNow
        case .vco: .workflowExecution
        }
    }

    /// fylr's "Run now": the task envelope as read, with `next_run_at` set to `now` and the next `_version`.
    static func fylrRunNow(_ current: JSONValue, now: Instant) -> JSONValue {
        guard var envelope = current.objectValue, var inner = envelope["task"]?.objectValue else { return current }
        inner["next_run_at"] = .string(now.description)
        envelope["task"] = .object(inner)
        return fylrNextVersion(.object(envelope), current: current)
    }

    /// vCO's execution request for the workflow of task document `task`: its path and its
    /// `execution-context` body (the task's input parameters, read from either documented key);
    /// `nil` when the task names no workflow.
    static func vcoWorkflowExecution(of task: JSONValue) -> (path: String, body: JSONValue)? {
        guard let workflowID = task["workflow"]?["id"]?.stringValue, !workflowID.isEmpty else { return nil }
        let parameters = task["input-parameters"] ?? task["parameter"] ?? .array([])
        // RFC 3986 unreserved characters only: an id cannot leave the workflow's path.
        let unreserved = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "abcdefghijklmnopqrstuvwxyz" + "0123456789-._~")
        let escaped = workflowID.addingPercentEncoding(withAllowedCharacters: unreserved) ?? workflowID
        return ("/vco/api/workflows/\(escaped)/executions", .object(["parameters": parameters]))
    }

    /// The answer the product gives to a successful run of task `id`.
    func runAnswer(id: String, now: Instant, runID: String) -> (status: HTTPResponse.Status, body: JSONValue?) {
        switch product {
        case .wyn:
            (
                .ok,
                .object([
                    "id": .string(runID), "taskId": .string(id), "status": .string("Succeeded"),
                    "startTime": .string(now.description),
                ])
            )
        case .qlikScheduling: (.ok, .object(["message": .string("Task started successfully.")]))
        case .qlikSharing, .fylr, .vco: (.noContent, nil)
        }
    }

    /// The answer the product gives to a successful delete.
    var deleteAnswer: (status: HTTPResponse.Status, body: JSONValue?) {
        switch product {
        case .fylr: (.ok, .object(["status": .object(["acknowledged": .string("ok")])]))
        case .wyn, .qlikSharing, .qlikScheduling, .vco: (.noContent, nil)
        }
    }

    /// The header that carries `token` to this product.
    func credentialHeader(_ token: String) -> (name: String, value: String) {
        switch product {
        case .wyn: ("Reference-Token", token)
        case .qlikSharing, .qlikScheduling, .fylr, .vco: ("Authorization", "Bearer \(token)")
        }
    }

    /// Query parameters that carry a credential and are never forwarded.
    var credentialQueryNames: Set<String> {
        switch product {
        case .wyn: ["token"]
        case .fylr: ["access_token"]
        case .qlikSharing, .qlikScheduling, .vco: []
        }
    }

    /// The task's id in a task document (fylr: the integer `task._id`).
    func taskID(in task: JSONValue) -> String? {
        switch product {
        case .fylr: task["task"]?["_id"]?.integerValue.map(String.init)
        case .wyn, .qlikSharing, .qlikScheduling, .vco: task["id"]?.stringValue
        }
    }

    /// The task document with its id set to `id`.
    func settingID(_ id: String, in task: JSONValue) -> JSONValue {
        guard var object = task.objectValue else { return task }
        switch product {
        case .fylr:
            var inner = object["task"]?.objectValue ?? [:]
            inner["_id"] = Int64(id).map(JSONValue.integer) ?? .string(id)
            object["task"] = .object(inner)
        case .wyn, .qlikSharing, .qlikScheduling, .vco:
            object["id"] = .string(id)
        }
        return .object(object)
    }
}
