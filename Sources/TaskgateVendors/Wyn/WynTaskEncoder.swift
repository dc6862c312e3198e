import TaskgateCore

/// Builds a Wyn create body from a ``CanonicalTask`` (wyn.md §2), with every part Wyn cannot hold
/// as a ``Loss``.
struct WynTaskEncoder {
    let task: CanonicalTask
    let context: AdapterContext
    var losses: [Loss] = []

    init(task: CanonicalTask, context: AdapterContext) {
        self.task = task
        self.context = context
    }

    private var fromWyn: Bool { task.identity.product == .wyn }

    private func source(_ field: CanonicalField, _ fallback: JSONPath) -> JSONPath {
        task.provenance[field] ?? fallback
    }

    mutating func encode() -> EncodedTask {
        losses = ForeignFields.losses(of: task, into: .wyn)
        let (trigger, conversion) = encodeTrigger()
        let documentID = encodeTarget()
        let (actionHeld, step) = encodeStep(documentID: documentID)
        guard let trigger, let documentID, actionHeld else {
            return EncodedTask(json: nil, schedule: conversion, losses: losses.sorted())
        }
        var body = WynTaskPayload(description: task.identity.name, documentId: documentID, task: step, trigger: trigger)
        if !task.enabled || task.provenance[.enabled] != nil { body.isActive = task.enabled }
        if let description = task.identity.description {
            losses.append(
                Loss(
                    path: source(.description, "description"), value: .string(description),
                    reason: "wyn has one title per task (description); the longer description is dropped"))
        }
        body.deployTo = encodeDeliveries()
        encodeRunAs(into: &body)
        encodeFailure(into: &body)
        var json = body.json
        if fromWyn, let fields = task.extensions[.wyn] {
            for (path, value) in fields.sorted(by: { $0.key < $1.key }) where !SourceText.isSourceText(path) {
                json = JSONOverlay.setting(value, at: path, in: json)
            }
        }
        if !fromWyn {
            reportServerState()
        }
        return EncodedTask(json: json, schedule: conversion, losses: losses.sorted())
    }

    /// Server-set fields are never written; from another product they are simply not carried.
    private func reportServerState() {}

    // MARK: Target and action

    /// The document: the task's own when it came from Wyn, else the user's id map (wyn.md §9).
    private mutating func encodeTarget() -> String? {
        guard let target = task.target else {
            losses.append(Loss(path: "$", value: .null, reason: "wyn needs a document (documentId); the task has none"))
            return nil
        }
        if fromWyn { return target.id }
        if let entry = context.idMap.entry(from: task.identity.product, id: target.id, to: .wyn) { return entry.toID }
        losses.append(
            Loss(
                path: source(.target, "target"), value: .string(target.id),
                reason:
                    "no wyn document is mapped to \(task.identity.product) \(target.kind) '\(target.id)'; add it to --id-map"
            ))
        return nil
    }

