import TaskgateCore

/// Turns a read ``WynTaskPayload`` into a ``CanonicalTask`` (wyn.md §9).
struct WynTaskDecoder {
    let payload: WynTaskPayload
    let context: AdapterContext
    var extensions: [JSONPath: JSONValue] = [:]
    var server = ServerState()
    var provenance: [CanonicalField: JSONPath] = [:]

    init(payload: WynTaskPayload, context: AdapterContext) {
        self.payload = payload
        self.context = context
        // Room for what a task usually fills, instead of growing (and rehashing) one member at a time.
        extensions.reserveCapacity(8)
        provenance.reserveCapacity(16)
    }

    mutating func decode() throws(TaskDecodingError) -> CanonicalTask {
        provenance[.name] = "description"
        if payload.isActive != nil { provenance[.enabled] = "isActive" }
        provenance[.target] = "documentId"
        keepTopLevel()
        let (action, target, owner) = try readAction()
        let schedule = try readSchedule()
        let deliveries = try readDeliveries()
        let runAs = try readRunAs()
        let onFailure = try readFailure()
        return CanonicalTask(
            identity: TaskIdentity(product: .wyn, name: payload.description), enabled: payload.isActive ?? true,
            target: target, action: action, schedule: schedule, deliveries: deliveries, owner: owner, runAs: runAs,
            onFailure: onFailure, extensions: extensions.isEmpty ? [:] : [.wyn: extensions], server: server,
            provenance: provenance)
    }

    /// Vendor extras without a canonical home, and server-set members.
    private mutating func keepTopLevel() {
        let extras: [(String, String?)] = [
            ("templateId", payload.templateId), ("historyDataExpiryDuration", payload.historyDataExpiryDuration),
            ("operationType", payload.operationType), ("location", payload.location),
            ("dataUpdateMode", payload.dataUpdateMode),
        ]
        for (key, value) in extras {
            if let value { extensions[JSONPath.root.appending(key)] = .string(value) }
        }
        if let compound = payload.compoundTask { extensions["compoundTask"] = .bool(compound) }
        if let tasks = payload.tasks { extensions["tasks"] = tasks }
        for (key, value) in payload.unknown {
            guard WynAdapter.serverKeys.contains(key) else {
                extensions[JSONPath.root.appending(key)] = value
                continue
            }
            server.fields[JSONPath.root.appending(key)] = value
            switch key {
            case "id", "taskId": server.id = server.id ?? value.stringValue ?? value.integerValue.map(String.init)
            case "nextRunTime": server.nextRun = value.stringValue.flatMap { Instant(parsingRFC3339: $0) }
            case "lastRunTime": server.lastRun = value.stringValue.flatMap { Instant(parsingRFC3339: $0) }
            case "status": server.status = value.stringValue
            default: break
            }
        }
    }

    /// The action from `task.taskType` and `task.payload`, the target from `documentId`, the owner
    /// from `task.userDetails`.
    private mutating func readAction() throws(TaskDecodingError) -> (TaskAction, TaskTarget, TaskPrincipal?) {
        let taskType = payload.task?.taskType ?? "CompoundTask"
        let typePath: JSONPath = payload.task == nil ? "compoundTask" : "task.taskType"
        guard let term = context.vocabulary.action(of: .wyn, values: ["taskType": taskType]) else {
            let known = (context.vocabulary.actions[.wyn] ?? []).compactMap { $0.values["taskType"] }
            throw TaskDecodingError(
                product: .wyn, path: typePath, value: .string(taskType),
                expected: "a task type named in mappings/vocabulary.yaml: \(known.joined(separator: ", "))")
        }
        provenance[.action] = typePath
        let target = TaskTarget(kind: term.target, id: payload.documentId)
        guard let step = payload.task else {
            return (TaskAction(kind: term.action, format: term.format), target, nil)
        }
        guard case .object(let settings)? = EmbeddedJSON.parse(step.payload) else {
            throw TaskDecodingError(
                product: .wyn, path: "task.payload", value: .string(step.payload),
                expected: "a JSON object serialised into a string")
        }
        provenance[.actionParameters] = "task.payload"
        extensions[SourceText.path(for: "task.payload")] = .string(step.payload)
        let format = settings["exportFormat"]?.stringValue ?? term.format
        if settings["exportFormat"] != nil { provenance[.actionFormat] = "task.payload" }
        if let parameters = step.parameters {
            guard case .object? = EmbeddedJSON.parse(parameters) else {
                throw TaskDecodingError(
                    product: .wyn, path: "task.parameters", value: .string(parameters),
                    expected: "a JSON object serialised into a string (\"{}\" for none)")
            }
            extensions["task.parameters"] = .string(parameters)
        }
        if step.documentId != payload.documentId { extensions["task.documentId"] = .string(step.documentId) }
        for (key, value) in step.unknown { extensions[JSONPath("task").appending(key)] = value }
        var owner: TaskPrincipal?
        if let details = step.userDetails, details != .null {
            var reader = try JSONFieldReader(details, at: "task.userDetails", product: .wyn)
            owner = TaskPrincipal(
                id: try reader.string("id"), name: try reader.string("name"), provider: try reader.string("provider"),
                organization: try reader.string("tenantId"))
            for (key, value) in reader.unread { extensions[JSONPath("task.userDetails").appending(key)] = value }
            provenance[.owner] = "task.userDetails"
        }
        return (TaskAction(kind: term.action, format: format, parameters: settings), target, owner)
    }

