public import TaskgateCore

extension QlikSharingAdapter {
    /// Writes a task as a sharing-task create request (§5.2).
    ///
    /// The schedule goes through ``ScheduleConverter`` into `scheduleOptions` (up to 5 RRULE
    /// lines; a schedule needing more is impossible here). A sharing task read from this product
    /// gets its `scheduleOptions`, `recipients` and `emailContent` back as read while they still
    /// mean the canonical values. Without a sharing `type` for the action, or an app for its
    /// target, nothing is written.
    public func encode(_ task: CanonicalTask, context: AdapterContext) -> EncodedTask {
        let source = task.identity.product
        let same = source == product
        let own = same ? (task.extensions[product] ?? [:]) : [:]
        var losses = ForeignFields.losses(of: task, into: product)
        var body: JSONObject = [:]
        for (path, value) in own where !Self.mirrors.contains(path) {
            if case .key(let key)? = path.components.first, path.components.count == 1 { body[key] = value }
        }
        body["name"] = .string(task.identity.name)
        if let description = task.identity.description { body["description"] = .string(description) }
        body["enabled"] = .bool(task.enabled)
        var writable = true

        // Action and target.
        let term =
            context.vocabulary.action(in: product, action: task.action.kind, target: task.target?.kind)
            ?? context.vocabulary.action(in: product, action: task.action.kind, target: nil)
        if let term, let type = term.values["type"] {
            body["type"] = .string(type)
        } else {
            writable = false
            losses.append(
                Loss(
                    path: task.provenance[.action] ?? "action", value: .string(task.action.kind),
                    reason: "qlik-sharing has no task type for the action '\(task.action.kind)' on target kind "
                        + "'\(task.target?.kind ?? "none")'"))
        }
        if same {
            for key in ["templates", "state"] { body[key] = task.action.parameters[key] }
        } else {
            losses += ScheduleWriting.parameterLosses(of: task, into: product)
            if let target = task.target {
                if let entry = context.idMap.entry(from: source, id: target.id, to: product) {
                    body["templates"] = .array([
                        Self.template(
                            for: entry.toKind ?? term?.target ?? target.kind, appID: entry.toID,
                            format: task.action.format)
                    ])
                    body["state"] = .object(["selections": .array([])])
                } else {
                    writable = false
                    losses.append(
                        Loss(
                            path: task.provenance[.target] ?? "target", value: .string(target.id),
                            reason: "no Qlik app is mapped to \(source) id '\(target.id)' (--id-map)"))
                }
            } else {
                writable = false
                losses.append(
                    Loss(path: "target", value: .null, reason: "a sharing task needs an app to render"))
            }
        }
        if let timeout = task.action.timeoutSeconds {
            losses.append(
                Loss(
                    path: task.provenance[.timeout] ?? "timeout", value: .integer(Int64(timeout)),
                    reason: "qlik-sharing has no run time limit"))
        }

        // Deliveries.
        losses += writeDeliveries(task, own: own, into: &body)

        // People: the owner is the creator; nobody else is named on create (§5.1).
        if !same, let owner = task.owner {
            losses.append(
                Loss(
                    path: task.provenance[.owner] ?? "owner", value: .string(owner.id ?? owner.name ?? ""),
                    reason: "qlik-sharing makes the caller the owner; an owner cannot be set on create"))
        }
        if let runAs = task.runAs {
            losses.append(
                Loss(
                    path: task.provenance[.runAs] ?? "runAs", value: .string(runAs.id ?? runAs.name ?? ""),
                    reason: "qlik-sharing runs a task as its owner"))
        }
        if let failure = task.onFailure {
            losses.append(
                Loss(
                    path: task.provenance[.onFailure] ?? "onFailure",
                    value: .array((failure.emails + failure.userIDs).map(JSONValue.string)),
                    reason: "qlik-sharing has no failure notification"))
        }

        // Schedule.
        let conversion = writeSchedule(task, own: own, context: context, into: &body, losses: &losses)
        return EncodedTask(json: writable ? .object(body) : nil, schedule: conversion, losses: losses.sorted())
    }

    /// A template for a target kind (the id map's `toKind`, else the vocabulary's): a chart
    /// (`chartData.appId`), sheets (`multiSheetData[0].appId`), or a report template (§5.5).
    static func template(for kind: String, appID: String, format: String?) -> JSONValue {
        var template: JSONObject
        switch kind {
        case "chart":
            template = ["type": .string("chart"), "chartData": .object(["appId": .string(appID)])]
        case "sheet":
            template = [
                "type": .string("multi-sheet"),
                "multiSheetData": .array([.object(["appId": .string(appID), "resizeType": .string("autofit")])]),
            ]
        default:
            // §5.5 names no field that points a report template at its template other than the
            // deprecated, server-owned `templateId`; the mapped id goes there, and the report says so.
            template = ["type": .string("pixel-perfect"), "templateId": .string(appID)]
        }
        if let format { template["subType"] = .string(format) }
        return .object(template)
    }

