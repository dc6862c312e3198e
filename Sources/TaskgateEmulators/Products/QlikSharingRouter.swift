import HTTPTypes
import Hummingbird
import TaskgateCore

/// Qlik Cloud's sharing-tasks API (qlik-sharing.md §2–§9).
///
/// Choices for the digest's open questions (§12): the `RRULE:` prefix is optional; `COUNT`,
/// `WKST` and every `FREQ` the algebra reads are accepted; read-only fields in a create body
/// are ignored (§3.2); PATCH `/scheduleOptions` replaces the whole object; `limit` is 1–100,
/// default 10; 401 and 429 use the documented error shape (§9.1).
struct QlikSharingDescription: ProductDescription {
    let product = EmulatedProduct.qlikSharing
    let authScheme = AuthScheme.bearer

    static let types: Set<String> = ["chart-monitoring", "chart-sharing", "sheet-sharing", "template-sharing"]
    static let patchPaths: Set<String> = [
        "/name", "/tags", "/ownerId", "/enabled", "/description", "/scheduleOptions", "/templates", "/recipients",
        "/recipient", "/sharePointFolder", "/dataConnectionID", "/transportChannels", "/bookmarkId",
    ]

    func errorBody(status: HTTPResponse.Status, code: String, message: String) -> JSONValue? {
        .object([
            "errors": .array([
                .object([
                    "code": .string("HTTP-\(status.code)"), "title": .string(status.reasonPhrase),
                    "detail": .string(message), "meta": .object(["httpCode": .integer(Int64(status.code))]),
                ])
            ]),
            "traceId": .string(EmulatorID.hex(16)),
        ])
    }

    func registerRoutes(on group: RouterGroup<BasicRequestContext>, core: EmulatorCore) {
        group.get("settings") { _, _ in
            Reply.json(.object(["enable-sharing": .bool(true), "enable-email-sharing": .bool(true)]))
        }
        group.patch("settings") { _, _ in Reply.empty(.noContent) }
        group.put("settings") { _, _ in Reply.empty(.noContent) }
        group.post("actions/execute") { request, _ in
            let body = try await core.objectBody(request)
            guard let id = body["sharingTaskID"]?.stringValue else {
                throw core.failure(.badRequest, code: "", message: "sharingTaskID is required")
            }
            _ = try await core.requireTask(id, code: "", message: "task not found")
            try await core.store.insertRun(
                product: product, taskID: id, id: EmulatorID.hex(24),
                body: .object(["executedAt": .string(core.clock().millisecondText)]))
            _ = try await core.store.update(product: product, id: id) { old in
                var task = old.objectValue ?? [:]
                task["lastRun"] = .string(core.clock().millisecondText)
                task["lastExecutionDate"] = .string(core.clock().millisecondText)
                return .object(task)
            }
            return Reply.empty(.noContent)
        }
        group.post { request, _ in
            let body = try await core.objectBody(request)
            let now = core.clock()
            for key in ["name", "type", "state", "templates"] where body[key] == nil {
                throw core.failure(.badRequest, code: "", message: "\(key) is required")
            }
            guard let type = body["type"]?.stringValue, Self.types.contains(type) else {
                throw core.failure(
                    .badRequest, code: "",
                    message: "type must be one of chart-monitoring, chart-sharing, sheet-sharing, template-sharing")
            }
            let schedule = try body["scheduleOptions"].map { try scheduleOptions($0, core: core, now: now) }
            let origin = core.origin(request)
            let stored = try await core.store.insert(product: product) { _ in
                let id = EmulatorID.hex(24)
                var task = body
                for key in ["lastExecutionTime", "nextExecutionTime", "lastRun", "lastExecutionDate"] {
                    task.removeValue(forKey: key)
                }
                task["id"] = .string(id)
                task["owner"] = .string(core.user)
                task["ownerName"] = .string(core.user)
                task["createdBy"] = .string(core.user)
                task["updatedBy"] = .string(core.user)
                task["tenant"] = .string("taskgate-tenant")
                task["dateCreated"] = .string(now.millisecondText)
                task["lastUpdated"] = .string(now.millisecondText)
                let enabled = body["enabled"]?.boolValue ?? true
                task["enabled"] = .bool(enabled)
                task["enabledByUser"] = .bool(enabled)
                task["enabledBySystem"] = .bool(true)
                task["statusCode"] = .string("VALID")
                task["failedExecutionsCount"] = .integer(0)
                if let schedule {
                    task["scheduleOptions"] = schedule
                    task["nextScheduledRun"] = schedule["nextExecutionTime"] ?? .string("")
                }
                task["links"] = .object(["self": .object(["href": .string("\(origin)\(product.basePath)/\(id)")])])
                return (id, .object(task))
            }
            return Reply.stored(stored, status: .created)
        }
        group.get { request, _ in
            let page = try PageQuery.read(
                request, core: core, defaultLimit: 10, maximumLimit: 100, cursorNames: ["page", "next"])
            let (tasks, next) = try await core.cursorPage(page)
            let total = try await core.store.tasks(product: product, offset: 0, limit: 0).total
            let base = "\(core.origin(request))\(product.basePath)?limit=\(page.limit)"
            var links: JSONObject = [
                "self": .object([
                    "href": .string(page.after > 0 ? "\(base)&page=\(PageQuery.token(after: page.after))" : base)
                ])
            ]
            if let next {
                links["next"] = .object([
                    "href": .string("\(base)&page=\(next)"), "type": .string("next"), "token": .string(next),
                ])
            }
            return Reply.page(
                [
                    "totalCount": .integer(Int64(total)), "currentPageCount": .integer(Int64(tasks.count)),
                    "links": .object(links),
                ], tasks, at: "sharingTasks")
        }
        group.get("{taskId}") { _, context in
            try await Reply.stored(find(context, core: core))
        }
        group.patch("{taskId}") { request, context in
            let id = try context.parameters.require("taskId")
            let body = try await core.jsonBody(request)
            let now = core.clock()
            var patch: QlikSharingPatch
            switch QlikSharingPatch.read(body) {
            case .success(let read): patch = read
            case .failure(let error): throw core.failure(.badRequest, code: "", message: error.message)
            }
            for index in patch.operations.indices
            where patch.operations[index].path == "/scheduleOptions" && patch.operations[index].op == "replace" {
                if let options = patch.operations[index].value {
                    patch.operations[index].value = try scheduleOptions(options, core: core, now: now)
                }
            }
            let checked = patch
            let patched = try await core.store.update(product: product, id: id) { old in
                var task = checked.applied(to: old.objectValue ?? [:])
                for operation in checked.operations {
                    if operation.field == "scheduleOptions" {
                        task["nextScheduledRun"] = operation.value?["nextExecutionTime"] ?? .string("")
                    }
                    if operation.field == "enabled" { task["enabledByUser"] = operation.value ?? .null }
                }
                task["lastUpdated"] = .string(now.millisecondText)
                task["updatedBy"] = .string(core.user)
                return .object(task)
            }
            guard patched != nil else { throw core.failure(.notFound, code: "", message: "task not found") }
            return Reply.empty(.noContent)
        }
        group.delete("{taskId}") { _, context in
            guard try await core.store.delete(product: product, id: context.parameters.require("taskId")) else {
                throw core.failure(.notFound, code: "", message: "task not found")
            }
            return Reply.empty(.noContent)
        }
        group.post("{taskId}/actions/cancel") { _, context in
            _ = try await find(context, core: core)
            return Reply.empty(.noContent)
        }
    }

