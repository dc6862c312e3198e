public import TaskgateCore

/// Reads and writes Qlik Cloud sharing tasks (`/api/v1/sharing-tasks`, qlik-sharing.md).
///
/// The schedule is `scheduleOptions`: 1–5 RRULE lines without DTSTART or UNTIL, a window of local
/// wall times without offset, and a zone (§6.2), read and written with ``Dialect/rrule``. A task
/// with only the legacy `trigger` runs on its RRULE lines in the default zone, or, with
/// `executeOnAppReload`, after each app reload (§6.1, §10.5). The task is written in the create
/// shape: server-set fields are read into ``ServerState`` and never written.
public struct QlikSharingAdapter: ProductAdapter {
    /// Extension paths that hold this product's own text of parts with a canonical home.
    static var mirrors: Set<JSONPath> { SourceMirrors.paths(of: .qlikSharing) }

    /// The product this adapter reads and writes.
    public var product: Product { .qlikSharing }

    /// Creates the adapter.
    public init() {}

    /// One task, an array of tasks, or the list response `{"sharingTasks": [...], "links": ...}`
    /// (§3.1). A Qlik error response is refused with its code and message.
    public func taskDocuments(in json: JSONValue) throws(TaskDecodingError) -> [(path: JSONPath, task: JSONValue)] {
        switch json {
        case .array(let items):
            return items.enumerated().map { (JSONPath.root.appending($0.offset), $0.element) }
        case .object(let members):
            if let error = QlikErrorResponse(json) {
                throw TaskDecodingError(
                    product: product, path: .root, value: json,
                    expected: "a sharing task, an array of them or a list response; the file holds \(error.description)"
                )
            }
            guard let list = members["sharingTasks"] else { return [(.root, json)] }
            guard case .array(let items) = list else {
                throw TaskDecodingError(
                    product: product, path: "sharingTasks", value: list, expected: "an array of sharing tasks")
            }
            return items.enumerated().map { (JSONPath.root.appending("sharingTasks").appending($0.offset), $0.element) }
        default:
            throw TaskDecodingError(
                product: product, path: .root, value: json,
                expected: "a sharing task object, an array of them, or a list response with `sharingTasks`")
        }
    }

