import Foundation
public import Logging
import TaskgateCore
public import TaskgateStore
public import TaskgateUpstream
public import TaskgateVendors

/// Applies a plan to the target and verifies it: every create is journaled before and after the
/// remote call, so a rerun of the same run resumes, adopts a task whose answer was lost, and never
/// creates one twice.
public struct MigrationRunner: Sendable {
    /// Sends the requests.
    public let client: UpstreamClient
    /// Holds the journal.
    public let store: any TaskgateStore
    /// Where the tasks go.
    public let target: MigrationEndpoint
    /// Vocabulary, id map, zones, "now" and the verification horizon.
    public let context: AdapterContext
    /// The run's name in the journal; a rerun with the same name resumes.
    public let run: String
    /// Spaces the creates (`--rate`), when set.
    public var limiter: WriteRateLimiter?
    /// Where debug lines go.
    public var logger: Logger
    /// How many tasks are sent between two journal commits: while a batch is sent, one transaction marks
    /// the next batch's tasks `creating` and records the previous batch's answers. SQLite syncs each commit
    /// to disk (about 3 ms on the CI machine), so one commit per task and step would cost more than the
    /// create itself; a crash leaves at most three batches `creating`, which the rerun finds in the target
    /// (adopting them) or creates.
    public var batchSize = MigrationRunner.defaultBatchSize
    /// Called after each batch with the number of tasks sent (or skipped) and the total.
    public var progress: @Sendable (_ done: Int, _ total: Int) -> Void
    /// Called at the end of each part of ``apply(_:)`` with its name (`journal`: the run planned in the
    /// journal; `create`: every task sent and its answer journaled; `verify`) and how long it took.
    public var phaseEnded: @Sendable (_ name: String, _ duration: Duration) -> Void = { _, _ in }

    /// Creates a runner.
    public init(
        client: UpstreamClient, store: any TaskgateStore, target: MigrationEndpoint, context: AdapterContext,
        run: String, limiter: WriteRateLimiter? = nil, logger: Logger,
        progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) {
        self.client = client
        self.store = store
        self.target = target
        self.context = context
        self.run = run
        self.limiter = limiter
        self.logger = logger
        self.progress = progress
    }

    /// The run's name for a pair of endpoints: `fylr=http://a→qlik-sharing=http://b`.
    public static func runName(from source: MigrationEndpoint, to target: MigrationEndpoint) -> String {
        "\(source.product)=\(SecretRedaction.redact(url: source.collectionURL))→\(target.product)="
            + SecretRedaction.redact(url: target.collectionURL)
    }