    /// The step: `taskType` from the vocabulary, the payload from the action's settings.
    /// Whether the action could be written, and the step (none for a Wyn compound task, whose
    /// `tasks` travel verbatim).
    private mutating func encodeStep(documentID: String?) -> (Bool, WynTaskInfoPayload?) {
        let targetKind =
            task.target.flatMap { context.idMap.entry(from: task.identity.product, id: $0.id, to: .wyn)?.toKind }
            ?? task.target?.kind
        guard
            let term = context.vocabulary.action(in: .wyn, action: task.action.kind, target: fromWyn ? targetKind : nil)
                ?? context.vocabulary.action(in: .wyn, action: task.action.kind, target: nil),
            let taskType = term.values["taskType"]
        else {
            losses.append(
                Loss(
                    path: source(.action, "action"), value: .string(task.action.kind),
                    reason: "wyn has no task type for the action '\(task.action.kind)'"))
            return (false, nil)
        }
        if fromWyn && task.extensions[.wyn]?["tasks"] != nil && taskType == "CompoundTask"
            && task.provenance[.action] == "compoundTask"
        {
            return (true, nil)
        }
        var settings = task.action.parameters
        if !fromWyn {
            if !settings.isEmpty {
                losses.append(
                    Loss(
                        path: source(.actionParameters, "action.parameters"), value: .object(settings),
                        reason:
                            "wyn's task payload keys are not documented; \(task.identity.product) settings are not carried"
                    ))
            }
            settings = [:]
        }
        if let format = task.action.format { settings["exportFormat"] = .string(format) }
        var payloadText = EmbeddedJSON.text(.object(settings))
        if case .string(let original)? = SourceText.text(of: "task.payload", in: task, product: .wyn),
            EmbeddedJSON.parse(original) == .object(settings)
        {
            payloadText = original
        }
        var step = WynTaskInfoPayload(taskType: taskType, payload: payloadText, documentId: documentID ?? "")
        step.parameters = fromWyn ? nil : "{}"
        if fromWyn, let details = task.owner {
            var object: JSONObject = [:]
            if let id = details.id { object["id"] = .string(id) }
            if let name = details.name { object["name"] = .string(name) }
            if let provider = details.provider { object["provider"] = .string(provider) }
            if let organization = details.organization { object["tenantId"] = .string(organization) }
            step.userDetails = .object(object)
        } else if let owner = task.owner {
            losses.append(
                Loss(
                    path: source(.owner, "owner"), value: principalJSON(owner),
                    reason: "wyn records the creator of a task itself (task.userDetails)"))
        }
        return (true, step)
    }

    private func principalJSON(_ principal: TaskPrincipal) -> JSONValue {
        var object: JSONObject = [:]
        if let id = principal.id { object["id"] = .string(id) }
        if let name = principal.name { object["name"] = .string(name) }
        if let provider = principal.provider { object["provider"] = .string(provider) }
        if let organization = principal.organization { object["organization"] = .string(organization) }
        return .object(object)
    }

    // MARK: Trigger

    private mutating func encodeTrigger() -> (WynTriggerPayload?, ScheduleConversion) {
        let schedule = task.schedule
        let now = context.now
        func noted(_ notes: [String]) -> ScheduleConversion {
            ScheduleConversion(
                status: .exact,
                target: DialectText(lines: [], context: DialectContext(zone: schedule.zone, reference: now)),
                report: nil, reason: nil, notes: notes)
        }
        switch schedule.kind {
        case .manual:
            return (WynTriggerPayload(mode: .explicit), noted(["wyn: trigger.explicit (run by hand only)"]))
        case .once(let instant):
            var text = WynScheduleText.text(instant)
            if case .string(let original)? = SourceText.text(of: "trigger.once", in: task, product: .wyn),
                Instant(parsingRFC3339: original) == instant
            {
                text = original
            }
            let zone = zoneText(for: schedule.zone, sourcePath: "trigger.onceTimeZoneId")
            return (WynTriggerPayload(mode: .once(text, zone: zone)), noted(["wyn: trigger.once \(text)"]))
        case .event(let event):
            if fromWyn, case .string(let id)? = task.extensions[.wyn]?["trigger.templateId"] {
                return (WynTriggerPayload(mode: .template(id)), noted(["wyn: trigger.templateId \(id)"]))
            }
            let reason = "a wyn trigger cannot wait for an event ('\(event)')"
            return (nil, ScheduleConversion(status: .impossible, target: nil, report: nil, reason: reason))
        case .recurring:
            return encodePattern()
        }
    }

