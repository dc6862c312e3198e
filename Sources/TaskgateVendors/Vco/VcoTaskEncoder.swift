import TaskgateCore

/// Builds a vCO create body from a ``CanonicalTask`` (vco.md §3.1), with every part vCO cannot hold
/// as a ``Loss``.
struct VcoTaskEncoder {
    let task: CanonicalTask
    let context: AdapterContext
    var losses: [Loss] = []

    init(task: CanonicalTask, context: AdapterContext) {
        self.task = task
        self.context = context
    }

    private var fromVco: Bool { task.identity.product == .vco }

    private func source(_ field: CanonicalField, _ fallback: JSONPath) -> JSONPath {
        task.provenance[field] ?? fallback
    }

    mutating func encode() -> EncodedTask {
        losses = ForeignFields.losses(of: task, into: .vco)
        let conversion = context.converter
            .convert(task.schedule, to: .product(.vco), now: context.now)
        let workflowID = encodeWorkflow()
        encodeAction()
        reportUnheld()
        guard let workflowID, conversion.status != .impossible, let text = conversion.target,
            let line = text.lines.first, let space = line.firstIndex(of: " ")
        else {
            return EncodedTask(json: nil, schedule: conversion, losses: losses.sorted())
        }
        var workflow: JSONObject = ["id": .string(workflowID)]
        if fromVco, let name = task.target?.name { workflow["name"] = .string(name) }
        let start = startInstant(text)
        var body = VcoTaskPayload(workflow: workflow, recurrenceStartDate: start.description)
        if !(fromVco && task.extensions[.vco]?[SourceText.path(for: "name")] != nil) {
            body.name = task.identity.name
        }
        body.description = task.identity.description
        body.recurrenceCycle = String(line[..<space])
        body.recurrencePattern = String(line[line.index(after: space)...])
        if let end = text.context.end.flatMap(instant(of:)) ?? task.schedule.window.end.flatMap(instant(of:)) {
            body.recurrenceEndDate = offOccurrence(end).description
        }
        // vco.md §11 V11: default `normal` when converting in.
        body.startMode = fromVco ? task.extensions[.vco]?["start-mode"]?.stringValue ?? "normal" : "normal"
        if fromVco, let items = task.action.parameters["input-parameters"] { body.inputParameters = items.arrayValue }
        var json = body.json
        if fromVco, let fields = task.extensions[.vco] {
            for (path, value) in fields.sorted(by: { $0.key < $1.key })
            where !SourceText.isSourceText(path) && path != "start-mode" {
                json = JSONOverlay.setting(value, at: path, in: json)
            }
        }
        return EncodedTask(json: json, schedule: conversion, losses: losses.sorted())
    }

    /// The workflow: the task's own when it came from vCO, else the user's id map (vco.md §7).
    private mutating func encodeWorkflow() -> String? {
        guard let target = task.target else {
            losses.append(Loss(path: "$", value: .null, reason: "vco needs a workflow; the task has no target"))
            return nil
        }
        if fromVco { return target.id }
        if let entry = context.idMap.entry(from: task.identity.product, id: target.id, to: .vco) { return entry.toID }
        losses.append(
            Loss(
                path: source(.target, "target"), value: .string(target.id),
                reason:
                    "no vco workflow is mapped to \(task.identity.product) \(target.kind) '\(target.id)'; add it to --id-map"
            ))
        return nil
    }

    /// vco.md §11 V14: a vCO task runs a workflow; another product's action and settings stay behind.
    private mutating func encodeAction() {
        guard !fromVco else { return }
        let workflowAction = context.vocabulary.action(of: .vco, values: [:])?.action
        if task.action.kind != workflowAction {
            // The source's own spelling of the action, from the vocabulary (Wyn `RptExport`).
            let term = context.vocabulary.action(
                in: task.identity.product, action: task.action.kind, target: task.target?.kind)
            let value: JSONValue =
                term.flatMap { $0.values.count == 1 ? $0.values.first.map { JSONValue.string($0.value) } : nil }
                ?? .string(task.action.kind)
            losses.append(
                Loss(
                    path: source(.action, "action"), value: value,
                    reason:
                        "vco runs a workflow; the \(task.identity.product) action '\(task.action.kind)' is not transferable"
                ))
        }
        if !task.action.parameters.isEmpty {
            losses.append(
                Loss(
                    path: source(.actionParameters, "action.parameters"), value: .object(task.action.parameters),
                    reason: "vco workflow inputs are not \(task.identity.product) settings"))
        }
        if let format = task.action.format, task.provenance[.actionFormat] != task.provenance[.actionParameters] {
            losses.append(
                Loss(
                    path: source(.actionFormat, "action.format"), value: .string(format),
                    reason: "vco has no output format"))
        }
        if let timeout = task.action.timeoutSeconds {
            losses.append(
                Loss(
                    path: source(.timeout, "action.timeout"), value: .integer(Int64(timeout)),
                    reason: "vco has no run timeout"))
        }
    }