    /// The schedule from `trigger` (wyn.md §3).
    private mutating func readSchedule() throws(TaskDecodingError) -> Schedule {
        provenance[.schedule] = "trigger"
        for (key, value) in payload.trigger.unknown { extensions[JSONPath("trigger").appending(key)] = value }
        switch payload.trigger.mode {
        case .explicit:
            return Schedule(kind: .manual, zone: context.defaultZone)
        case .once(let text, let zoneID):
            var zone = context.defaultZone
            if let zoneID {
                zone = try resolve(zoneID, at: "trigger.onceTimeZoneId")
                extensions[SourceText.path(for: "trigger.onceTimeZoneId")] = .string(zoneID)
            }
            extensions[SourceText.path(for: "trigger.once")] = .string(text)
            guard let instant = Instant(parsingRFC3339: text) else {
                throw TaskDecodingError(
                    product: .wyn, path: "trigger.once", value: .string(text), expected: "an RFC 3339 instant")
            }
            return Schedule(kind: .once(instant), zone: zone)
        case .template(let id):
            extensions["trigger.templateId"] = .string(id)
            return Schedule(kind: .event("Wyn schedule template '\(id)'"), zone: context.defaultZone)
        case .pattern(let pattern):
            return try readPattern(pattern)
        }
    }

    private mutating func readPattern(_ pattern: WynPatternPayload) throws(TaskDecodingError) -> Schedule {
        let base: JSONPath = "trigger.pattern"
        for (key, value) in pattern.unknown { extensions[base.appending(key)] = value }
        var zone = context.defaultZone
        if let zoneID = pattern.timeZoneId {
            zone = try resolve(zoneID, at: base.appending("timeZoneId"))
            extensions[SourceText.path(for: base.appending("timeZoneId"))] = .string(zoneID)
        }
        let start = try instant(pattern.startDate, at: base.appending("startDate"))
        let end = try instant(pattern.endDate, at: base.appending("endDate"))
        if let startText = pattern.startDate {
            extensions[SourceText.path(for: base.appending("startDate"))] = .string(startText)
        }
        if let endText = pattern.endDate {
            extensions[SourceText.path(for: base.appending("endDate"))] = .string(endText)
        }
        extensions[SourceText.path(for: base.appending("patterns"))] = .array(pattern.patterns.map(JSONValue.string))
        var schedule = try WynScheduleText.parse(
            pattern.patterns, zone: zone, start: start, end: end, context: context, path: base.appending("patterns"))
        schedule.window.start = start.map(TimePoint.instant)
        return schedule
    }

    private func resolve(_ zoneID: String, at path: JSONPath) throws(TaskDecodingError) -> String {
        do {
            return try context.zones.resolve(zoneID)
        } catch {
            throw TaskDecodingError(
                product: .wyn, path: path, value: .string(zoneID), expected: ZoneResolver.expectedZone)
        }
    }

    private func instant(_ text: String?, at path: JSONPath) throws(TaskDecodingError) -> Instant? {
        guard let text else { return nil }
        guard let instant = Instant(parsingRFC3339: text) else {
            throw TaskDecodingError(
                product: .wyn, path: path, value: .string(text),
                expected: "an RFC 3339 instant in UTC such as 2026-04-04T05:00:00Z")
        }
        return instant
    }

