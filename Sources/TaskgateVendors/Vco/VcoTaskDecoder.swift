import TaskgateCore

/// Turns a read ``VcoTaskPayload`` into a ``CanonicalTask`` (vco.md §10).
struct VcoTaskDecoder {
    let payload: VcoTaskPayload
    let context: AdapterContext

    func decode() throws(TaskDecodingError) -> CanonicalTask {
        var extensions: [JSONPath: JSONValue] = [:]
        var server = ServerState()
        var provenance: [CanonicalField: JSONPath] = [.target: "workflow.id", .action: "workflow.id"]
        for (key, value) in payload.unknown { extensions[JSONPath.root.appending(key)] = value }
        if payload.name == nil { extensions[SourceText.path(for: "name")] = .null }
        if payload.name != nil { provenance[.name] = "name" }
        if payload.description != nil { provenance[.description] = "description" }

        for (key, value) in payload.server {
            server.fields[JSONPath.root.appending(key)] = value
        }
        server.id = payload.server["id"]?.stringValue
        var enabled = true
        if let state = payload.server["state"] {
            guard let text = state.stringValue else {
                throw TaskDecodingError(product: .vco, path: "state", value: state, expected: "a task state string")
            }
            let spelled = VcoWireSpelling.normalized(text)
            server.status = spelled
            enabled = spelled != "suspended"
            provenance[.enabled] = "state"
        }

        guard case .string(let workflowID)? = payload.workflow["id"] else {
            throw TaskDecodingError(
                product: .vco, path: "workflow.id", value: payload.workflow["id"], expected: "a string")
        }
        for (key, value) in payload.workflow where key != "id" && key != "name" {
            server.fields[JSONPath("workflow").appending(key)] = value
        }
        guard let term = context.vocabulary.action(of: .vco, values: [:]) else {
            throw TaskDecodingError(
                product: .vco, path: "workflow", value: .object(payload.workflow),
                expected: "a vco action in mappings/vocabulary.yaml")
        }
        let target = TaskTarget(kind: term.target, id: workflowID, name: payload.workflow["name"]?.stringValue)
        var parameters: JSONObject = [:]
        if let items = payload.inputParameters {
            parameters["input-parameters"] = .array(items)
            provenance[.actionParameters] = JSONPath.root.appending(payload.inputParametersKey)
        }
        if let mode = payload.startMode {
            let spelled = VcoWireSpelling.normalized(mode)
            guard VcoWireSpelling.startModes.contains(spelled) else {
                throw TaskDecodingError(
                    product: .vco, path: "start-mode", value: .string(mode), expected: "normal or start-in-the-past")
            }
            // vco.md §11 V11: only a catch-up mode has something to lose; `normal` is the default
            // the encoder writes.
            if spelled != "normal" { extensions["start-mode"] = .string(spelled) }
        }
        let schedule = try readSchedule()
        provenance[.schedule] = "recurrence-pattern"
        return CanonicalTask(
            identity: TaskIdentity(product: .vco, name: payload.name ?? "", description: payload.description),
            enabled: enabled, target: target, action: TaskAction(kind: term.action, parameters: parameters),
            schedule: schedule, extensions: extensions.isEmpty ? [:] : [.vco: extensions], server: server,
            provenance: provenance)
    }

    /// The schedule from the cycle, the pattern and the dates (vco.md §5, §6). A pattern without a
    /// zone prefix is read in the configured default zone (§5.3 ASSUMPTION); a missing cycle is
    /// `one-time` (§3.1 ASSUMPTION).
    private func readSchedule() throws(TaskDecodingError) -> Schedule {
        let cycleText = payload.recurrenceCycle ?? "one-time"
        let cycle = VcoWireSpelling.normalized(cycleText)
        guard VcoWireSpelling.cycles.contains(cycle) else {
            throw TaskDecodingError(
                product: .vco, path: "recurrence-cycle", value: .string(cycleText),
                expected: "one of \(VcoWireSpelling.cycles.joined(separator: ", "))")
        }
        guard let start = Instant(parsingRFC3339: payload.recurrenceStartDate) else {
            throw TaskDecodingError(
                product: .vco, path: "recurrence-start-date", value: .string(payload.recurrenceStartDate),
                expected: "an RFC 3339 instant such as 2026-04-04T05:00:00Z")
        }
        var end: Instant?
        if let endText = payload.recurrenceEndDate, !endText.isEmpty {
            guard let instant = Instant(parsingRFC3339: endText) else {
                throw TaskDecodingError(
                    product: .vco, path: "recurrence-end-date", value: .string(endText),
                    expected: "an RFC 3339 instant such as 2026-04-04T05:00:00Z, or \"\" for no end")
            }
            end = instant
        }
        let pattern = payload.recurrencePattern ?? ""
        let dialectContext = DialectContext(
            zone: context.defaultZone, end: end.map(TimePoint.instant), reference: start)
        do {
            return try context.parse(.vco, ["\(cycle) \(pattern)"], context: dialectContext)
        } catch {
            throw TaskDecodingError(
                product: .vco, path: "recurrence-pattern", value: .string(pattern),
                expected: "a \(cycle) pattern (\(error.description))")
        }
    }
}
