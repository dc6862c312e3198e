public import TaskgateCore

extension QlikSchedulingAdapter {
    /// Writes a task as a scheduling-task create request (§11): `name`, `specVersion` (`0.8` for a
    /// new task, H33), `enabled` always (H31), `metadata.usage`/`spaceId`, `start` and one event
    /// state with one `app.reload`; never `id`, `resourceId` or other server metadata.
    ///
    /// One task holds one recurrence (H16). A canonical schedule the converter prints as several
    /// RRULEs needs several Qlik tasks: this encoder writes the first rule and reports each further
    /// rule as a ``Loss`` ("needs a separate task"); splitting into several tasks is the caller's
    /// choice, since it changes the task's identity and counts against the app's task limit.
    /// Without an `app.reload` for the action, or a mapped app, nothing is written.
    public func encode(_ task: CanonicalTask, context: AdapterContext) -> EncodedTask {
        let source = task.identity.product
        let same = source == product
        let own = same ? (task.extensions[product] ?? [:]) : [:]
        var losses = ForeignFields.losses(of: task, into: product)
        var body: JSONObject = [:]
        var metadata: JSONObject = [:]
        for (path, value) in own where !Self.mirrors.contains(path) {
            let components = path.components
            if components.count == 1, case .key(let key) = components[0] {
                body[key] = value
            } else if components.count == 2, components[0] == .key("metadata"), case .key(let key) = components[1] {
                metadata[key] = value
            }
        }
        if !same { metadata["usage"] = .string("ANALYTICS") }
        if body["specVersion"] == nil { body["specVersion"] = .string("0.8") }
        body["name"] = .string(task.identity.name)
        if let description = task.identity.description { body["description"] = .string(description) }
        body["enabled"] = .bool(task.enabled)
        if !metadata.isEmpty || own.keys.contains(where: { $0.components.first == .key("metadata") }) {
            body["metadata"] = .object(metadata)
        }
        var writable = true

        // The action: one app.reload of one app.
        let term =
            context.vocabulary.action(in: product, action: task.action.kind, target: task.target?.kind)
            ?? context.vocabulary.action(in: product, action: task.action.kind, target: nil)
        let refName = term?.values["refName"]
        if refName == nil {
            writable = false
            losses.append(
                Loss(
                    path: task.provenance[.action] ?? "action", value: .string(task.action.kind),
                    reason: "qlik-scheduling only reloads apps; it has no action '\(task.action.kind)' on target kind "
                        + "'\(task.target?.kind ?? "none")'"))
        }
        var appID: String?
        if let target = task.target {
            if same {
                appID = target.id
            } else if let entry = context.idMap.entry(from: source, id: target.id, to: product) {
                appID = entry.toID
            } else {
                writable = false
                losses.append(
                    Loss(
                        path: task.provenance[.target] ?? "target", value: .string(target.id),
                        reason: "no Qlik app is mapped to \(source) id '\(target.id)' (--id-map)"))
            }
        } else {
            writable = false
            losses.append(Loss(path: "target", value: .null, reason: "a scheduling task needs an app to reload"))
        }
        if let format = task.action.format {
            losses.append(
                Loss(
                    path: task.provenance[.actionFormat] ?? "format", value: .string(format),
                    reason: "an app reload has no output format"))
        }
        if let timeout = task.action.timeoutSeconds {
            losses.append(
                Loss(
                    path: task.provenance[.timeout] ?? "timeout", value: .integer(Int64(timeout)),
                    reason: "qlik-scheduling has no run time limit (a reload fails after three hours)"))
        }
        var partial: Bool?
        if same {
            partial = task.action.parameters["partial"]?.boolValue
        } else {
            losses += ScheduleWriting.parameterLosses(of: task, into: product)
        }
        losses += deliveryLosses(task)

        // Schedule and what starts the state.
        var eventRefs: [JSONValue] = []
        let conversion = writeSchedule(task, own: own, context: context, into: &body, losses: &losses)
        if same, case .array(let events)? = own["events"], !events.isEmpty {
            body["events"] = .array(events)
            eventRefs = events.compactMap { $0["name"] }
        }
        body["states"] = states(
            own: own, refName: refName ?? "", appID: appID ?? "", partial: partial, eventRefs: eventRefs)
        return EncodedTask(json: writable ? .object(body) : nil, schedule: conversion, losses: losses.sorted())
    }

    /// The original states when they still name the same function, app and `partial`; else one
    /// event state as the migration guide writes it (§8.1).
    func states(
        own: [JSONPath: JSONValue], refName: String, appID: String, partial: Bool?, eventRefs: [JSONValue]
    )
        -> JSONValue
    {
        if case .array(let original)? = own["states"], original.count == 1,
            let function = original[0]["onEvents"]?.arrayValue?.first?["actions"]?.arrayValue?.first?["functionRef"],
            function["refName"]?.stringValue == refName, function["arguments"]?["appId"]?.stringValue == appID,
            function["arguments"]?["partial"]?.boolValue == partial
        {
            return .array(original)
        }
        var arguments: JSONObject = ["appId": .string(appID)]
        arguments["partial"] = .bool(partial ?? false)
        let action: JSONObject = [
            "name": .string("reload-action"),
            "functionRef": .object(["refName": .string(refName), "arguments": .object(arguments)]),
        ]
        let state: JSONObject = [
            "name": .string("reload"), "type": .string("event"), "end": .bool(true),
            "onEvents": .array([.object(["eventRefs": .array(eventRefs), "actions": .array([.object(action)])])]),
        ]
        return .array([.object(state)])
    }

