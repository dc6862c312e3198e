import HTTPTypes
import Hummingbird
import TaskgateCore

/// Wyn Enterprise's scheduler API (wyn.md).
///
/// Only `POST /api/v2/scheduler/tasks` is documented (wyn.md §1 W1). The other routes are the
/// digest's assumptions W2–W4, chosen as a Wyn user would expect: `GET` list (offset paging,
/// `{items, totalCount}`), `GET`/`PUT`/`DELETE /{id}`, and `POST /{id}/run` for the "Run Task
/// API". Errors are ASP.NET Core's validation problem details (wyn.md §7 inference): 400 with
/// `errors` keyed by the JSON path; 401 and 404 with an empty body.
struct WynDescription: ProductDescription {
    let product = EmulatedProduct.wyn
    let authScheme = AuthScheme.referenceToken

    func errorBody(status: HTTPResponse.Status, code: String, message: String) -> JSONValue? {
        guard status == .badRequest else {
            guard status.code >= 500 || status == .tooManyRequests else { return nil }
            return .object(["status": .integer(Int64(status.code)), "title": .string(message)])
        }
        return .object([
            "type": .string("https://tools.ietf.org/html/rfc9110#section-15.5.1"),
            "title": .string("One or more validation errors occurred."),
            "status": .integer(400),
            "errors": .object([code: .array([.string(message)])]),
        ])
    }

    func registerRoutes(on group: RouterGroup<BasicRequestContext>, core: EmulatorCore) {
        group.post { request, _ in
            let body = try await core.objectBody(request, code: "$")
            let now = core.clock()
            let fields = try validate(body, core: core, now: now)
            let stored = try await core.store.insert(product: product) { _ in
                let id = EmulatorID.uuid()
                var task = body.merging(fields) { _, server in server }
                task["id"] = .string(id)
                task["createdTime"] = .string(now.description)
                task["lastModifiedTime"] = .string(now.description)
                task["owner"] = .string(core.user)
                return (id, .object(task))
            }
            return Reply.stored(stored)
        }
        group.get { request, _ in
            let page = try PageQuery.read(request, core: core, defaultLimit: 50, offsetName: "offset")
            let (tasks, total) = try await core.store.tasks(product: product, offset: page.offset, limit: page.limit)
            return Reply.page(["totalCount": .integer(Int64(total))], tasks, at: "items")
        }
        group.get("{id}") { _, context in
            try await Reply.stored(find(context, core: core))
        }
        group.put("{id}") { request, context in
            let id = try context.parameters.require("id")
            let body = try await core.objectBody(request, code: "$")
            let now = core.clock()
            let fields = try validate(body, core: core, now: now)
            let updated = try await core.store.update(product: product, id: id) { old in
                var task = body.merging(fields) { _, server in server }
                for key in ["id", "createdTime", "owner"] { task[key] = old[key] }
                task["lastModifiedTime"] = .string(now.description)
                return .object(task)
            }
            guard let updated else { throw core.failure(.notFound, code: "id", message: "task not found") }
            return Reply.stored(updated)
        }
        group.delete("{id}") { _, context in
            let id = try context.parameters.require("id")
            guard try await core.store.delete(product: product, id: id) else {
                throw core.failure(.notFound, code: "id", message: "task not found")
            }
            return Reply.empty(.noContent)
        }
        group.post("{id}/run") { _, context in
            let task = try await find(context, core: core)
            let runID = EmulatorID.uuid()
            let run: JSONValue = .object([
                "id": .string(runID), "taskId": .string(task.id), "status": .string("Succeeded"),
                "startTime": .string(core.clock().description),
            ])
            try await core.store.insertRun(product: product, taskID: task.id, id: runID, body: run)
            return Reply.json(run)
        }
        group.get("{id}/runs") { _, context in
            let task = try await find(context, core: core)
            let runs = try await core.store.runs(product: product, taskID: task.id, after: 0, limit: 1000)
            return Reply.page(["totalCount": .integer(Int64(runs.count))], runs, at: "items")
        }
    }

