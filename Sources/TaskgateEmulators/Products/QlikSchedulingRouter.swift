import HTTPTypes
import Hummingbird
import TaskgateCore

/// Qlik Cloud's scheduling-tasks API (qlik-scheduling.md §2–§7).
///
/// Error bodies use the documented envelope `{errors: [{code, title, context, timestamp}],
/// traceId}` with the service's observed `CHO-nnn` codes (§7): `CHO-001` for an invalid body,
/// `CHO-017` for a rejected schedule, `CHO-004` for a missing task. PATCH answers 200 with the
/// task (§E4 allows 200 or 204). Graph endpoints are not emulated.
struct QlikSchedulingDescription: ProductDescription {
    let product = EmulatedProduct.qlikScheduling
    let authScheme = AuthScheme.bearer

    func errorBody(status: HTTPResponse.Status, code: String, message: String) -> JSONValue? {
        .object([
            "errors": .array([
                .object([
                    "code": .string(code.hasPrefix("CHO-") ? code : "HTTP-\(status.code)"),
                    "title": .string(message), "status": .integer(Int64(status.code)),
                ])
            ]),
            "traceId": .string(EmulatorID.hex(16)),
        ])
    }

    func registerRoutes(on group: RouterGroup<BasicRequestContext>, core: EmulatorCore) {
        group.post { request, _ in
            let body = try await core.objectBody(request, code: "CHO-001")
            let now = core.clock()
            try validate(body, core: core, now: now)
            let stored = try await core.store.insert(product: product) { _ in
                let id = EmulatorID.uuid()
                return (id, serverView(body, id: id, created: now, now: now))
            }
            return Reply.stored(stored, status: .created)
        }
        group.get { request, _ in
            let page = try PageQuery.read(
                request, core: core, defaultLimit: 10, maximumLimit: 100, cursorNames: ["page"])
            let (tasks, next) = try await core.cursorPage(page)
            return Reply.page(["links": links(request, core: core, page: page, next: next)], tasks, at: "data")
        }
        group.get("{id}") { _, context in
            try await Reply.stored(find(context, core: core))
        }
        group.put("{id}") { request, context in
            let id = try context.parameters.require("id")
            let body = try await core.objectBody(request, code: "CHO-001")
            let now = core.clock()
            try validate(body, core: core, now: now)
            // PUT resets every omitted field (§E5): the new body alone, plus what the server owns.
            let updated = try await core.store.update(product: product, id: id) { old in
                let created = old["metadata"]?["createdAt"]?.stringValue.flatMap { Instant(parsingRFC3339: $0) } ?? now
                return serverView(body, id: id, created: created, now: now)
            }
            guard let updated else { throw core.failure(.notFound, code: "CHO-004", message: "task not found") }
            return Reply.stored(updated)
        }
        group.patch("{id}") { request, context in
            let id = try context.parameters.require("id")
            let operations = try await core.jsonBody(request, code: "CHO-001")
            _ = try await find(context, core: core)
            let now = core.clock()
            let updated = try await core.store.update(product: product, id: id) { old in
                let patched: JSONValue
                do {
                    patched = try JSONPatch.apply(operations, to: old)
                } catch {
                    throw core.failure(.badRequest, code: "CHO-001", message: "\(error)")
                }
                guard let object = patched.objectValue else {
                    throw core.failure(.badRequest, code: "CHO-001", message: "the patched task is not an object")
                }
                try validate(object, core: core, now: now)
                return serverView(object, id: id, created: now, now: now, keeping: old)
            }
            guard let updated else { throw core.failure(.notFound, code: "CHO-004", message: "task not found") }
            return Reply.stored(updated)
        }
        group.delete("{id}") { _, context in
            guard try await core.store.delete(product: product, id: context.parameters.require("id")) else {
                throw core.failure(.notFound, code: "CHO-004", message: "task not found")
            }
            return Reply.empty(.noContent)
        }
        group.post("{id}/actions/start") { request, context in
            let task = try await find(context, core: core)
            let body = task.body
            let now = core.clock()
            let runID = EmulatorID.uuid()
            let run: JSONValue = .object([
                "id": .string(runID), "status": .string("SUCCEEDED"), "startedAt": .string(now.millisecondText),
                "endedAt": .string(now.millisecondText), "workerId": .string(EmulatorID.uuid()),
                "workerType": .string("reloads"),
                "triggeredBy": .string(request.uri.queryParameters.get("source") ?? "manual"),
                "executedAs": .string(core.user), "taskId": .string(task.id),
                "taskName": body["name"] ?? .string(""), "actionId": .string("reload"),
                "resourceId": body["resourceId"] ?? .string(""), "taskMeta": body["metadata"] ?? .object([:]),
                "log": .string("reload of \(task.id) finished"),
            ])
            try await core.store.insertRun(product: product, taskID: task.id, id: runID, body: run)
            return Reply.json(.object(["message": .string("Task started successfully.")]))
        }
        group.get("{id}/runs") { request, context in
            let task = try await find(context, core: core)
            let page = try PageQuery.read(
                request, core: core, defaultLimit: 10, maximumLimit: 100, cursorNames: ["page"])
            let rows = try await core.store.runs(
                product: product, taskID: task.id, after: page.after, limit: page.limit + 1)
            let runs = Array(rows.prefix(page.limit))
            let next = rows.count > page.limit ? runs.last.map { PageQuery.token(after: $0.sequence) } : nil
            return Reply.page(["links": links(request, core: core, page: page, next: next)], runs, at: "data")
        }
        group.get("{id}/runs/last") { _, context in
            let task = try await find(context, core: core)
            guard let last = try await core.store.runs(product: product, taskID: task.id, after: 0, limit: 10_000).last
            else {
                throw core.failure(.notFound, code: "CHO-004", message: "task has not run yet")
            }
            return Reply.stored(last)
        }
        group.get("{id}/runs/{runId}/log") { request, context in
            let task = try await find(context, core: core)
            let runID = try context.parameters.require("runId")
            let runs = try await core.store.runs(product: product, taskID: task.id, after: 0, limit: 10_000)
            guard let run = runs.first(where: { $0.id == runID }) else {
                throw core.failure(.notFound, code: "CHO-004", message: "run not found")
            }
            let log = run.body["log"]?.stringValue ?? ""
            if request.headers[.accept] == "text/plain" {
                return Response(
                    status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: .init(string: log)))
            }
            return Reply.json(.object(["logContent": .string(log)]))
        }
    }

    private func find(_ context: BasicRequestContext, core: EmulatorCore) async throws -> StoredTask {
        try await core.requireTask(context.parameters.require("id"), code: "CHO-004", message: "task not found")
    }

    private func links(_ request: Request, core: EmulatorCore, page: PageQuery, next: String?) -> JSONValue {
        let base = "\(core.origin(request))\(request.uri.path)?limit=\(page.limit)"
        var links: JSONObject = [
            "self": .object([
                "href": .string(page.after > 0 ? "\(base)&page=\(PageQuery.token(after: page.after))" : base)
            ])
        ]
        if let next { links["next"] = .object(["href": .string("\(base)&page=\(next)")]) }
        return .object(links)
    }

    /// The stored view: the client's fields, `enabled` false unless sent true (§E2), and the
    /// server-owned `id`, `resourceId` and `metadata` fields.
    private func serverView(
        _ body: JSONObject, id: String, created: Instant, now: Instant, keeping old: JSONValue? = nil
    ) -> JSONValue {
        var task = body
        task["id"] = .string(id)
        task["enabled"] = .bool(body["enabled"]?.boolValue == true)
        task["resourceId"] = old?["resourceId"] ?? .string(body["metadata"]?["resourceId"]?.stringValue ?? "")
        var metadata = body["metadata"]?.objectValue ?? [:]
        metadata["ownerId"] = .string("taskgate")
        metadata["createdBy"] = old?["metadata"]?["createdBy"] ?? .string("taskgate")
        metadata["createdAt"] = old?["metadata"]?["createdAt"] ?? .string(created.millisecondText)
        metadata["updatedAt"] = .string(now.millisecondText)
        metadata["tenantId"] = .string("taskgate-tenant")
        metadata["usage"] = metadata["usage"] ?? .string("ANALYTICS")
        if task["enabled"] == .bool(false) {
            metadata["disabledCode"] = .string("MANUALLY")
        } else {
            metadata.removeValue(forKey: "disabledCode")
        }
        task["metadata"] = .object(metadata)
        return .object(task)
    }

    /// `name` and `specVersion` are required (§3.1); `start.schedule` must read (§4).
    private func validate(_ body: JSONObject, core: EmulatorCore, now: Instant) throws {
        for key in ["name", "specVersion"] where body[key]?.stringValue == nil {
            throw core.failure(.badRequest, code: "CHO-001", message: "\(key) is required")
        }
        guard let start = body["start"] else { return }
        guard let schedule = start["schedule"] else {
            throw core.failure(.badRequest, code: "CHO-001", message: "Start has no StartdefOneOf field")
        }
        func reject(_ message: String) -> EmulatorFailure {
            core.failure(.badRequest, code: "CHO-017", message: message)
        }
        if let text = schedule.stringValue {
            do {
                _ = try ScheduleTexts.parse(.iso8601, [text], context: DialectContext(zone: "UTC", reference: now))
            } catch {
                throw reject("start.schedule: \(error.description)")
            }
            return
        }
        guard let object = schedule.objectValue else { throw reject("start.schedule must be a string or an object") }
        let zone = object["timezone"]?.stringValue ?? "UTC"
        var startLocal: LocalDateTime?
        var endInstant: Instant?
        if let text = object["startDateTime"]?.stringValue {
            guard let local = LocalDateTime(parsing: text) ?? Instant(parsingRFC3339: text)?.localDateTime(offset: 0)
            else {
                throw reject("start.schedule.startDateTime '\(text)' is not an ISO 8601 date-time")
            }
            startLocal = local
        }
        if let text = object["endDateTime"]?.stringValue {
            guard let local = LocalDateTime(parsing: text) ?? Instant(parsingRFC3339: text)?.localDateTime(offset: 0)
            else {
                throw reject("start.schedule.endDateTime '\(text)' is not an ISO 8601 date-time")
            }
            if let startLocal, local <= startLocal { throw reject("endDateTime must be after startDateTime") }
            endInstant = Instant(secondsSinceEpoch: local.secondsSinceEpoch)
            if let endInstant, endInstant < now { throw reject("endDateTime must not be in the past") }
        }
        let context = DialectContext(zone: zone, start: startLocal, reference: now)
        do {
            if let rule = object["recurrence"] {
                guard let text = rule.stringValue else {
                    throw reject("start.schedule.recurrence must be one RRULE string")
                }
                _ = try ScheduleTexts.parse(.rrule, [text], context: context)
            } else if let cron = object["cron"] {
                guard let text = cron.stringValue ?? cron["expression"]?.stringValue else {
                    throw reject("start.schedule.cron must be a string or {expression}")
                }
                _ = try ScheduleTexts.parse(.quartz, [text], context: context)
            } else if let interval = object["interval"]?.stringValue {
                _ = try ScheduleTexts.parse(.iso8601, [interval], context: context)
            } else {
                throw reject("start.schedule needs recurrence, cron or interval")
            }
        } catch let error as ScheduleSyntaxError {
            throw reject("start.schedule: \(error.description)")
        }
    }
}
