import TaskgateCore

/// Reads `start.schedule` and `events` into a ``Schedule`` (qlik-scheduling.md §4, §5).
enum QlikSchedulingSchedule {
    /// The schedule of a task.
    ///
    /// - A string `start.schedule` is an ISO 8601 repeating interval in UTC (§4.1, H2).
    /// - An object (`interval`, `cron`, `recurrence`, `startDateTime`, `endDateTime`, `timezone`)
    ///   is read whole by ``Dialect/iso8601`` as a Serverless Workflow schedule object, its zone
    ///   first resolved through the zone tables (aliases, Windows ids).
    /// - No `start` and CloudEvents: a run on an event, named by the event's source and its
    ///   correlations (`system-events.task id=… status=SUCCEEDED`).
    /// - Neither: started by hand.
    static func read(
        _ payload: QlikSchedulingTaskPayload, context: AdapterContext, product: Product
    ) throws(TaskDecodingError) -> Schedule {
        guard let schedule = payload.schedule else {
            guard !payload.events.isEmpty else { return Schedule(kind: .manual, zone: "UTC") }
            return Schedule(kind: .event(eventName(payload.events)), zone: "UTC")
        }
        return try read(schedule, at: "start.schedule", context: context, product: product)
    }

    /// Reads one `start.schedule` value.
    static func read(
        _ schedule: JSONValue, at path: JSONPath, context: AdapterContext, product: Product
    ) throws(TaskDecodingError) -> Schedule {
        let line: String
        switch schedule {
        case .string(let text):
            line = text
        case .object(var members):
            if case .string(let zone)? = members["timezone"] {
                if let resolved = ZoneNaming.resolve(zone, context: context) {
                    members["timezone"] = .string(resolved)
                } else {
                    throw TaskDecodingError(
                        product: product, path: path.appending("timezone"), value: .string(zone),
                        expected: "an IANA zone name such as Europe/Berlin")
                }
            }
            line = JSONValue.object(members).compactText
        default:
            throw TaskDecodingError(
                product: product, path: path, value: schedule,
                expected: "an ISO 8601 repeating interval or a schedule object")
        }
        do {
            return try context.parse(.iso8601, [line], context: DialectContext(zone: "UTC", reference: context.now))
        } catch {
            throw TaskDecodingError(
                product: product, path: path, value: schedule,
                expected: "a schedule Qlik and Serverless Workflow 0.8 accept (\(error.description))")
        }
    }

    /// `system-events.task id=9b1d… status=SUCCEEDED`; events joined with ` | `.
    static func eventName(_ events: [JSONValue]) -> String {
        events.map { event in
            let correlations = (event["correlation"]?.arrayValue ?? []).map { item in
                let name = item["contextAttributeName"]?.stringValue ?? "?"
                return item["contextAttributeValue"]?.stringValue.map { "\(name)=\($0)" } ?? name
            }
            return ([event["source"]?.stringValue ?? event["type"]?.stringValue ?? "event"] + correlations)
                .joined(separator: " ")
        }.joined(separator: " | ")
    }
}
