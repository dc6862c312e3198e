public import TaskgateCore

/// Reads and writes vRealize Orchestrator tasks (vco.md).
///
/// Canonical homes (vco.md §10): `name`, `description`, `state` (`suspended` ↔ disabled),
/// `workflow.id` the target and the action (run the workflow, through `mappings/vocabulary.yaml`)
/// with `input-parameters` as its settings, `recurrence-*` the schedule through ``Dialect/vco``.
/// `start-mode` and unknown members stay verbatim in the vCO extensions; `id`, `href`, `state`,
/// `relations`, `user`, `running-instance-id` and the workflow's read-only members are server
/// state, never written.
public struct VcoAdapter: ProductAdapter {
    /// Creates the adapter.
    public init() {}

    /// vCO.
    public var product: Product { .vco }

    /// One task object, an array of them, or the list envelope `{"tasks": […]}` (vco.md §2 T1;
    /// ASSUMPTION: a list of full tasks under `tasks`, or under `link` as 7.x/8.x list pages do).
    public func taskDocuments(in json: JSONValue) throws(TaskDecodingError) -> [(path: JSONPath, task: JSONValue)] {
        switch json {
        case .array(let items):
            return items.enumerated().map { (JSONPath.root.appending($0.offset), $0.element) }
        case .object(let members):
            if members["workflow"] == nil {
                for key in ["tasks", "link"] {
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
                product: .vco, path: .root, value: json,
                expected: "a vco task object, an array of tasks, or {\"tasks\": [...]}")
        }
    }

    /// Reads one vCO task.
    public func decode(_ json: JSONValue, context: AdapterContext) throws(TaskDecodingError) -> CanonicalTask {
        let payload = try VcoTaskPayload(json)
        return try VcoTaskDecoder(payload: payload, context: context).decode()
    }

    /// Writes a task as a vCO create body (8.x names, vco.md §11 V8).
    public func encode(_ task: CanonicalTask, context: AdapterContext) -> EncodedTask {
        var encoder = VcoTaskEncoder(task: task, context: context)
        return encoder.encode()
    }
}