    /// Creates (or adopts, or finds created) and verifies every task planned for creation.
    ///
    /// - Throws: ``MigrationError`` only when the journal cannot be read or written; a task that fails
    ///   is reported in its outcome and the run goes on.
    public func apply(_ plan: [PlannedTask]) async throws(MigrationError) -> [TaskOutcome] {
        let clock = ContinuousClock()
        var phaseStart = clock.now
        let adapter = ProductAdapters.adapter(for: target.product)
        let creatable = plan.filter { $0.decision == .create }
        var entries: [String: JournalEntry] = [:]
        do {
            for entry in try await store.planMigration(run: run, taskSourceIDs: creatable.map(\.sourceID)) {
                entries[entry.taskSourceID] = entry
            }
        } catch {
            throw MigrationError(operation: "plan run '\(run)' in the journal", message: error.description)
        }
        phaseEnded("journal", clock.now - phaseStart)
        phaseStart = clock.now
        var claimed: Set<String> = []
        for entry in entries.values {
            switch entry.step {
            case .created(let id), .verified(let id): claimed.insert(id)
            case .planned, .creating, .failed: break
            }
        }
        let batches = stride(from: 0, to: plan.count, by: max(1, batchSize)).map {
            plan[$0..<min(plan.count, $0 + max(1, batchSize))]
        }
        // 1. Every task of a batch is journaled `creating` before any of its requests leaves: a rerun looks
        //    for each in the target before creating it. The first batch's marks are committed here; each
        //    later batch's go in the transaction that runs while the batch before it is sent, with that
        //    batch's predecessor's answers: one commit per batch, off the path of the requests. A crash
        //    leaves at most three batches `creating`, which the rerun finds in the target or creates.
        try await record(batches.first.map { creatingMarks($0, entries: entries) } ?? [])
        var existing: [(id: String, document: JSONValue)]?
        var dispatched: [BatchOutcome] = []
        var unrecorded: [(String, JournalStep)] = []
        for (index, batch) in batches.enumerated() {
            let next = index + 1 < batches.count ? creatingMarks(batches[index + 1], entries: entries) : []
            async let committed = recording(unrecorded + next)
            // 2. Sent (or adopted) one after another; the answers are journaled together afterwards.
            var answers: [(String, JournalStep)] = []
            for task in batch {
                let sent = await send(
                    task, entry: entries[task.sourceID], adapter: adapter, existing: &existing, claimed: claimed)
                if let id = sent.outcome.targetID { claimed.insert(id) }
                if let step = sent.step { answers.append((task.sourceID, step)) }
                dispatched.append((task, sent.outcome, task.encoded?.json, entries[task.sourceID]?.step))
            }
            try await committed.get()
            unrecorded = answers
            progress(dispatched.count, plan.count)
        }
        try await record(unrecorded)
        phaseEnded("create", clock.now - phaseStart)
        phaseStart = clock.now
        // 3. Read back and verified together at the end: one listing of the target holds every task this
        //    run created, a hundred to a request instead of one GET each.
        let outcomes = try await verifyAll(dispatched, adapter: adapter)
        phaseEnded("verify", clock.now - phaseStart)
        return outcomes
    }

    /// The `creating` steps of the tasks of `batch` that are about to be sent (planned, or failed before).
    private func creatingMarks(
        _ batch: ArraySlice<PlannedTask>, entries: [String: JournalEntry]
    ) -> [(String, JournalStep)] {
        batch.compactMap { task in
            guard task.decision == .create, task.encoded?.json != nil, let entry = entries[task.sourceID]
            else { return nil }
            switch entry.step {
            case .planned, .failed: return (task.sourceID, .creating)
            case .creating, .created, .verified: return nil
            }
        }
    }

