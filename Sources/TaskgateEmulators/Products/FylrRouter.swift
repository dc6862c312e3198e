import HTTPTypes
import Hummingbird
import TaskgateCore

/// fylr's background-task API, current spec (fylr.md §2–§9): integer ids, `_version`
/// increments, `{limit, offset, count, objects}` pages, and the `{code, error, package,
/// parameters, realm, statuscode}` error envelope.
///
/// The emulator has one user holding `system.task`; tasks never start by themselves, so
/// cancel always answers 400 (only a running task can be cancelled, §3.6).
struct FylrDescription: ProductDescription {
    let product = EmulatedProduct.fylr
    let authScheme = AuthScheme.fylrBearer

    static let modules: Set<String> = [
        "delete_objects", "metadata", "search", "set_unset_tags", "consolidate_objects", "sleep",
    ]

    func errorBody(status: HTTPResponse.Status, code: String, message: String) -> JSONValue? {
        errorBody(
            status: status, code: code == "Unauthorized" ? "UserRequired" : code, message: message, parameters: [:])
    }

    func errorBody(status: HTTPResponse.Status, code: String, message: String, parameters: JSONObject) -> JSONValue {
        var parameters = parameters
        parameters["realm"] = .string("api")
        parameters["statuscode"] = .integer(Int64(status.code))
        return .object([
            "code": .string(code), "error": .string(message), "package": .string("task"),
            "parameters": .object(parameters), "realm": .string("api"), "statuscode": .integer(Int64(status.code)),
        ])
    }

    private func failure(
        _ status: HTTPResponse.Status, _ code: String, _ message: String, _ parameters: JSONObject
    )
        -> EmulatorFailure
    {
        EmulatorFailure(
            status: status, body: errorBody(status: status, code: code, message: message, parameters: parameters))
    }

