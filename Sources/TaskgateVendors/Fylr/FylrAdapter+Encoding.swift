import Foundation
public import TaskgateCore

extension FylrAdapter {
    /// Writes the current envelope for create (fylr.md §3.2, §11.7): no server-set fields,
    /// `_version: 1`, all five keys in every schedule, `next_run_at` as the first run at or
    /// after "now" (null when disabled or manual).
    public func encode(_ task: CanonicalTask, context: AdapterContext) -> EncodedTask {
        var losses = crossProductLosses(of: task)
        let conversion: ScheduleConversion
        var schedules: [JSONValue] = []
        var nextRunAt: JSONValue = .null
        switch task.schedule.kind {
        case .manual:
            conversion = ScheduleConversion(status: .exact, target: nil, report: nil, reason: nil)
        case .once(let instant):
            conversion = ScheduleConversion(status: .exact, target: nil, report: nil, reason: nil)
            if task.enabled {
                nextRunAt = .string(instant.description)
            } else {
                losses.append(
                    Loss(
                        path: task.provenance[.schedule] ?? .root, value: .string(instant.description),
                        reason: "fylr has no enabled flag: a disabled single run is next_run_at null, and its time "
                            + "cannot be kept (fylr.md §5.2 item 10)"))
            }
        case .event, .recurring:
            conversion = context.converter.convert(
                task.schedule, to: TargetProfile.product(.fylr), now: context.now)
            guard conversion.status != .impossible, let text = conversion.target else {
                return EncodedTask(json: nil, schedule: conversion, losses: losses)
            }
            for line in text.lines {
                guard let object = JSONReader.value(line.utf8) else {
                    return EncodedTask(json: nil, schedule: conversion, losses: losses)
                }
                schedules.append(object)
            }
            if task.enabled,
                let first = try? task.schedule.nextOccurrences(after: context.now.adding(seconds: -1), count: 1).first
            {
                nextRunAt = .string(first.description)
            }
        }
        let fylrExtensions = task.identity.product == .fylr ? task.extensions[.fylr] ?? [:] : [:]
        let taskPath = JSONPath.root.appending("task")
        guard let module = module(for: task, extensions: fylrExtensions, context: context) else {
            losses.append(
                Loss(
                    path: task.provenance[.action] ?? .root, value: .string(task.action.kind),
                    reason: "fylr runs built-in modules only; no module in mappings/vocabulary.yaml stands for "
                        + "'\(task.action.kind)' (fylr.md §11.6)"))
            return EncodedTask(json: nil, schedule: conversion, losses: losses.sorted())
        }
        var body: JSONObject = [
            "_version": .integer(1),
            "task_module": .string(module),
            "task_params": .object(task.identity.product == .fylr ? task.action.parameters : [:]),
            "task_timeout_sec": .integer(Int64(task.action.timeoutSeconds ?? 0)),
            "description": .string(task.identity.name),
            "next_run_at": nextRunAt,
            "schedules": .array(schedules),
        ]
        var recipients: [JSONValue] = []
        for delivery in task.deliveries {
            if case .email(let email) = delivery {
                recipients += email.recipients.map { Self.recipient($0, problemsOnly: false) }
            }
        }
        recipients += (task.onFailure?.emails ?? []).map { Self.recipient($0, problemsOnly: true) }
        if !recipients.isEmpty { body["email"] = .object(["recipients": .array(recipients)]) }
        if task.identity.product != .fylr {
            body["frontend_prefs"] = .object(["taskgate": Self.foreignPayload(of: task)])
        }
        var document: JSONValue = .object(["_basetype": .string("task"), "task": .object(body)])
        for (path, value) in fylrExtensions.sorted(by: { $0.key < $1.key })
        where path != taskPath.appending("task_module") {
            document = Self.setting(value, at: path.components[...], in: document)
        }
        return EncodedTask(json: document, schedule: conversion, losses: losses.sorted())
    }

    /// The module to write: the source's own for a fylr task, else the vocabulary's.
    func module(for task: CanonicalTask, extensions: [JSONPath: JSONValue], context: AdapterContext) -> String? {
        if case .string(let module)? = extensions[JSONPath.root.appending("task").appending("task_module")] {
            return module
        }
        return context.vocabulary.action(in: .fylr, action: task.action.kind, target: nil)?.values["task_module"]
    }