    /// ``record(_:)`` as a value, for a commit that runs beside the requests.
    func recording(_ steps: [(String, JournalStep)]) async -> Result<Void, MigrationError> {
        do {
            try await record(steps)
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// Sends (or adopts, or resumes) one task of a batch, by its decision and its journal entry.
    private func send(
        _ task: PlannedTask, entry: JournalEntry?, adapter: any ProductAdapter,
        existing: inout [(id: String, document: JSONValue)]?, claimed: Set<String>
    ) async -> Sent {
        switch task.decision {
        case .skip(let reason):
            return Sent(
                outcome: TaskOutcome(sourceID: task.sourceID, name: task.name, action: .skipped, message: reason),
                step: nil)
        case .fail(let reason):
            return Sent(
                outcome: TaskOutcome(sourceID: task.sourceID, name: task.name, action: .failed, message: reason),
                step: nil)
        case .create:
            break
        }
        guard let entry, let body = task.encoded?.json else {
            return Sent(
                outcome: TaskOutcome(
                    sourceID: task.sourceID, name: task.name, action: .failed,
                    message: "the task has no journal entry or no encoded document"),
                step: nil)
        }
        switch entry.step {
        case .created(let id), .verified(let id):
            return Sent(
                outcome: TaskOutcome(sourceID: task.sourceID, name: task.name, action: .resumed, targetID: id),
                step: nil)
        case .creating:
            if existing == nil { existing = await targetTasks(adapter) }
            guard let existing else {
                // An earlier run may have created it: without the target's list it is not created again but
                // left `creating` for the next run (the crash test doubled one here).
                return Sent(
                    outcome: TaskOutcome(
                        sourceID: task.sourceID, name: task.name, action: .failed,
                        message: "the target could not be listed to look for this task, which an earlier "
                            + "run sent without hearing the answer; the next run looks again"),
                    step: nil)
            }
            if let match = Self.match(body, in: existing, claimed: claimed, ignoring: target.serverOwnedMembers) {
                return Sent(
                    outcome: TaskOutcome(sourceID: task.sourceID, name: task.name, action: .adopted, targetID: match),
                    step: .created(upstreamID: match))
            }
        case .planned, .failed:
            break
        }
        return await create(
            task, body: body, key: entry.idempotencyKey, adapter: adapter, existing: &existing, claimed: claimed)
    }

    /// The default of ``batchSize``.
    public static let defaultBatchSize = 64

    /// Plain creates, the benchmark's baseline: POSTs every body planned for creation one after another,
    /// as ``apply(_:)`` sends them, with no journal, no adoption and no read-back.
    ///
    /// - Returns: how many the target answered with a 2xx status.
    public func createWithoutJournal(_ plan: [PlannedTask]) async -> Int {
        var accepted = 0
        for task in plan where task.decision == .create {
            guard let body = task.encoded?.json else { continue }
            let request = target.request("POST", target.collectionURL, body: JSONWriter.bytes(body))
            if let response = try? await client.send(request), (200..<300).contains(response.status) { accepted += 1 }
        }
        return accepted
    }

    /// A create's outcome and the step to journal for it, if any.
    struct Sent {
        var outcome: TaskOutcome
        var step: JournalStep?
    }

    func record(_ steps: [(String, JournalStep)]) async throws(MigrationError) {
        guard !steps.isEmpty else { return }
        do {
            try await store.recordSteps(run: run, steps: steps.map { (taskSourceID: $0.0, step: $0.1) })
        } catch {
            throw MigrationError(operation: "journal \(steps.count) task(s)", message: error.description)
        }
    }

    /// POSTs with the entry's idempotency key (the task is journaled `creating` already) and returns the
    /// outcome with the step to journal for the answer.
    ///
    /// The key travels as an `Idempotency-Key` header but not as ``UpstreamRequest/idempotencyKey``: none of
    /// the five products honours the header (no vendor digest mentions it), so a blind retry of the POST
    /// could create the task twice. A 429 or 503 answer (nothing was created) is retried after its
    /// `Retry-After`; without any answer the task is looked for in the target at once, and when it is not
    /// there the entry stays `creating`, so that the next run looks again before creating it.
    private func create(
        _ task: PlannedTask, body: JSONValue, key: String, adapter: any ProductAdapter,
        existing: inout [(id: String, document: JSONValue)]?, claimed: Set<String>
    ) async -> Sent {
        let url = target.collectionURL
        var request = target.request("POST", url, body: JSONWriter.bytes(body))
        request.headers.append(UpstreamHeader(name: "Idempotency-Key", value: key))
        var attempt = 1
        while true {
            if let limiter {
                do {
                    try await limiter.acquire()
                } catch {
                    return Sent(
                        outcome: TaskOutcome(
                            sourceID: task.sourceID, name: task.name, action: .failed, message: "cancelled"),
                        step: nil)
                }
            }
            let response: UpstreamResponse
            do {
                response = try await client.send(request)
            } catch {
                logger.debug(
                    "migration create got no answer",
                    metadata: ["tg.task": "\(task.sourceID)", "tg.error": "\(error)"])
                existing = await targetTasks(adapter)
                if let match = Self.match(
                    body, in: existing ?? [], claimed: claimed, ignoring: target.serverOwnedMembers)
                {
                    return Sent(
                        outcome: TaskOutcome(
                            sourceID: task.sourceID, name: task.name, action: .adopted, targetID: match),
                        step: .created(upstreamID: match))
                }
                return Sent(
                    outcome: TaskOutcome(
                        sourceID: task.sourceID, name: task.name, action: .failed, message: error.description),
                    step: nil)
            }
            if response.status == 429 || response.status == 503, attempt < Self.maximumAttempts {
                let wait =
                    response.headers.first(named: "Retry-After").flatMap {
                        UpstreamRetryPolicy.retryAfter($0, now: Date())
                    } ?? .seconds(1)
                do {
                    try await Task.sleep(for: min(wait, .seconds(60)))
                } catch {
                    return Sent(
                        outcome: TaskOutcome(
                            sourceID: task.sourceID, name: task.name, action: .failed, message: "cancelled"),
                        step: nil)
                }
                attempt += 1
                continue
            }
            guard (200..<300).contains(response.status) else {
                let message =
                    "POST \(SecretRedaction.redact(url: url)): status \(response.status): "
                    + BodyExcerpt.text(response.body)
                return Sent(
                    outcome: TaskOutcome(sourceID: task.sourceID, name: task.name, action: .failed, message: message),
                    step: .failed(message: message))
            }
            guard let id = Self.createdID(response, adapter: adapter, context: context) else {
                return Sent(
                    outcome: TaskOutcome(
                        sourceID: task.sourceID, name: task.name, action: .failed,
                        message:
                            "POST \(SecretRedaction.redact(url: url)): status \(response.status) but no task id in the "
                            + "answer: " + BodyExcerpt.text(response.body)),
                    step: nil)
            }
            return Sent(
                outcome: TaskOutcome(sourceID: task.sourceID, name: task.name, action: .created, targetID: id),
                step: .created(upstreamID: id))
        }
    }

    /// How often a create answered 429 or 503 is sent.
    static let maximumAttempts = 5

    /// The first target task not yet claimed that holds everything in `body`.
    static func match(
        _ body: JSONValue, in tasks: [(id: String, document: JSONValue)], claimed: Set<String>,
        ignoring: Set<String>
    ) -> String? {
        tasks.first { candidate in
            !claimed.contains(candidate.id)
                && JSONSubset.firstDifference(sent: body, stored: candidate.document, ignoring: ignoring) == nil
        }?.id
    }

    /// The id of a created task: an `id`/`task._id` member, the decoded answer's server id, or the last
    /// segment of `Location`.
    static func createdID(
        _ response: UpstreamResponse, adapter: any ProductAdapter, context: AdapterContext
    ) -> String? {
        // The id member first, read without building the rest of the answer (a whole parse of a Wyn answer
        // was as much of the migrator's time as sending the create); decoding the whole task, its schedule
        // too, only to read its id would cost more than the create on a fast target.
        if let id = JSONReader.member("id", in: response.body).flatMap(MigrationPlanner.idText) { return id }
        if let json = JSONReader.value(response.body) {
            if let id = MigrationPlanner.rawID(json) { return id }
            if let id = try? adapter.decode(json, context: context).server.id { return id }
        }
        guard var location = response.headers.first(named: "Location") else { return nil }
        while location.hasSuffix("/") { location.removeLast() }
        return location.split(separator: "/").last.map(String.init)
    }

    /// Every task in the target with its id, for adoption; `nil` when the target cannot be listed (never
    /// an empty list: a task not found there would be created again).
    func targetTasks(_ adapter: any ProductAdapter) async -> [(id: String, document: JSONValue)]? {
        let documents: [JSONValue]
        do {
            documents = try await TaskListing(client: client, endpoint: target).all()
        } catch {
            logger.debug("migration could not list the target for adoption", metadata: ["tg.error": "\(error)"])
            return nil
        }
        return documents.compactMap { document in
            // The id member first: decoding a whole task (its schedule too) only to read its id costs more.
            let id = MigrationPlanner.rawID(document) ?? (try? adapter.decode(document, context: context).server.id)
            return id.map { ($0, document) }
        }
    }
}