    /// Writes recipients, e-mail content, channels and the SharePoint folder; returns the losses.
    func writeDeliveries(_ task: CanonicalTask, own: [JSONPath: JSONValue], into body: inout JSONObject) -> [Loss] {
        var losses: [Loss] = []
        var channels: [String] = []
        var email: EmailDelivery?
        for delivery in task.deliveries {
            switch delivery {
            case .email(let delivery):
                guard email == nil else {
                    losses.append(
                        Loss(
                            path: task.provenance[.emailRecipients] ?? "deliveries",
                            value: .array(delivery.recipients.map(JSONValue.string)),
                            reason: "qlik-sharing sends one e-mail per task"))
                    continue
                }
                email = delivery
                channels.append("email")
                if delivery.mode != .attachment {
                    losses.append(
                        Loss(
                            path: task.provenance[.emailMode] ?? "deliveries", value: .string(delivery.mode.rawValue),
                            reason: "qlik-sharing sends the output as an attachment"))
                }
                if !delivery.copies.isEmpty {
                    losses.append(
                        Loss(
                            path: task.provenance[.emailCopies] ?? "deliveries",
                            value: .array(delivery.copies.map(JSONValue.string)), reason: "qlik-sharing has no Cc"))
                }
            case .storage(let storage) where storage.kind == "sharepoint" && !channels.contains("sharepoint"):
                channels.append("sharepoint")
                if let folder = storage.location { body["sharePointFolder"] = .string(folder) }
                if let connection = storage.settings["dataConnectionID"] { body["dataConnectionID"] = connection }
            case .storage(let storage):
                losses.append(
                    Loss(
                        path: task.provenance[.storage] ?? "deliveries",
                        value: .string(storage.location ?? storage.kind),
                        reason: "qlik-sharing stores output only in one SharePoint folder, not in '\(storage.kind)'"))
            case .notification(let notice):
                losses.append(
                    Loss(
                        path: task.provenance[.notification] ?? "deliveries", value: .string(notice.kind),
                        reason: "qlik-sharing has no in-app notification"))
            }
        }
        if let email {
            let userIDs = task.identity.product == product ? email.userRecipients : []
            if task.identity.product != product, !email.userRecipients.isEmpty {
                losses.append(
                    Loss(
                        path: task.provenance[.emailRecipients] ?? "deliveries",
                        value: .array(email.userRecipients.map(JSONValue.string)),
                        reason: "\(task.identity.product) user ids are not Qlik user ids"))
            }
            let built = QlikSharingRecipientsPayload(userIDs: userIDs, emailAddresses: email.recipients)
            if let original = own["recipients"],
                let read = try? QlikSharingRecipientsPayload(JSONFields(original, at: "recipients", product: product)),
                read.emailAddresses == built.emailAddresses, read.userIDs.compactMap(\.value) == userIDs
            {
                body["recipients"] = original
            } else {
                body["recipients"] = built.createJSON
            }
            var content: JSONObject = [:]
            if let subject = email.subject { content["subject"] = .string(subject) }
            if let text = email.body { content["body"] = .string(text) }
            if !content.isEmpty || own["emailContent"] != nil { body["emailContent"] = .object(content) }
        }
        let written = channels.map(JSONValue.string)
        if own["transportChannels"] != nil || task.identity.product != product || channels != ["email"] {
            if !channels.isEmpty || own["transportChannels"] != nil { body["transportChannels"] = .array(written) }
        }
        return losses
    }

    /// Writes `scheduleOptions` (or keeps the legacy trigger) and returns the conversion.
    func writeSchedule(
        _ task: CanonicalTask, own: [JSONPath: JSONValue], context: AdapterContext, into body: inout JSONObject,
        losses: inout [Loss]
    ) -> ScheduleConversion {
        let schedulePath = task.provenance[.schedule] ?? "schedule"
        let sourceText = task.extensions[task.identity.product]?[schedulePath] ?? .null
        if let original = own["scheduleOptions"],
            let fields = try? JSONFields(original, at: "scheduleOptions", product: product),
            let options = try? QlikSharingScheduleOptionsPayload(fields),
            let reread = try? options.schedule(at: "scheduleOptions", context: context, product: product),
            let conversion = ScheduleWriting.verbatim(
                task.schedule, reread: reread,
                text: DialectText(
                    lines: options.recurrence,
                    context: DialectContext(zone: reread.zone, reference: context.now)),
                context: context, targetName: product.rawValue)
        {
            body["scheduleOptions"] = original
            return conversion
        }
        switch task.schedule.kind {
        case .manual:
            return ScheduleWriting.noSchedule
        case .event(let trigger) where trigger == "app-reload" && own["trigger"] != nil:
            return ScheduleConversion(status: .exact, target: nil, report: nil, reason: nil, notes: [])
        case .event, .once, .recurring:
            break
        }
        let conversion = context.converter.convert(
            task.schedule, to: .product(product), now: context.now)
        guard conversion.status != .impossible, let text = conversion.target else {
            losses.append(
                Loss(
                    path: schedulePath, value: sourceText, reason: conversion.reason ?? "the schedule cannot be written"
                ))
            return conversion
        }
        var options: JSONObject = [
            "timezone": .string(text.context.zone),
            "recurrence": .array(text.lines.map { .string($0.hasPrefix("RRULE:") ? $0 : "RRULE:" + $0) }),
        ]
        if let start = text.context.start { options["startDateTime"] = .string(start.description) }
        if let end = text.context.end, let local = ScheduleWriting.localText(end, zone: text.context.zone) {
            options["endDateTime"] = .string(local)
        }
        body["scheduleOptions"] = .object(options)
        if conversion.status == .lossy {
            losses.append(
                Loss(path: schedulePath, value: sourceText, reason: conversion.reason ?? "the schedule changes"))
        }
        return conversion
    }
}