    func registerRoutes(on group: RouterGroup<BasicRequestContext>, core: EmulatorCore) {
        let create: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let envelope = try await core.objectBody(request, code: "BodyInvalid")
            let task = try validate(envelope)
            let now = core.clock().description
            let stored = try await core.store.insert(product: product) { sequence in
                var inner = task
                inner["_id"] = .integer(sequence)
                inner["_version"] = .integer(1)
                inner["status"] = .string("new")
                for key in ["run_started_at", "run_finished_at", "run_canceled_at", "status_percent"] {
                    inner[key] = .null
                }
                inner["state"] = inner["state"] ?? .object([:])
                var stored = envelope
                stored["_basetype"] = .string("task")
                stored["task"] = .object(inner)
                stored["_user"] = .object([
                    "_id": .integer(1), "_version": .integer(1), "_generated_displayname": .string(core.user),
                ])
                stored["created_at"] = .string(now)
                stored["updated_at"] = .string(now)
                return (String(sequence), .object(stored))
            }
            return Reply.stored(stored)
        }
        group.post(use: create)
        group.put(use: create)
        group.get { request, _ in
            let page = try PageQuery.read(
                request, core: core, defaultLimit: 100, maximumLimit: 1000, offsetName: "offset")
            let (tasks, total) = try await core.store.tasks(product: product, offset: page.offset, limit: page.limit)
            return Reply.page(
                [
                    "limit": .integer(Int64(page.limit)), "offset": .integer(Int64(page.offset)),
                    "count": .integer(Int64(total)),
                ], tasks, at: "objects")
        }
        group.get("modules") { _, _ in
            Reply.json(
                .object([
                    "modules": .array(
                        Self.modules.sorted().map {
                            .object(["name": .string($0), "debug": .bool($0 == "sleep"), "params": .array([])])
                        })
                ]))
        }
        group.get("{taskId}") { _, context in
            let id = try taskID(context)
            guard let task = try await core.store.task(product: product, id: id) else {
                throw failure(
                    .notFound, "ResourceNotFound", "task \(id) not found", ["resource": .string("task \(id)")])
            }
            return Reply.stored(task)
        }
        group.patch("{taskId}") { request, context in
            let id = try taskID(context)
            let envelope = try await core.objectBody(request, code: "BodyInvalid")
            let task = try validate(envelope)
            let now = core.clock()
            let received = task["_version"]?.integerValue
            let updated = try await core.store.update(product: product, id: id) { old in
                let current = old["task"]?["_version"]?.integerValue ?? 1
                guard received == current + 1 else {
                    let got: JSONValue = received.map { .integer($0) } ?? .null
                    throw failure(
                        .badRequest, "VersionMismatch",
                        "The version \(received.map(String.init) ?? "null") does not match the expected version \(current + 1).",
                        [
                            "currentversion": .integer(current), "expected": .integer(current + 1),
                            "expectedversion": .integer(current + 1), "got": got, "object": .string("task \(id)"),
                            "receivedversion": got,
                        ])
                }
                var stored = old.objectValue ?? [:]
                var inner = task
                for key in [
                    "_id", "status", "status_msg", "status_percent", "state", "run_started_at", "run_finished_at",
                    "run_canceled_at",
                ] {
                    inner[key] = old["task"]?[key] ?? .null
                }
                stored["task"] = .object(inner)
                stored["updated_at"] = .string(now.description)
                return .object(stored)
            }
            guard let updated else {
                throw failure(.badRequest, "ObjectNotFound", "task \(id) not found", ["object": .string("task \(id)")])
            }
            return Reply.stored(updated)
        }
        group.delete("{taskId}") { _, context in
            let id = try taskID(context)
            guard try await core.store.delete(product: product, id: id) else {
                throw failure(.notFound, "ObjectNotFound", "task \(id) not found", ["object": .string("task \(id)")])
            }
            return Reply.json(.object(["status": .object(["acknowledged": .string("ok")])]))
        }
        group.post("{taskId}/cancel") { _, context in
            let id = try taskID(context)
            guard let task = try await core.store.task(product: product, id: id) else {
                throw failure(.notFound, "ObjectNotFound", "task \(id) not found", ["object": .string("task \(id)")])
            }
            let status = task.body["task"]?["status"]?.stringValue ?? "new"
            guard status == "running" else {
                throw failure(
                    .badRequest, "TaskNotRunning", "task \(id) is not running (status \(status))",
                    ["object": .string("task \(id)"), "status": .string(status)])
            }
            return Reply.json(.object(["status": .object(["acknowledged": .string("ok")])]))
        }
        group.get("{taskId}/log") { request, context in
            let id = try taskID(context)
            guard try await core.store.task(product: product, id: id) != nil else {
                throw failure(.notFound, "ObjectNotFound", "task \(id) not found", ["object": .string("task \(id)")])
            }
            _ = try PageQuery.read(request, core: core, defaultLimit: 100, offsetName: "offset")
            return Reply.json(.array([]))
        }
    }

    /// fylr ids are integers (fylr.md §3.3): anything else is a 400 naming the value.
    private func taskID(_ context: BasicRequestContext) throws -> String {
        let text = try context.parameters.require("taskId")
        guard let id = Int64(text), id > 0 else {
            throw failure(
                .badRequest, "ParameterInvalid", "taskId '\(text)' is not an integer",
                ["name": .string("taskId"), "value": .string(text)])
        }
        return String(id)
    }

    /// The envelope's `task`: a known module (`ModuleUnknown`, §9) and readable schedules (§5).
    private func validate(_ envelope: JSONObject) throws -> JSONObject {
        guard let task = envelope["task"]?.objectValue else {
            throw failure(.badRequest, "BodyInvalid", "the envelope has no task object", ["name": .string("task")])
        }
        let module = task["task_module"]?.stringValue ?? ""
        guard Self.modules.contains(module) else {
            throw failure(
                .badRequest, "ModuleUnknown", "The module name \"\(module)\" is unknown.", ["name": .string(module)])
        }
        if let schedules = task["schedules"], schedules != .null {
            guard let list = schedules.arrayValue else {
                throw failure(
                    .badRequest, "BodyInvalid", "task.schedules must be an array", ["name": .string("schedules")])
            }
            for (index, schedule) in list.enumerated() {
                do {
                    _ = try ScheduleTexts.parse(
                        .fylr,
                        [JSONWriter.text(schedule)],
                        context: DialectContext(zone: "UTC", reference: Instant(secondsSinceEpoch: 0)))
                } catch {
                    throw failure(
                        .badRequest, "ScheduleInvalid", "task.schedules[\(index)]: \(error.description)",
                        ["name": .string("schedules[\(index)]")])
                }
            }
        }
        if let next = task["next_run_at"]?.stringValue, Instant(parsingRFC3339: next) == nil {
            throw failure(
                .badRequest, "BodyInvalid", "task.next_run_at '\(next)' is not a datetime",
                ["name": .string("next_run_at")])
        }
        return task
    }
}