    private func find(_ context: BasicRequestContext, core: EmulatorCore) async throws -> StoredTask {
        try await core.requireTask(context.parameters.require("id"), code: "id", message: "task not found")
    }

    /// The documented required fields and one-of rules (wyn.md §2), Quartz.NET patterns
    /// (wyn.md §4: Wyn embeds Quartz.NET), and the server-computed `nextRunTime`.
    private func validate(_ body: JSONObject, core: EmulatorCore, now: Instant) throws -> JSONObject {
        func fail(_ path: String, _ message: String) -> EmulatorFailure {
            core.failure(.badRequest, code: path, message: message)
        }
        for key in ["description", "documentId"] {
            guard let value = body[key]?.stringValue, !value.isEmpty else {
                throw fail("$.\(key)", "The \(key) field is required.")
            }
        }
        if body["compoundTask"]?.boolValue == true {
            guard body["tasks"]?.arrayValue?.isEmpty == false else {
                throw fail("$.tasks", "The tasks field is required when compoundTask is true.")
            }
        } else if body["task"]?.objectValue == nil {
            throw fail("$.task", "The task field is required when compoundTask is false.")
        }
        guard let trigger = body["trigger"]?.objectValue else {
            throw fail("$.trigger", "The trigger field is required.")
        }
        let kinds = ["explicit", "once", "pattern", "templateId"].filter { trigger[$0] != nil && trigger[$0] != .null }
        guard kinds.count == 1, let kind = kinds.first else {
            throw fail("$.trigger", "Set exactly one of explicit, once, pattern, templateId; found \(kinds.count).")
        }
        var next: JSONValue = .null
        switch kind {
        case "once":
            guard let text = trigger["once"]?.stringValue, let instant = Instant(parsingRFC3339: text) else {
                throw fail("$.trigger.once", "The once field must be a UTC date-time.")
            }
            if instant > now { next = .string(instant.description) }
        case "pattern":
            next = try nextPatternRun(trigger["pattern"], fail: fail, now: now)
        default:
            break
        }
        return ["nextRunTime": next]
    }

    private func nextPatternRun(
        _ value: JSONValue?, fail: (String, String) -> EmulatorFailure, now: Instant
    ) throws -> JSONValue {
        guard let pattern = value?.objectValue else {
            throw fail("$.trigger.pattern", "The pattern must be an object.")
        }
        guard let patterns = pattern["patterns"]?.arrayValue, !patterns.isEmpty else {
            throw fail("$.trigger.pattern.patterns", "The patterns field requires at least one Quartz expression.")
        }
        let zone = pattern["timeZoneId"]?.stringValue ?? "UTC"
        var start = now
        if let text = pattern["startDate"]?.stringValue {
            guard let instant = Instant(parsingRFC3339: text) else {
                throw fail("$.trigger.pattern.startDate", "'\(text)' is not a UTC date-time.")
            }
            start = max(start, instant.adding(seconds: -1))
        }
        var end: TimePoint?
        if let text = pattern["endDate"]?.stringValue {
            guard let instant = Instant(parsingRFC3339: text) else {
                throw fail("$.trigger.pattern.endDate", "'\(text)' is not a UTC date-time.")
            }
            end = .instant(instant)
        }
        var lines: [String] = []
        for (index, item) in patterns.enumerated() {
            guard let line = item.stringValue else {
                throw fail("$.trigger.pattern.patterns[\(index)]", "A pattern must be a string.")
            }
            let context = DialectContext(zone: zone, end: end, reference: now)
            do {
                _ = try ScheduleTexts.parse(.quartzNet, [line], context: context)
            } catch {
                throw fail("$.trigger.pattern.patterns[\(index)]", error.description)
            }
            lines.append(line)
        }
        let context = DialectContext(zone: zone, end: end, reference: now)
        let next = try? NextRuns.next(.quartzNet, lines: lines, context: context, after: start)
        return (next ?? nil).map { .string($0.description) } ?? .null
    }
}