    /// The deliveries from `deployTo`, one per channel key (wyn.md §2.9, §2.10).
    private mutating func readDeliveries() throws(TaskDecodingError) -> [TaskDelivery] {
        guard let deployTo = payload.deployTo else { return [] }
        var deliveries: [TaskDelivery] = []
        for key in deployTo.keys.sorted() {
            let path = JSONPath("deployTo").appending(key)
            guard let value = deployTo[key], let term = context.vocabulary.delivery(of: .wyn, key: key) else {
                extensions[path] = deployTo[key] ?? .null
                continue
            }
            switch term.channel {
            case .email(let mode):
                var nested: [TaskDelivery] = []
                deliveries.append(.email(try readEmail(value, mode: mode, at: path, deliveries: &nested)))
                deliveries += nested
                provenance[.emailRecipients] = provenance[.emailRecipients] ?? path
            case .storage(let kind):
                let reader = try JSONFieldReader(value, at: path, product: .wyn)
                deliveries.append(.storage(StorageDelivery(kind: kind, settings: reader.members)))
                provenance[.storage] = provenance[.storage] ?? path
            case .notification(let kind):
                // The channel's members are not documented (§2.9): kept verbatim.
                _ = try JSONFieldReader(value, at: path, product: .wyn)
                extensions[path] = value
                deliveries.append(.notification(NotificationDelivery(kind: kind)))
                provenance[.notification] = provenance[.notification] ?? path
            }
        }
        return deliveries
    }

    private mutating func readEmail(
        _ value: JSONValue, mode: EmailDelivery.Mode, at path: JSONPath, deliveries: inout [TaskDelivery]
    ) throws(TaskDecodingError) -> EmailDelivery {
        var reader = try JSONFieldReader(value, at: path, product: .wyn)
        var email = EmailDelivery(recipients: [], mode: mode)
        if var settings = try reader.object("settings") {
            email.recipients = try settings.strings("mailTo") ?? []
            email.subject = try settings.string("subject")
            email.body = try settings.string("body")
            if settings.members.isEmpty { extensions[path.appending("settings")] = .object([:]) }
            for (key, member) in settings.unread { extensions[path.appending("settings").appending(key)] = member }
        }
        // wyn.md §2.10 (1): the seed nests `localStore` inside `emailAttach`; it is a second delivery.
        if let nested = reader.raw("localStore"), nested != .null,
            case .storage(let kind)? = context.vocabulary.delivery(of: .wyn, key: "localStore")?.channel
        {
            let store = try JSONFieldReader(nested, at: path.appending("localStore"), product: .wyn)
            deliveries.append(.storage(StorageDelivery(kind: kind, settings: store.members)))
            extensions[SourceText.path(for: path.appending("localStore"))] = nested
            provenance[.storage] = provenance[.storage] ?? path.appending("localStore")
        }
        for (key, member) in reader.unread { extensions[path.appending(key)] = member }
        return email
    }

    /// `runAs` (wyn.md §2.5).
    private mutating func readRunAs() throws(TaskDecodingError) -> TaskPrincipal? {
        guard let value = payload.runAs, value != .null else { return nil }
        var reader = try JSONFieldReader(value, at: "runAs", product: .wyn)
        let principal = TaskPrincipal(
            id: try reader.string("userId"), name: try reader.string("username"),
            provider: try reader.string("provider"),
            organization: try reader.string("organizationId"))
        for (key, member) in reader.unread { extensions[JSONPath("runAs").appending(key)] = member }
        provenance[.runAs] = "runAs"
        return principal
    }

    /// `failInformEmail` first, then `failInformProvider`'s e-mail list and in-app user ids.
    private mutating func readFailure() throws(TaskDecodingError) -> FailureNotification? {
        var notice = FailureNotification()
        var present = false
        if let email = payload.failInformEmail {
            notice.emails.append(email)
            provenance[.onFailure] = "failInformEmail"
            present = true
        }
        if let provider = payload.failInformProvider, provider != .null {
            var reader = try JSONFieldReader(provider, at: "failInformProvider", product: .wyn)
            if var email = try reader.object("emailProvider") {
                notice.emails += try email.strings("mailTo") ?? []
                for (key, member) in email.unread {
                    extensions[JSONPath("failInformProvider.emailProvider").appending(key)] = member
                }
            }
            if var app = try reader.object("appMsgProvider") {
                notice.userIDs += try app.strings("recipients") ?? []
                for (key, member) in app.unread {
                    extensions[JSONPath("failInformProvider.appMsgProvider").appending(key)] = member
                }
            }
            for (key, member) in reader.unread { extensions[JSONPath("failInformProvider").appending(key)] = member }
            provenance[.onFailure] = provenance[.onFailure] ?? "failInformProvider"
            present = true
        }
        return present ? notice : nil
    }
}