    private mutating func encodePattern() -> (WynTriggerPayload?, ScheduleConversion) {
        let schedule = task.schedule
        var profile = TargetProfile.product(.wyn)
        profile.dialect = context.wynEngine
        let conversion = context.converter.convert(schedule, to: profile, now: context.now)
        guard conversion.status != .impossible, let text = conversion.target else { return (nil, conversion) }
        let base: JSONPath = "trigger.pattern"
        var patterns = text.lines
        if case .array(let originals)? = SourceText.text(of: base.appending("patterns"), in: task, product: .wyn) {
            let lines = originals.compactMap(\.stringValue)
            let start = schedule.window.start.flatMap(instant(of:))
            let end = schedule.window.end.flatMap(instant(of:))
            if var reread = try? WynScheduleText.parse(
                lines, zone: schedule.zone, start: start, end: end, context: context, path: base)
            {
                reread.window.start = start.map(TimePoint.instant)
                if reread == schedule { patterns = lines }
            }
        }
        var pattern = WynPatternPayload(patterns: patterns)
        pattern.timeZoneId = zoneText(for: text.context.zone, sourcePath: base.appending("timeZoneId"))
        let start =
            schedule.window.start.flatMap(instant(of:))
            ?? text.context.start.flatMap { local in
                resolve(local, zone: text.context.zone)
            }
        pattern.startDate = start.map { dateText($0, sourcePath: base.appending("startDate")) }
        let end = text.context.end.flatMap(instant(of:)) ?? schedule.window.end.flatMap(instant(of:))
        pattern.endDate = end.map { dateText($0, sourcePath: base.appending("endDate")) }
        return (WynTriggerPayload(mode: .pattern(pattern)), conversion)
    }

    private func dateText(_ instant: Instant, sourcePath: JSONPath) -> String {
        if case .string(let original)? = SourceText.text(of: sourcePath, in: task, product: .wyn),
            Instant(parsingRFC3339: original) == instant
        {
            return original
        }
        return WynScheduleText.text(instant)
    }

