public import TaskgateCore

/// Reads and writes fylr background tasks (`/api/v1/task`, fylr.md).
///
/// Reads the seed's older envelope and the current one (fylr.md §1 adapter rule) and writes the
/// current one for create: `_basetype: "task"`, `task._version: 1`, no `_id`, no owner, no
/// timestamps, no status. Schedules go through ``Dialect/fylr``; a task without schedules is
/// a single run at `next_run_at`, or manual when it is `null`.
///
/// Choices where the digest leaves questions open (fylr.md §13):
/// - `next_run_at: null` is the only "disabled" state (§5.2 item 10): it decodes to
///   `enabled = false`, and a disabled task encodes with `next_run_at: null`, schedules kept.
/// - With schedules, `next_run_at` is server-maintained (the scheduler rewrites it after each
///   run); it is carried in ``ServerState/nextRun`` and written as the schedule's first
///   occurrence at or after "now" (§11.7 writer rule 3).
/// - Recipients with `problems_only: true` are the canonical on-failure notification; the others
///   are an e-mail delivery in the message body (§11.6 "delivery").
/// - A missing `timezone` is ``AdapterContext/defaultZone`` (§13 question 3).
public struct FylrAdapter: ProductAdapter {
    /// Creates the adapter.
    public init() {}

    /// fylr.
    public var product: Product { .fylr }

    /// One envelope, an array of them (the seed's list), or the current list `{objects: […]}`.
    public func taskDocuments(in json: JSONValue) throws(TaskDecodingError) -> [(path: JSONPath, task: JSONValue)] {
        switch json {
        case .array(let items):
            return items.enumerated().map { (JSONPath.root.appending($0.offset), $0.element) }
        case .object(let members):
            if let objects = members["objects"], members["task"] == nil {
                guard case .array(let items) = objects else {
                    throw TaskDecodingError(
                        product: .fylr, path: "objects", value: objects, expected: "an array of task envelopes")
                }
                return items.enumerated().map { (JSONPath.root.appending("objects").appending($0.offset), $0.element) }
            }
            return [(.root, json)]
        case .null, .bool, .integer, .double, .string:
            throw TaskDecodingError(
                product: .fylr, path: .root, value: json,
                expected: #"a task envelope {"task": {…}}, an array of them, or a list {"objects": […]}"#)
        }
    }

    /// Reads one envelope in either shape.
    public func decode(_ json: JSONValue, context: AdapterContext) throws(TaskDecodingError) -> CanonicalTask {
        let envelope = try FylrTaskEnvelopePayload(json, at: .root)
        let payload = envelope.task
        let taskPath = JSONPath.root.appending("task")
        var extensions = envelope.unknown
        extensions[taskPath.appending("task_module")] = .string(payload.module)
        if let preferences = payload.frontendPreferences {
            extensions[taskPath.appending("frontend_prefs")] = .object(preferences)
        }
        let schedule = try Self.schedule(of: payload, at: taskPath, context: context)
        var provenance: [CanonicalField: JSONPath] = [
            .action: taskPath.appending("task_module"), .actionParameters: taskPath.appending("task_params"),
            .timeout: taskPath.appending("task_timeout_sec"), .name: taskPath.appending("description"),
            .schedule: payload.schedules.isEmpty ? taskPath.appending("next_run_at") : taskPath.appending("schedules"),
            .enabled: taskPath.appending("next_run_at"),
        ]
        let deliveryRecipients = payload.recipients.filter { !$0.problemsOnly }.map(\.email)
        let failureRecipients = payload.recipients.filter(\.problemsOnly).map(\.email)
        var deliveries: [TaskDelivery] = []
        if !deliveryRecipients.isEmpty {
            deliveries.append(.email(EmailDelivery(recipients: deliveryRecipients, mode: .body)))
            provenance[.emailRecipients] = taskPath.appending("email").appending("recipients")
        }
        var onFailure: FailureNotification?
        if !failureRecipients.isEmpty {
            onFailure = FailureNotification(emails: failureRecipients)
            provenance[.onFailure] = taskPath.appending("email").appending("recipients")
        }
        if payload.emailPresent && payload.recipients.isEmpty {
            extensions[taskPath.appending("email")] = .object(["recipients": .array([])])
        }
        let owner = envelope.user.map { user in
            TaskPrincipal(id: user.id.map { String($0) }, name: user.displayName)
        }
        if owner != nil { provenance[.owner] = JSONPath.root.appending("_user") }
        let kind =
            context.vocabulary.action(of: .fylr, values: ["task_module": payload.module])?.action ?? payload.module
        let timeout = payload.timeoutSeconds.flatMap { $0 == 0 ? nil : Int(exactly: $0) }
        let enabled = payload.nextRunAt != nil
        return CanonicalTask(
            identity: TaskIdentity(product: .fylr, name: payload.description ?? ""),
            enabled: enabled,
            action: TaskAction(kind: kind, parameters: payload.parameters, timeoutSeconds: timeout),
            schedule: schedule, deliveries: deliveries, owner: owner, onFailure: onFailure,
            extensions: [.fylr: extensions],
            server: ServerState(
                id: payload.id.map { String($0) }, nextRun: payload.schedules.isEmpty ? nil : payload.nextRunAt,
                status: payload.status, fields: envelope.serverFields),
            provenance: provenance)
    }

    /// The schedule of a task: its schedule objects, a single run at `next_run_at`, or manual.
    static func schedule(
        of payload: FylrTaskPayload, at taskPath: JSONPath, context: AdapterContext
    ) throws(TaskDecodingError) -> Schedule {
        guard !payload.schedules.isEmpty else {
            if let nextRunAt = payload.nextRunAt {
                return Schedule(kind: .once(nextRunAt), zone: context.defaultZone)
            }
            return Schedule(kind: .manual, zone: context.defaultZone)
        }
        let lines = payload.schedules.map(\.compactText)
        do {
            return try context.parse(
                .fylr, lines, context: DialectContext(zone: context.defaultZone, reference: context.now))
        } catch {
            throw Self.decodingError(error, schedules: payload.schedules, at: taskPath)
        }
    }

    /// A schedule error at its place in the task: `task.schedules[0].weekdays[0]`, with the value
    /// found there.
    static func decodingError(
        _ error: ScheduleSyntaxError, schedules: [JSONValue], at taskPath: JSONPath
    ) -> TaskDecodingError {
        let expected =
            error.reason.hasPrefix("expected ")
            ? String(error.reason.dropFirst("expected ".count)) : "a schedule taskgate can read; " + error.reason
        let field = JSONPath(stringLiteral: error.field)
        guard field.components.first == .key("schedules") else {
            return TaskDecodingError(
                product: .fylr, path: taskPath.appending("schedules"), value: .array(schedules), expected: expected)
        }
        var value: JSONValue? = .array(schedules)
        for component in field.components.dropFirst() {
            switch component {
            case .key(let key): value = value?.objectValue?[key]
            case .index(let index):
                let items = value?.arrayValue ?? []
                value = items.indices.contains(index) ? items[index] : nil
            }
        }
        return TaskDecodingError(
            product: .fylr, path: JSONPath(components: taskPath.components + field.components), value: value,
            expected: expected)
    }
}