    /// Reads one sharing task, in the request or the response shape.
    public func decode(_ json: JSONValue, context: AdapterContext) throws(TaskDecodingError) -> CanonicalTask {
        let payload = try QlikSharingTaskPayload(json, product: product)
        guard let term = context.vocabulary.action(of: product, values: ["type": payload.type]) else {
            let known = (context.vocabulary.actions[product] ?? []).compactMap { $0.values["type"] }
            throw TaskDecodingError(
                product: product, path: "type", value: .string(payload.type),
                expected: "one of \(known.joined(separator: ", "))")
        }
        var extensions: [JSONPath: JSONValue] = [:]
        var provenance: [CanonicalField: JSONPath] = [
            .name: "name", .action: "type", .actionParameters: .root, .target: "templates",
        ]
        for (key, value) in payload.passthrough.merging(payload.unknown, uniquingKeysWith: { first, _ in first }) {
            extensions[JSONPath(components: [.key(key)])] = value
        }
        if payload.description != nil { provenance[.description] = "description" }
        if payload.enabled != nil { provenance[.enabled] = "enabled" }

        var parameters: JSONObject = ["templates": .array(payload.templates)]
        if let state = payload.state { parameters["state"] = state }
        let templateFormat = payload.templates.first?["subType"]?.stringValue
        let format = templateFormat ?? payload.passthrough["subType"]?.stringValue
        if format != nil { provenance[.actionFormat] = templateFormat != nil ? "templates[0].subType" : "subType" }

        let schedule: Schedule
        if let options = payload.scheduleOptions {
            schedule = try options.schedule(at: "scheduleOptions", context: context, product: product)
            extensions["scheduleOptions"] = options.createJSON
            provenance[.schedule] = "scheduleOptions"
        } else if let trigger = payload.trigger {
            schedule = try Self.triggerSchedule(trigger, context: context)
            provenance[.schedule] = "trigger"
        } else {
            schedule = Schedule(kind: .manual, zone: context.defaultZone)
        }
        if let trigger = payload.trigger { extensions["trigger"] = .object(trigger) }

        var deliveries: [TaskDelivery] = []
        let channels = payload.transportChannels ?? (payload.recipients == nil ? [] : ["email"])
        if let transportChannels = payload.transportChannels {
            extensions["transportChannels"] = .array(transportChannels.map(JSONValue.string))
        }
        for (index, key) in channels.enumerated() {
            guard let term = context.vocabulary.delivery(of: product, key: key) else {
                let known = (context.vocabulary.deliveries[product] ?? []).map(\.key)
                throw TaskDecodingError(
                    product: product, path: JSONPath("transportChannels").appending(index), value: .string(key),
                    expected: "one of \(known.joined(separator: ", "))")
            }
            switch term.channel {
            case .email(let mode):
                deliveries.append(
                    .email(
                        EmailDelivery(
                            recipients: payload.recipients?.emailAddresses ?? [],
                            userRecipients: payload.recipients?.userIDs.compactMap(\.value) ?? [],
                            subject: payload.emailSubject, body: payload.emailBody, mode: mode)))
                provenance[.emailRecipients] = "recipients"
                if payload.emailSubject != nil { provenance[.emailSubject] = "emailContent.subject" }
                if payload.emailBody != nil { provenance[.emailBody] = "emailContent.body" }
            case .storage(let kind):
                var settings: JSONObject = [:]
                if let connection = payload.dataConnectionID { settings["dataConnectionID"] = .string(connection) }
                deliveries.append(
                    .storage(StorageDelivery(kind: kind, location: payload.sharePointFolder, settings: settings)))
                provenance[.storage] = "sharePointFolder"
            case .notification(let kind):
                deliveries.append(.notification(NotificationDelivery(kind: kind)))
                provenance[.notification] = JSONPath("transportChannels").appending(index)
            }
        }
        if let recipients = payload.recipients { extensions["recipients"] = recipients.createJSON }
        if payload.hasEmailContent {
            var content: JSONObject = [:]
            if let subject = payload.emailSubject { content["subject"] = .string(subject) }
            if let body = payload.emailBody { content["body"] = .string(body) }
            extensions["emailContent"] = .object(content)
        }
        if !channels.contains("sharepoint") {
            if let folder = payload.sharePointFolder { extensions["sharePointFolder"] = .string(folder) }
            if let connection = payload.dataConnectionID { extensions["dataConnectionID"] = .string(connection) }
        }

        let ownerID = payload.server["owner"]?.stringValue
        let ownerName = payload.server["ownerName"]?.stringValue
        if ownerID != nil || ownerName != nil { provenance[.owner] = "owner" }
        let options = payload.scheduleOptions?.server
        return CanonicalTask(
            identity: TaskIdentity(product: product, name: payload.name, description: payload.description),
            // A missing `enabled` reads as true: every seed example sends true and a response always
            // says (qlik-sharing.md §5.1 leaves the create default open).
            enabled: payload.enabled ?? true,
            target: payload.appID.map {
                TaskTarget(kind: term.target, id: $0, name: payload.passthrough["appName"]?.stringValue)
            },
            action: TaskAction(kind: term.action, format: format, parameters: parameters),
            schedule: schedule, deliveries: deliveries,
            owner: ownerID != nil || ownerName != nil ? TaskPrincipal(id: ownerID, name: ownerName) : nil,
            extensions: [product: extensions],
            server: ServerState(
                id: payload.server["id"]?.stringValue,
                nextRun: Self.instant(options?["nextExecutionTime"] ?? payload.server["nextScheduledRun"]),
                lastRun: Self.instant(options?["lastExecutionTime"] ?? payload.server["lastRun"]),
                status: payload.server["statusCode"]?.stringValue, fields: payload.server),
            provenance: provenance)
    }

    /// The legacy trigger's schedule: after each app reload when `executeOnAppReload` is set,
    /// else its RRULE lines. The trigger has no zone and no start (§6.1): the lines are read in
    /// the context's default zone from now — the choice a user expects of a rule with no anchor.
    static func triggerSchedule(_ trigger: JSONObject, context: AdapterContext) throws(TaskDecodingError) -> Schedule {
        if trigger["executeOnAppReload"]?.boolValue == true {
            return Schedule(kind: .event("app-reload"), zone: context.defaultZone)
        }
        let lines = trigger["recurrence"]?.arrayValue?.compactMap(\.stringValue) ?? []
        guard !lines.isEmpty else { return Schedule(kind: .manual, zone: context.defaultZone) }
        do {
            return try context.parse(
                .rrule, lines, context: DialectContext(zone: context.defaultZone, reference: context.now))
        } catch {
            throw TaskDecodingError(
                product: .qlikSharing, path: "trigger.recurrence", value: .array(lines.map(JSONValue.string)),
                expected: "RFC 5545 RRULE lines (\(error.description))")
        }
    }

    /// An RFC 3339 server time; `nil` when empty or missing.
    static func instant(_ value: JSONValue?) -> Instant? {
        value?.stringValue.flatMap { Instant(parsingRFC3339: $0) }
    }
}
