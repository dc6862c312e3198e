public import TaskgateCore

/// Reads and writes Qlik Cloud scheduling tasks (`/api/scheduling/tasks`, qlik-scheduling.md).
///
/// A task is one `app.reload` of one app, started by `start.schedule` (read with
/// ``Dialect/iso8601``: ISO 8601 intervals, cron, one RRULE with a window and a zone), by a
/// CloudEvent (another task finished, a dataset was updated), or by hand. It is written in the
/// recommended form (§4.2): one `recurrence` RRULE + `startDateTime` as wall time + `timezone`.
public struct QlikSchedulingAdapter: ProductAdapter {
    /// Extension paths that hold this product's own text of parts with a canonical home.
    static var mirrors: Set<JSONPath> { SourceMirrors.paths(of: .qlikScheduling) }

    /// The product this adapter reads and writes.
    public var product: Product { .qlikScheduling }

    /// Creates the adapter.
    public init() {}

    /// One task, an array of tasks, or the list response `{"data": [...], "links": ...}` (E1).
    /// Both Qlik error envelopes are refused with their code and message (§7, H37).
    public func taskDocuments(in json: JSONValue) throws(TaskDecodingError) -> [(path: JSONPath, task: JSONValue)] {
        switch json {
        case .array(let items):
            return items.enumerated().map { (JSONPath.root.appending($0.offset), $0.element) }
        case .object(let members):
            if let error = QlikErrorResponse(json) {
                throw TaskDecodingError(
                    product: product, path: .root, value: json,
                    expected: "a scheduling task, an array of them or a list response; the file holds "
                        + error.description)
            }
            guard let list = members["data"], members["name"] == nil else { return [(.root, json)] }
            guard case .array(let items) = list else {
                throw TaskDecodingError(product: product, path: "data", value: list, expected: "an array of tasks")
            }
            return items.enumerated().map { (JSONPath.root.appending("data").appending($0.offset), $0.element) }
        default:
            throw TaskDecodingError(
                product: product, path: .root, value: json,
                expected: "a scheduling task object, an array of them, or a list response with `data`")
        }
    }

    /// Reads one scheduling task, in the request or the response shape.
    public func decode(_ json: JSONValue, context: AdapterContext) throws(TaskDecodingError) -> CanonicalTask {
        let payload = try QlikSchedulingTaskPayload(json, product: product)
        let functionPath = QlikSchedulingTaskPayload.functionPath
        guard let term = context.vocabulary.action(of: product, values: ["refName": payload.refName]) else {
            let known = (context.vocabulary.actions[product] ?? []).compactMap { $0.values["refName"] }
            throw TaskDecodingError(
                product: product, path: functionPath.appending("refName"), value: .string(payload.refName),
                expected: "one of \(known.joined(separator: ", "))")
        }
        let schedule = try QlikSchedulingSchedule.read(payload, context: context, product: product)
        var extensions: [JSONPath: JSONValue] = [:]
        for (key, value) in payload.other { extensions[JSONPath(components: [.key(key)])] = value }
        for (key, value) in payload.metadataBody {
            extensions[JSONPath(components: [.key("metadata"), .key(key)])] = value
        }
        if let start = payload.start { extensions["start"] = .object(start.members) }
        if !payload.events.isEmpty || json["events"] != nil { extensions["events"] = .array(payload.events) }
        extensions["states"] = .array(payload.states)

        var provenance: [CanonicalField: JSONPath] = [
            .name: "name", .action: functionPath.appending("refName"),
            .target: functionPath.appending("arguments").appending("appId"),
            .actionParameters: functionPath.appending("arguments"),
            .schedule: payload.schedule != nil ? "start.schedule" : (payload.events.isEmpty ? "start" : "events"),
        ]
        if payload.description != nil { provenance[.description] = "description" }
        if payload.enabled != nil { provenance[.enabled] = "enabled" }
        var parameters: JSONObject = [:]
        if let partial = payload.partial { parameters["partial"] = .bool(partial) }
        let ownerID = payload.ownerID
        if ownerID != nil { provenance[.owner] = "metadata.ownerId" }
        let lastRun = payload.server["metadata.orchestration"]?["lastRun"]
        let attributes = payload.server["metadata.orchestration"]?["attrs"]
        return CanonicalTask(
            identity: TaskIdentity(product: product, name: payload.name, description: payload.description),
            // Created disabled unless `enabled: true` (§E2, H31).
            enabled: payload.enabled ?? false,
            target: TaskTarget(
                kind: term.target, id: payload.appID, name: payload.server["metadata.resourceName"]?.stringValue),
            action: TaskAction(kind: term.action, parameters: parameters),
            schedule: schedule,
            owner: ownerID.map { TaskPrincipal(id: $0) },
            extensions: [product: extensions],
            server: ServerState(
                id: payload.server["id"]?.stringValue,
                lastRun: (lastRun?["startedAt"] ?? attributes?["last_run_startedAt"])?.stringValue.flatMap {
                    Instant(parsingRFC3339: $0)
                },
                status: (lastRun?["status"] ?? attributes?["last_run_status"])?.stringValue,
                fields: payload.server),
            provenance: provenance)
    }
}
