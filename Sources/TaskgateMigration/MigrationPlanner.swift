import Foundation
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
    ///
    /// The documents are decoded, converted and proved on one child task per core (the schedule memos of
    /// `context` are shared and thread-safe), then put together in order: ids made unique, filters and
    /// the policy applied.
    public func plan(_ documents: [JSONValue]) async -> [PlannedTask] {
        let chunkCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, documents.count / 64))
        let chunkSize = (documents.count + chunkCount - 1) / max(1, chunkCount)
        let converted = await withTaskGroup(of: (Int, [Conversion]).self) { group in
            for chunk in 0..<chunkCount {
                let range = min(documents.count, chunk * chunkSize)..<min(documents.count, (chunk + 1) * chunkSize)
                group.addTask { (chunk, range.map { convert(documents[$0], at: $0) }) }
            }
            var chunks = [[Conversion]](repeating: [], count: chunkCount)
            for await (chunk, conversions) in group { chunks[chunk] = conversions }
            return chunks.flatMap { $0 }
        }
        var planned: [PlannedTask] = []
        var seen: Set<String> = []
        for (index, conversion) in converted.enumerated() {
            switch conversion {
            case .unreadable(let document, let reason):
                let id = Self.rawID(document) ?? "#\(index)"
                guard only?.contains(id) ?? true, filter.matches(id: id, task: nil, verdict: nil) else { continue }
                planned.append(
                    PlannedTask(
                        sourceID: id, name: "", document: document, source: nil, encoded: nil,
                        decision: .fail(reason: reason)))
            case .read(let document, let task, let encoded):
                var id = task.server.id ?? Self.rawID(document) ?? "#\(index)"
                if !seen.insert(id).inserted { id = "\(id)#\(index)" }
                guard only?.contains(id) ?? true, let encoded else { continue }
                guard filter.matches(id: id, task: task, verdict: encoded.status) else { continue }
                var decision = decide(encoded.status)
                if case .skip = decision, encoded.status == .impossible {
                    decision = .skip(reason: Self.impossibility(encoded))
                }
                planned.append(
                    PlannedTask(
                        sourceID: id, name: task.identity.name, document: document, source: task,
                        encoded: encoded, decision: decision))
            }
        }
        return planned
    }

    /// A document decoded and converted, before its id is made unique and the filters are applied.
    private enum Conversion: Sendable {
        /// The source adapter could not read it (the reason).
        case unreadable(JSONValue, String)
        /// Read, and converted unless `--only` leaves it out under every id it can get.
        case read(JSONValue, CanonicalTask, EncodedTask?)
    }

    /// Decodes the document at `index` and converts it, unless `--only` names neither its id nor the
    /// unique form a duplicate id takes (`id#index`).
    private func convert(_ document: JSONValue, at index: Int) -> Conversion {
        let task: CanonicalTask
        do {
            task = try source.decode(document, context: context)
        } catch {
            return .unreadable(document, error.description)
        }
        let id = task.server.id ?? Self.rawID(document) ?? "#\(index)"
        if let only, !only.contains(id), !only.contains("\(id)#\(index)") { return .read(document, task, nil) }
        return .read(document, task, target.encode(task, context: context))
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
            if let id = value.flatMap(idText) { return id }
        }
        return nil
    }

    /// An id member's value as text: a string as it is, an integer in decimal; `nil` for anything else.
    static func idText(_ value: JSONValue) -> String? {
        value.stringValue ?? value.integerValue.map { String($0) }
    }
}