    /// Every delivery, owner, run-as and failure notice is lost: a reload has no output.
    func deliveryLosses(_ task: CanonicalTask) -> [Loss] {
        var losses: [Loss] = []
        for delivery in task.deliveries {
            switch delivery {
            case .email(let email):
                losses.append(
                    Loss(
                        path: task.provenance[.emailRecipients] ?? "deliveries",
                        value: .array((email.recipients + email.userRecipients).map(JSONValue.string)),
                        reason: "qlik-scheduling reloads an app; it sends no e-mail"))
                for (field, text) in [(CanonicalField.emailSubject, email.subject), (.emailBody, email.body)] {
                    guard let text else { continue }
                    losses.append(
                        Loss(
                            path: task.provenance[field] ?? "deliveries", value: .string(text),
                            reason: "qlik-scheduling reloads an app; it sends no e-mail"))
                }
            case .storage(let storage):
                losses.append(
                    Loss(
                        path: task.provenance[.storage] ?? "deliveries",
                        value: .string(storage.location ?? storage.kind),
                        reason: "qlik-scheduling reloads an app; it stores no output"))
            case .notification(let notice):
                losses.append(
                    Loss(
                        path: task.provenance[.notification] ?? "deliveries", value: .string(notice.kind),
                        reason: "qlik-scheduling reloads an app; it sends no notification"))
            }
        }
        if task.identity.product != product, let owner = task.owner {
            losses.append(
                Loss(
                    path: task.provenance[.owner] ?? "owner", value: .string(owner.id ?? owner.name ?? ""),
                    reason: "qlik-scheduling makes the caller the owner (H31)"))
        }
        if let runAs = task.runAs {
            losses.append(
                Loss(
                    path: task.provenance[.runAs] ?? "runAs", value: .string(runAs.id ?? runAs.name ?? ""),
                    reason: "qlik-scheduling runs a task as its owner"))
        }
        if let failure = task.onFailure {
            losses.append(
                Loss(
                    path: task.provenance[.onFailure] ?? "onFailure",
                    value: .array((failure.emails + failure.userIDs).map(JSONValue.string)),
                    reason: "qlik-scheduling has no failure notification"))
        }
        return losses
    }

    /// Writes `start` and returns the conversion.
    func writeSchedule(
        _ task: CanonicalTask, own: [JSONPath: JSONValue], context: AdapterContext, into body: inout JSONObject,
        losses: inout [Loss]
    ) -> ScheduleConversion {
        let schedulePath = task.provenance[.schedule] ?? "schedule"
        let sourceProduct = task.identity.product
        let sourceText = task.extensions[sourceProduct]?[schedulePath] ?? .null
        let stateName = own["start"]?["stateName"] ?? own["states"]?.arrayValue?.first?["name"] ?? .string("reload")
        if let original = own["start"], let schedule = original["schedule"],
            let reread = try? QlikSchedulingSchedule.read(
                schedule, at: "start.schedule", context: context, product: product),
            let conversion = ScheduleWriting.verbatim(
                task.schedule, reread: reread,
                text: DialectText(
                    lines: [schedule.stringValue ?? schedule.compactText],
                    context: DialectContext(zone: "UTC", reference: context.now)),
                context: context, targetName: product.rawValue)
        {
            body["start"] = original
            return conversion
        }
        switch task.schedule.kind {
        case .manual:
            return ScheduleWriting.noSchedule
        case .event where own["events"] != nil:
            return ScheduleConversion(status: .exact, target: nil, report: nil, reason: nil, notes: [])
        case .event, .once, .recurring:
            break
        }
        let conversion = context.converter.convert(
            task.schedule, to: .product(product), now: context.now)
        guard conversion.status != .impossible, let text = conversion.target, let first = text.lines.first else {
            losses.append(
                Loss(
                    path: schedulePath, value: sourceText, reason: conversion.reason ?? "the schedule cannot be written"
                ))
            return conversion
        }
        var schedule: JSONObject = [
            "recurrence": .string(first.hasPrefix("RRULE:") ? first : "RRULE:" + first),
            "timezone": .string(text.context.zone),
        ]
        if let start = text.context.start { schedule["startDateTime"] = .string(start.description) }
        if let end = text.context.end, let local = ScheduleWriting.localText(end, zone: text.context.zone) {
            schedule["endDateTime"] = .string(local)
        }
        body["start"] = .object(["stateName": stateName, "schedule": .object(schedule)])
        for line in text.lines.dropFirst() {
            losses.append(
                Loss(
                    path: schedulePath, value: .string(line),
                    reason: "qlik-scheduling holds one recurrence per task (H16): this rule needs a separate task"))
        }
        if conversion.status == .lossy {
            losses.append(
                Loss(path: schedulePath, value: sourceText, reason: conversion.reason ?? "the schedule changes"))
        }
        return conversion
    }
}