    /// Deliveries, failure notices, principals and a disabled state have no place in a vCO create body.
    private mutating func reportUnheld() {
        for (index, delivery) in task.deliveries.enumerated() {
            let (field, value): (CanonicalField, JSONValue)
            switch delivery {
            case .email(let email):
                field = .emailRecipients
                value = .array(email.recipients.map(JSONValue.string))
            case .storage(let store):
                field = .storage
                value = .object(store.settings)
            case .notification(let notice):
                field = .notification
                value = .string(notice.kind)
            }
            losses.append(
                Loss(
                    path: task.provenance[field] ?? JSONPath("deliveries").appending(index), value: value,
                    reason: "vco tasks deliver nothing; output is the workflow's business (vco.md §7)"))
        }
        if let notice = task.onFailure {
            losses.append(
                Loss(
                    path: source(.onFailure, "onFailure"),
                    value: .object([
                        "emails": .array(notice.emails.map(JSONValue.string)),
                        "userIDs": .array(notice.userIDs.map(JSONValue.string)),
                    ]), reason: "vco tasks have no failure notice"))
        }
        if !fromVco, let owner = task.owner {
            losses.append(
                Loss(
                    path: source(.owner, "owner"), value: .string(owner.name ?? owner.id ?? ""),
                    reason: "a vco task runs as whoever creates it (vco.md §11 V18)"))
        }
        if let runAs = task.runAs {
            losses.append(
                Loss(
                    path: source(.runAs, "runAs"), value: .string(runAs.name ?? runAs.id ?? ""),
                    reason: "a vco task runs as whoever creates it (vco.md §11 V18)"))
        }
        let catchUp = fromVco && task.extensions[.vco]?["start-mode"] == .string("start-in-the-past")
        if case .once(let instant) = task.schedule.kind, instant < context.now, !catchUp {
            // wyn.md §10 H17, vco.md §4.3: a one-time run in the past never runs with `normal`.
            losses.append(
                Loss(
                    path: source(.schedule, "schedule"), value: .string(instant.description),
                    reason:
                        "the one-time run is in the past; a vco task created now with start-mode normal never runs it"
                ))
        }
        if !task.enabled {
            losses.append(
                Loss(
                    path: source(.enabled, "enabled"), value: .bool(false),
                    reason: "a vco task cannot be created suspended; suspend it after creating (vco.md §9.6)"))
        }
    }

    /// vco.md §5.2, §11 V10: whether vCO's end date is inclusive is unknown, so an end that falls on
    /// an occurrence moves one second later, which keeps that occurrence either way.
    private func offOccurrence(_ end: Instant) -> Instant {
        guard case .recurring = task.schedule.kind,
            let next = try? task.schedule.nextOccurrences(after: end.adding(seconds: -1), count: 1).first,
            next == end
        else { return end }
        return end.adding(seconds: 1)
    }

    /// The one-time instant, or the window's start; a task without one starts now (vco.md §11 V10).
    private func startInstant(_ text: DialectText) -> Instant {
        if case .once(let instant) = task.schedule.kind { return instant }
        if let start = task.schedule.window.start.flatMap(instant(of:)) { return start }
        if let local = text.context.start, let instant = resolve(local, zone: text.context.zone) { return instant }
        return context.now
    }

    private func instant(of point: TimePoint) -> Instant? {
        switch point {
        case .instant(let instant): instant
        case .local(let local): resolve(local, zone: task.schedule.zone)
        }
    }

    private func resolve(_ local: LocalDateTime, zone: String) -> Instant? {
        guard var rules = ZoneRules(identifier: zone) else { return nil }
        switch rules.resolve(local) {
        case .unique(let instant): return instant
        case .gap(let shifted, _): return shifted
        case .overlap(let earlier, _): return earlier
        }
    }
}