    /// One `email.recipients` entry.
    static func recipient(_ address: String, problemsOnly: Bool) -> JSONValue {
        .object(["email": .string(address), "problems_only": .bool(problemsOnly)])
    }

    /// What a task from another product holds that fylr cannot (fylr.md §11.6).
    func crossProductLosses(of task: CanonicalTask) -> [Loss] {
        guard task.identity.product != .fylr else { return [] }
        var losses: [Loss] = []
        func lose(_ field: CanonicalField, _ value: JSONValue, _ reason: String) {
            losses.append(Loss(path: task.provenance[field] ?? .root, value: value, reason: reason))
        }
        if let target = task.target {
            lose(.target, .string(target.id), "fylr modules work on searches; a \(target.kind) target cannot be held")
        }
        if !task.action.parameters.isEmpty {
            lose(
                .actionParameters, .object(task.action.parameters),
                "fylr module parameters are module-defined; the source's action settings cannot be held")
        }
        if let description = task.identity.description {
            lose(.description, .string(description), "fylr has only description, which holds the task's name")
        }
        if let runAs = task.runAs {
            lose(.runAs, .string(runAs.name ?? runAs.id ?? ""), "a fylr task always runs as the user who creates it")
        }
        for delivery in task.deliveries {
            switch delivery {
            case .email(let email):
                if !email.copies.isEmpty {
                    lose(.emailCopies, .array(email.copies.map(JSONValue.string)), "fylr mails go To: only")
                }
                if let subject = email.subject { lose(.emailSubject, .string(subject), "fylr mails have no subject") }
                if let body = email.body { lose(.emailBody, .string(body), "fylr mails carry the task log, no text") }
                if !email.userRecipients.isEmpty {
                    lose(
                        .emailRecipients, .array(email.userRecipients.map(JSONValue.string)),
                        "fylr mails go to addresses, not user ids")
                }
            case .storage(let storage):
                lose(.storage, .string(storage.kind), "fylr tasks write no files to stores")
            case .notification(let notification):
                lose(.notification, .string(notification.kind), "fylr tasks send no in-app notifications")
            }
        }
        if let userIDs = task.onFailure?.userIDs, !userIDs.isEmpty {
            lose(.onFailure, .array(userIDs.map(JSONValue.string)), "fylr notifies addresses, not user ids")
        }
        return losses
    }

    /// `document` with `value` at `path`, creating objects on the way.
    static func setting(
        _ value: JSONValue, at path: ArraySlice<JSONPath.Component>, in document: JSONValue
    )
        -> JSONValue
    {
        guard let first = path.first else { return value }
        switch (first, document) {
        case (.key(let key), .object(var members)):
            members[key] = setting(value, at: path.dropFirst(), in: members[key] ?? .object([:]))
            return .object(members)
        case (.key(let key), _):
            return .object([key: setting(value, at: path.dropFirst(), in: .object([:]))])
        case (.index(let index), .array(var items)) where index >= 0 && index < items.count:
            items[index] = setting(value, at: path.dropFirst(), in: items[index])
            return .array(items)
        case (.index, _):
            return document
        }
    }

    /// What a task from another product was, kept in `frontend_prefs.taskgate`: fylr keeps keys
    /// of apps it does not know (fylr.md §4.2, §11.6), so the task can be read back and matched
    /// after create. Losses are still reported: fylr does not act on any of it.
    static func foreignPayload(of task: CanonicalTask) -> JSONValue {
        var payload: JSONObject = [
            "source": .string(task.identity.product.rawValue),
            "name": .string(task.identity.name),
            "action": .object(
                [
                    "kind": .string(task.action.kind),
                    "parameters": .object(task.action.parameters),
                ].merging(task.action.format.map { ["format": .string($0)] } ?? [:]) { first, _ in first }),
        ]
        if let description = task.identity.description { payload["description"] = .string(description) }
        if let target = task.target {
            var object: JSONObject = ["kind": .string(target.kind), "id": .string(target.id)]
            if let name = target.name { object["name"] = .string(name) }
            payload["target"] = .object(object)
        }
        return .object(payload)
    }
}
