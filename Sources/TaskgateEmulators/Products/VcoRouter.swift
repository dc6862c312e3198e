import HTTPTypes
import Hummingbird
import TaskgateCore

/// vRealize Orchestrator's scheduled-task API, 8.x JSON form (vco.md §2–§8).
///
/// Error bodies are undocumented (vco.md §12 item 7); the emulator answers
/// `{"status": N, "message": "…"}`, the `message` field the provider's tests read (§8). The list
/// pages with `startIndex`/`maxResult` and returns link entries with `id`, `name` and `state`
/// attributes (§2 T1). A missing zone prefix means UTC (§12 item 2).
struct VcoDescription: ProductDescription {
    let product = EmulatedProduct.vco
    let authScheme = AuthScheme.basicOrBearer

    static let cycles: Set<String> = [
        "one-time", "every-minutes", "every-hours", "every-days", "every-weeks", "every-months",
    ]

    func errorBody(status: HTTPResponse.Status, code: String, message: String) -> JSONValue? {
        .object(["status": .integer(Int64(status.code)), "message": .string(message)])
    }

    func registerRoutes(on group: RouterGroup<BasicRequestContext>, core: EmulatorCore) {
        group.post { request, _ in
            let body = try await core.objectBody(request)
            let now = core.clock()
            guard let workflow = body["workflow"]?.objectValue, workflow["id"]?.stringValue != nil else {
                throw core.failure(.badRequest, code: "", message: "workflow with an id is required")
            }
            if let state = body["state"]?.stringValue, state != "pending", state != "suspended" {
                throw core.failure(.badRequest, code: "", message: "Unsupported task state '\(state)' on create")
            }
            try validateSchedule(body, core: core, now: now)
            let origin = core.origin(request)
            let stored = try await core.store.insert(product: product) { _ in
                let id = EmulatorID.uuid()
                var task = body
                task["id"] = .string(id)
                task["href"] = .string("\(origin)\(product.basePath)/\(id)/")
                task["state"] = .string("pending")
                task["user"] = .string(core.user)
                task["recurrence-cycle"] = body["recurrence-cycle"] ?? .string("one-time")
                task["start-mode"] = body["start-mode"] ?? .string("normal")
                task["relations"] = .object(["total": .integer(0), "start": .integer(0), "link": .array([])])
                return (id, .object(task))
            }
            return Reply.stored(
                stored, status: .accepted, headers: [.location: stored.body["href"]?.stringValue ?? ""])
        }
        group.get { request, _ in
            let page = try PageQuery.read(
                request, core: core, limitName: "maxResult", defaultLimit: 100, maximumLimit: 1000,
                offsetName: "startIndex")
            let (tasks, total) = try await core.store.tasks(product: product, offset: page.offset, limit: page.limit)
            let links: [JSONValue] = tasks.map { task in
                let body = task.body  // decoded once per task, not once per attribute
                return .object([
                    "rel": .string("down"), "href": body["href"] ?? .string(""),
                    "attribute": .array(
                        ["id", "name", "state"].map { name in
                            .object(["name": .string(name), "value": body[name] ?? .string("")])
                        }),
                ])
            }
            return Reply.json(
                .object([
                    "start": .integer(Int64(page.offset)), "total": .integer(Int64(total)), "link": .array(links),
                ]))
        }
        group.get("{id}") { _, context in
            try await Reply.stored(find(context, core: core))
        }
        group.post("{id}") { request, context in
            let id = try context.parameters.require("id")
            let data = try await core.objectBody(request)
            let now = core.clock()
            let current = try await find(context, core: core).body
            if let workflow = data["workflow"]?["id"], workflow != current["workflow"]?["id"] {
                throw core.failure(.badRequest, code: "", message: "The workflow of a task cannot be changed")
            }
            var merged = current.objectValue ?? [:]
            for (key, value) in data where key != "id" && key != "href" && key != "user" { merged[key] = value }
            if let state = data["state"]?.stringValue {
                guard ["pending", "suspended", "canceled"].contains(state) else {
                    throw core.failure(.badRequest, code: "", message: "Unsupported task state '\(state)'")
                }
                if current["state"]?.stringValue == state {
                    throw core.failure(
                        .conflict, code: "", message: state == "pending" ? "Cannot resume task" : "Cannot \(state) task"
                    )
                }
            }
            try validateSchedule(merged, core: core, now: now)
            let replacement = JSONValue.object(merged)
            let updated = try await core.store.update(product: product, id: id) { _ in replacement }
            guard let updated else { throw core.failure(.notFound, code: "", message: "Task not found: \(id)") }
            return Reply.stored(updated)
        }
        group.delete("{id}") { _, context in
            let id = try context.parameters.require("id")
            guard try await core.store.delete(product: product, id: id) else {
                throw core.failure(.notFound, code: "", message: "Task not found: \(id)")
            }
            return Reply.empty(.noContent)
        }
        group.get("{id}/executions") { _, context in
            let task = try await find(context, core: core)
            let runs = try await core.store.runs(product: product, taskID: task.id, after: 0, limit: 1000)
            return Reply.page(["total": .integer(Int64(runs.count)), "start": .integer(0)], runs, at: "link")
        }
    }

    private func find(_ context: BasicRequestContext, core: EmulatorCore) async throws -> StoredTask {
        let id = try context.parameters.require("id")
        return try await core.requireTask(id, code: "", message: "Task not found: \(id)")
    }

    /// `recurrence-start-date` is required (§3.1); cycle and pattern must read (§5).
    private func validateSchedule(_ task: JSONObject, core: EmulatorCore, now: Instant) throws {
        func fail(_ message: String) -> EmulatorFailure { core.failure(.badRequest, code: "", message: message) }
        guard let startText = task["recurrence-start-date"]?.stringValue else {
            throw fail("recurrence-start-date is required")
        }
        guard let start = Instant(parsingRFC3339: startText) else {
            throw fail("recurrence-start-date '\(startText)' is not a date-time")
        }
        var end: TimePoint?
        if let endText = task["recurrence-end-date"]?.stringValue, !endText.isEmpty {
            guard let instant = Instant(parsingRFC3339: endText) else {
                throw fail("recurrence-end-date '\(endText)' is not a date-time")
            }
            end = .instant(instant)
        }
        let cycle = task["recurrence-cycle"]?.stringValue ?? "one-time"
        guard Self.cycles.contains(cycle) else {
            throw fail("recurrence-cycle '\(cycle)' is not one of \(Self.cycles.sorted().joined(separator: ", "))")
        }
        if let mode = task["start-mode"]?.stringValue, mode != "normal", mode != "start-in-the-past" {
            throw fail("start-mode '\(mode)' is not one of normal, start-in-the-past")
        }
        let pattern = task["recurrence-pattern"]?.stringValue ?? ""
        let context = DialectContext(zone: "UTC", start: start.localDateTime(offset: 0), end: end, reference: now)
        do {
            _ = try ScheduleTexts.parse(.vco, ["\(cycle) \(pattern)"], context: context)
        } catch {
            throw fail("recurrence-pattern: \(error.description)")
        }
    }
}
