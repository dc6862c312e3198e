public import TaskgateCore
public import TaskgateVendors

/// Reads and converts listed source documents into a plan (pure: values in, values out).
public struct MigrationPlanner: Sendable {
    /// Reads the source product.
    public let source: any ProductAdapter
    /// Writes the target product.
    public let target: any ProductAdapter
    /// Vocabulary, id map, zones, "now" and horizon.
    public let context: AdapterContext
    /// What to do with a task of each conversion status (the `--lossy` policy).
    public let decide: @Sendable (ConversionStatus) -> PlanDecision
    /// When set, only the tasks with these source ids are planned (`--only`).
    public let only: Set<String>?
    /// Only the tasks passing these conditions are planned (`--filter`); empty: every task.
    public let filter: TaskFilter

    /// Creates a planner.
    public init(
        source: any ProductAdapter, target: any ProductAdapter, context: AdapterContext,
        only: Set<String>? = nil, filter: TaskFilter = TaskFilter(),
        decide: @escaping @Sendable (ConversionStatus) -> PlanDecision
    ) {
        self.source = source
        self.target = target
        self.context = context
        self.only = only
        self.filter = filter
        self.decide = decide
    }

    /// The plan for `documents`, in their order; an unreadable document is planned as failed (unless
    /// `--filter` has a condition on anything but its id). A task `--only` or `--filter` leaves out is
    /// not in the plan at all.
    public func plan(_ documents: [JSONValue]) -> [PlannedTask] {
        var planned: [PlannedTask] = []
        var seen: Set<String> = []
        for (index, document) in documents.enumerated() {
            let task: CanonicalTask
            do {
                task = try source.decode(document, context: context)
            } catch {
                let id = Self.rawID(document) ?? "#\(index)"
                guard only?.contains(id) ?? true, filter.matches(id: id, task: nil, verdict: nil) else { continue }
                planned.append(
                    PlannedTask(
                        sourceID: id, name: "", document: document, source: nil, encoded: nil,
                        decision: .fail(reason: error.description)))
                continue
            }
            var id = task.server.id ?? Self.rawID(document) ?? "#\(index)"
            if !seen.insert(id).inserted { id = "\(id)#\(index)" }
            guard only?.contains(id) ?? true else { continue }
            let encoded = target.encode(task, context: context)
            guard filter.matches(id: id, task: task, verdict: encoded.status) else { continue }
            var decision = decide(encoded.status)
            if case .skip = decision, encoded.status == .impossible {
                decision = .skip(reason: Self.impossibility(encoded))
            }
            planned.append(
                PlannedTask(
                    sourceID: id, name: task.identity.name, document: document, source: task, encoded: encoded,
                    decision: decision))
        }
        return planned
    }

    /// Why nothing can be written: the schedule's reason, else the losses that stopped the target.
    public static func impossibility(_ encoded: EncodedTask) -> String {
        if encoded.schedule.status == .impossible, let reason = encoded.schedule.reason { return reason }
        let losses = encoded.losses.map { "\($0.path): \($0.reason)" }
        return losses.isEmpty ? "the target product cannot hold this task" : losses.joined(separator: "; ")
    }

    /// An id written in the document itself: `id`, or fylr's `task._id`.
    static func rawID(_ document: JSONValue) -> String? {
        for value in [document["id"], document["task"]?["_id"], document["_id"]] {
            if let text = value?.stringValue { return text }
            if let number = value?.integerValue { return String(number) }
        }
        return nil
    }
}