    /// The zone id as the source wrote it when it names the same zone, else in the configured style.
    private mutating func zoneText(for zone: String, sourcePath: JSONPath) -> String? {
        if case .string(let original)? = SourceText.text(of: sourcePath, in: task, product: .wyn),
            (try? context.zones.resolve(original)) == zone
        {
            return original
        }
        if let identifier = WynScheduleText.zoneID(for: zone, context: context) { return identifier }
        losses.append(
            Loss(
                path: source(.schedule, "schedule"), value: .string(zone),
                reason: "no Windows zone id covers \(zone); the IANA id is written for a Windows-hosted wyn server"))
        return zone
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

    // MARK: Deliveries, principals, failure notice

    /// One channel key (wyn.md §2.9); a Wyn-shaped `localStore` nested in `emailAttach` goes back
    /// inside it (§2.10).
    private mutating func encodeDeliveries() -> JSONObject? {
        guard !task.deliveries.isEmpty else { return nil }
        var deployTo: JSONObject = [:]
        let nestedStore = SourceText.text(of: "deployTo.emailAttach.localStore", in: task, product: .wyn)
        for (index, delivery) in task.deliveries.enumerated() {
            let path = deliveryPath(delivery, index: index)
            switch delivery {
            case .email(let email):
                guard let key = context.vocabulary.delivery(in: .wyn, channel: .email(email.mode))?.key else {
                    losses.append(
                        Loss(path: path, value: .string(email.mode.rawValue), reason: "wyn has no such e-mail channel"))
                    continue
                }
                var settings: JSONObject = [:]
                if !email.recipients.isEmpty || email.subject != nil || email.body != nil {
                    settings["mailTo"] = .array(email.recipients.map(JSONValue.string))
                }
                if let subject = email.subject { settings["subject"] = .string(subject) }
                if let body = email.body { settings["body"] = .string(body) }
                if !email.copies.isEmpty {
                    losses.append(
                        Loss(
                            path: path, value: .array(email.copies.map(JSONValue.string)),
                            reason: "wyn has no Cc: addresses"))
                }
                if !email.userRecipients.isEmpty {
                    losses.append(
                        Loss(
                            path: path, value: .array(email.userRecipients.map(JSONValue.string)),
                            reason: "wyn e-mails addresses, not user ids"))
                }
                place(key, settings.isEmpty ? [:] : ["settings": .object(settings)], into: &deployTo, path: path)
            case .storage(let store):
                guard let key = context.vocabulary.delivery(in: .wyn, channel: .storage(store.kind))?.key else {
                    losses.append(
                        Loss(path: path, value: .object(store.settings), reason: "wyn has no '\(store.kind)' store"))
                    continue
                }
                if !fromWyn && !store.settings.isEmpty {
                    losses.append(
                        Loss(
                            path: path, value: .object(store.settings),
                            reason: "the \(task.identity.product) store settings do not apply to wyn's \(key)"))
                }
                let settings = fromWyn ? store.settings : [:]
                if key == "localStore", let nestedStore, nestedStore == .object(store.settings),
                    case .object(var mail)? = deployTo["emailAttach"]
                {
                    mail["localStore"] = nestedStore
                    deployTo["emailAttach"] = .object(mail)
                    continue
                }
                place(key, settings, into: &deployTo, path: path)
            case .notification(let notice):
                guard let key = context.vocabulary.delivery(in: .wyn, channel: .notification(notice.kind))?.key else {
                    losses.append(
                        Loss(path: path, value: .string(notice.kind), reason: "wyn has no such in-app notice"))
                    continue
                }
                if !notice.recipients.isEmpty {
                    losses.append(
                        Loss(
                            path: path, value: .array(notice.recipients.map(JSONValue.string)),
                            reason: "wyn's \(key) members are not documented; the recipients are not carried"))
                }
                place(key, [:], into: &deployTo, path: path)
            }
        }
        return deployTo.isEmpty ? nil : deployTo
    }

    /// Wyn takes one channel per task: a second one is a loss.
    private mutating func place(_ key: String, _ object: JSONObject, into deployTo: inout JSONObject, path: JSONPath) {
        guard fromWyn || deployTo.isEmpty else {
            losses.append(
                Loss(path: path, value: .object(object), reason: "wyn delivers to one channel per task (deployTo)"))
            return
        }
        deployTo[key] = .object(object)
    }

    private func deliveryPath(_ delivery: TaskDelivery, index: Int) -> JSONPath {
        let field: CanonicalField
        switch delivery {
        case .email: field = .emailRecipients
        case .storage: field = .storage
        case .notification: field = .notification
        }
        return task.provenance[field] ?? JSONPath("deliveries").appending(index)
    }

    private mutating func encodeRunAs(into body: inout WynTaskPayload) {
        guard let runAs = task.runAs else { return }
        var object: JSONObject = [:]
        if let id = runAs.id { object["userId"] = .string(id) }
        if let name = runAs.name { object["username"] = .string(name) }
        if let organization = runAs.organization { object["organizationId"] = .string(organization) }
        if let provider = runAs.provider { object["provider"] = .string(provider) }
        body.runAs = .object(object)
    }

    /// `failInformEmail` for a single address (or when the Wyn source used it), the provider for
    /// the rest.
    private mutating func encodeFailure(into body: inout WynTaskPayload) {
        guard let notice = task.onFailure else { return }
        var emails = notice.emails
        let singleFirst =
            fromWyn ? task.provenance[.onFailure] == "failInformEmail" : (emails.count == 1 && notice.userIDs.isEmpty)
        if singleFirst, !emails.isEmpty {
            body.failInformEmail = emails.removeFirst()
        }
        var provider: JSONObject = [:]
        if !emails.isEmpty || (fromWyn && task.extensions[.wyn]?["failInformProvider.emailProvider"] != nil) {
            provider["emailProvider"] = .object(["mailTo": .array(emails.map(JSONValue.string))])
        }
        if !notice.userIDs.isEmpty {
            provider["appMsgProvider"] = .object(["recipients": .array(notice.userIDs.map(JSONValue.string))])
        }
        if !provider.isEmpty || (fromWyn && task.provenance[.onFailure] == "failInformProvider") {
            body.failInformProvider = .object(provider)
        }
    }
}