    private func find(_ context: BasicRequestContext, core: EmulatorCore) async throws -> StoredTask {
        try await core.requireTask(context.parameters.require("taskId"), code: "", message: "task not found")
    }

    /// The documented `scheduleOptions` rules (§6.2), and the server's `chronosJobID`,
    /// `lastExecutionTime` and `nextExecutionTime`.
    private func scheduleOptions(_ value: JSONValue, core: EmulatorCore, now: Instant) throws -> JSONValue {
        func fail(_ message: String) -> EmulatorFailure { core.failure(.badRequest, code: "", message: message) }
        guard var options = value.objectValue else { throw fail("scheduleOptions must be an object") }
        guard let rules = options["recurrence"]?.arrayValue, (1...5).contains(rules.count) else {
            throw fail("scheduleOptions.recurrence must hold at least 1 and at most 5 RRULEs")
        }
        var lines: [String] = []
        for (index, rule) in rules.enumerated() {
            guard let text = rule.stringValue else {
                throw fail("scheduleOptions.recurrence[\(index)] must be a string")
            }
            let upper = text.uppercased()
            for banned in ["DTSTART", "DTEND", "UNTIL", "RDATE", "EXDATE", "EXRULE"] where upper.contains(banned) {
                throw fail("scheduleOptions.recurrence[\(index)]: \(banned) is not allowed")
            }
            lines.append(text)
        }
        let zone = options["timezone"]?.stringValue ?? "UTC"
        var start: LocalDateTime?
        var end: TimePoint?
        for key in ["startDateTime", "endDateTime"] {
            guard let text = options[key]?.stringValue, !text.isEmpty else { continue }
            guard let local = LocalDateTime(parsing: text) else {
                throw fail("scheduleOptions.\(key) '\(text)' must be a local date-time without a UTC offset")
            }
            if key == "startDateTime" {
                start = local
                let yearAgo = now.localDateTime(offset: 0).adding(seconds: -366 * 86_400)
                if local < yearAgo {
                    throw fail("scheduleOptions.startDateTime must not be older than one year before the current date")
                }
            } else {
                end = .local(local)
            }
        }
        let context = DialectContext(zone: zone, start: start, end: end, reference: now)
        let next: Instant?
        do {
            next = try NextRuns.next(.rrule, lines: lines, context: context, after: now)
        } catch {
            throw fail("scheduleOptions.recurrence: \(error.description)")
        }
        options["chronosJobID"] = .string(EmulatorID.hex(24))
        options["lastExecutionTime"] = .string("")
        options["nextExecutionTime"] = .string(next.map(\.description) ?? "")
        return .object(options)
    }
}
