public import TaskgateCore

/// Reads and writes Wyn Enterprise scheduled tasks (wyn.md).
///
/// Canonical homes (wyn.md §9): `description` is the name, `isActive` the enabled flag,
/// `documentId` the target, `task.taskType` the action (through `mappings/vocabulary.yaml`) with the
/// decoded `task.payload` as its settings and `exportFormat` as its format, `trigger` the schedule,
/// `deployTo` the deliveries, `failInformEmail`/`failInformProvider` the failure notice, `runAs`
/// and `task.userDetails` the principals. Everything else stays verbatim in the Wyn extensions.
public struct WynAdapter: ProductAdapter {
    /// Members a Wyn server sets on a task it returns. Wyn documents no read shape (wyn.md §7, W2):
    /// ASSUMPTION, the names an ASP.NET Core service would use, and those taskgate's own emulator
    /// returns (`owner`, `lastModifiedTime`); they are read into ``ServerState`` and never written.
    static let serverKeys: Set<String> = [
        "id", "taskId", "createdDate", "createdTime", "modifiedDate", "modifiedTime", "lastModifiedTime",
        "createdBy", "modifiedBy", "owner", "nextRunTime", "lastRunTime", "status",
    ]

    /// Creates the adapter.
    public init() {}

    /// Wyn.
    public var product: Product { .wyn }

    /// One task object, an array of them, or a list envelope `{"tasks": […]}` / `{"items": […]}`
    /// (wyn.md §1 W2 documents no list shape; ASSUMPTION: the usual envelopes). A compound task's own
    /// `tasks` member is an object, so an object with a `trigger` is always one task.
    public func taskDocuments(in json: JSONValue) throws(TaskDecodingError) -> [(path: JSONPath, task: JSONValue)] {
        switch json {
        case .array(let items):
            return items.enumerated().map { (JSONPath.root.appending($0.offset), $0.element) }
        case .object(let members):
            if members["trigger"] == nil {
                for key in ["tasks", "items"] {
                    if case .array(let items)? = members[key] {
                        return items.enumerated().map {
                            (JSONPath.root.appending(key).appending($0.offset), $0.element)
                        }
                    }
                }
            }
            return [(.root, json)]
        default:
            throw TaskDecodingError(
                product: .wyn, path: .root, value: json,
                expected: "a Wyn task object, an array of tasks, or {\"tasks\": [...]}")
        }
    }

    /// Reads one Wyn task.
    public func decode(_ json: JSONValue, context: AdapterContext) throws(TaskDecodingError) -> CanonicalTask {
        let payload = try WynTaskPayload(json)
        var decoder = WynTaskDecoder(payload: payload, context: context)
        return try decoder.decode()
    }

    /// Writes a task as a Wyn create body.
    public func encode(_ task: CanonicalTask, context: AdapterContext) -> EncodedTask {
        var encoder = WynTaskEncoder(task: task, context: context)
        return encoder.encode()
    }
}
