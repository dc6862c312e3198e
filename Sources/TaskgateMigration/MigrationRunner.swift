import Foundation
public import Logging
public import TaskgateCore
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
    /// How many tasks are sent between two journal commits: before the batch's first request one
    /// transaction marks its tasks `creating` and records the previous batch's answers. SQLite syncs each
    /// commit to disk (about 3 ms on the CI machine), so one commit per task and step would cost more than
    /// the create itself; a crash leaves at most two batches `creating`, which the rerun finds in the
    /// target (adopting them) or creates.
    public var batchSize = MigrationRunner.defaultBatchSize
    /// Called after each batch with the number of tasks sent (or skipped) and the total.
    public var progress: @Sendable (_ done: Int, _ total: Int) -> Void

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
        var claimed: Set<String> = []
        for entry in entries.values {
            switch entry.step {
            case .created(let id), .verified(let id): claimed.insert(id)
            case .planned, .creating, .failed: break
            }
        }
        var existing: [(id: String, document: JSONValue)]?
        var dispatched: [BatchOutcome] = []
        var unrecorded: [(String, JournalStep)] = []
        var batchStart = 0
        while batchStart < plan.count {
            let batch = plan[batchStart..<min(plan.count, batchStart + max(1, batchSize))]
            batchStart = batch.endIndex
            // 1. Every task of the batch about to be sent is journaled `creating` in one transaction, before
            //    any request leaves: a rerun looks for each in the target before creating it.
            let sending = batch.filter { task in
                guard task.decision == .create, task.encoded?.json != nil, let entry = entries[task.sourceID]
                else { return false }
                switch entry.step {
                case .planned, .failed: return true
                case .creating, .created, .verified: return false
                }
            }
            // The answers of the previous batch go in the same transaction: one commit per batch.
            try await record(unrecorded + sending.map { ($0.sourceID, JournalStep.creating) })
            unrecorded = []
            // 2. Sent (or adopted) one after another; the answers are journaled together afterwards.
            var answers: [(String, JournalStep)] = []
            var batchOutcomes: [BatchOutcome] = []
            for task in batch {
                switch task.decision {
                case .skip(let reason):
                    let outcome = TaskOutcome(
                        sourceID: task.sourceID, name: task.name, action: .skipped, message: reason)
                    batchOutcomes.append((task, outcome, nil, nil))
                    continue
                case .fail(let reason):
                    let outcome = TaskOutcome(
                        sourceID: task.sourceID, name: task.name, action: .failed, message: reason)
                    batchOutcomes.append((task, outcome, nil, nil))
                    continue
                case .create:
                    break
                }
                guard let entry = entries[task.sourceID], let body = task.encoded?.json else {
                    let outcome = TaskOutcome(
                        sourceID: task.sourceID, name: task.name, action: .failed,
                        message: "the task has no journal entry or no encoded document")
                    batchOutcomes.append((task, outcome, nil, nil))
                    continue
                }
                let sent: Sent
                switch entry.step {
                case .created(let id), .verified(let id):
                    sent = Sent(
                        outcome: TaskOutcome(sourceID: task.sourceID, name: task.name, action: .resumed, targetID: id),
                        step: nil)
                case .creating:
                    if existing == nil { existing = await targetTasks(adapter) }
                    if existing == nil {
                        // An earlier run may have created it: without the target's list it is not created
                        // again but left `creating` for the next run (the crash test doubled one here).
                        sent = Sent(
                            outcome: TaskOutcome(
                                sourceID: task.sourceID, name: task.name, action: .failed,
                                message: "the target could not be listed to look for this task, which an earlier "
                                    + "run sent without hearing the answer; the next run looks again"),
                            step: nil)
                    } else if let match = Self.match(
                        body, in: existing ?? [], claimed: claimed, ignoring: target.serverOwnedMembers)
                    {
                        sent = Sent(
                            outcome: TaskOutcome(
                                sourceID: task.sourceID, name: task.name, action: .adopted, targetID: match),
                            step: .created(upstreamID: match))
                    } else {
                        sent = await create(
                            task, body: body, key: entry.idempotencyKey, adapter: adapter, existing: &existing,
                            claimed: claimed)
                    }
                case .planned, .failed:
                    sent = await create(
                        task, body: body, key: entry.idempotencyKey, adapter: adapter, existing: &existing,
                        claimed: claimed)
                }
                if let id = sent.outcome.targetID { claimed.insert(id) }
                if let step = sent.step { answers.append((task.sourceID, step)) }
                batchOutcomes.append((task, sent.outcome, body, entry.step))
            }
            unrecorded = answers
            dispatched += batchOutcomes
            progress(dispatched.count, plan.count)
        }
        try await record(unrecorded)
        // 3. Read back and verified together at the end: one listing of the target holds every task this
        //    run created, a hundred to a request instead of one GET each.
        return try await verifyAll(dispatched, adapter: adapter)
    }

    /// Reads back and verifies every task sent, journaling the verifications 1,024 to a transaction.
    ///
    /// With a page's worth of tasks or more to read, the target is listed once (every page): a hundred
    /// tasks to a request instead of one, which spares the target's read limits (Qlik: 1,000 a minute).
    /// A task the listing lacks, every task when the target cannot be listed, and the few of a small run
    /// are read one by one. A task verified by an earlier run of this journal is not read again.
    private func verifyAll(
        _ sent: [BatchOutcome], adapter: any ProductAdapter
    ) async throws(MigrationError)
        -> [TaskOutcome]
    {
        let reading = sent.count { item in
            guard let id = item.outcome.targetID, item.body != nil else { return false }
            return item.earlier != .verified(upstreamID: id)
        }
        var listed: [String: JSONValue] = [:]
        if reading >= Self.listingThreshold, let tasks = await targetTasks(adapter) {
            for (id, document) in tasks { listed[id] = document }
        }
        var comparisons = ComparisonMemo()
        var outcomes: [TaskOutcome] = []
        var batchStart = 0
        while batchStart < sent.count {
            let batch = sent[batchStart..<min(sent.count, batchStart + Self.verificationBatchSize)]
            batchStart = batch.endIndex
            var verifications: [(String, JournalStep)] = []
            for (task, outcome, body, earlier) in batch {
                var outcome = outcome
                if let id = outcome.targetID, earlier == .verified(upstreamID: id) {
                    // Read back and proved by an earlier run of this journal: a rerun does not read it again.
                    outcome.verified = true
                } else if let id = outcome.targetID, let body {
                    let verification = await verify(
                        task, body: body, stored: listed[id], targetID: id, adapter: adapter,
                        comparisons: &comparisons)
                    switch verification {
                    case .success(let note):
                        outcome.verified = true
                        outcome.message = note
                        verifications.append((task.sourceID, .verified(upstreamID: id)))
                    case .failure(let problem):
                        outcome.message = problem.message
                    }
                }
                outcomes.append(outcome)
            }
            try await record(verifications)
        }
        return outcomes
    }

    /// From how many tasks to read back on the target is listed instead of read task by task (a page).
    static let listingThreshold = 100

    /// How many verifications share one journal transaction (a crash before it commits only means the
    /// rerun reads those tasks back again).
    static let verificationBatchSize = 1_024

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

    /// A task of a batch once sent: its outcome so far, the body sent, and its step before this run.
    typealias BatchOutcome = (task: PlannedTask, outcome: TaskOutcome, body: JSONValue?, earlier: JournalStep?)

    /// A create's outcome and the step to journal for it, if any.
    struct Sent {
        var outcome: TaskOutcome
        var step: JournalStep?
    }

    private func record(_ steps: [(String, JournalStep)]) async throws(MigrationError) {
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
        if let json = JSONReader.value(response.body) {
            // The id member first: decoding the whole task (its schedule too) only to read the id costs
            // more than the create on a fast target.
            if let id = MigrationPlanner.rawID(json) { return id }
            if let id = try? adapter.decode(json, context: context).server.id { return id }
        }
        guard var location = response.headers.first(named: "Location") else { return nil }
        while location.hasSuffix("/") { location.removeLast() }
        return location.split(separator: "/").last.map(String.init)
    }

    /// Every task in the target with its id, for adoption; `nil` when the target cannot be listed (never
    /// an empty list: a task not found there would be created again).
    private func targetTasks(_ adapter: any ProductAdapter) async -> [(id: String, document: JSONValue)]? {
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

    /// The reports of the schedule pairs already compared in a run: the comparison is a pure function of
    /// the two schedules (the horizon and "now" are the run's), and many tasks share their schedule, so
    /// each distinct pair is enumerated once.
    struct ComparisonMemo: Sendable {
        private var reports: [Pair: EquivalenceReport] = [:]

        private struct Pair: Hashable {
            var source: Schedule
            var target: Schedule
        }

        mutating func compare(
            _ source: Schedule, with target: Schedule, _ check: EquivalenceCheck, from start: Instant
        ) throws(UnknownTimeZoneError) -> EquivalenceReport {
            let pair = Pair(source: source, target: target)
            if let report = reports[pair] { return report }
            let report = try check.compare(source, with: target, from: start)
            reports[pair] = report
            return report
        }
    }

    /// A verification that did not hold.
    struct VerificationProblem: Error {
        var message: String
    }

    /// Checks the task read back (`listed`, else a GET of it): every field sent is there, and its schedule
    /// fires at the source's instants (or, for a conversion planned as lossy, at the converted schedule's).
    private func verify(
        _ task: PlannedTask, body: JSONValue, stored listed: JSONValue?, targetID: String,
        adapter: any ProductAdapter, comparisons: inout ComparisonMemo
    ) async -> Result<String?, VerificationProblem> {
        let stored: JSONValue
        if let listed {
            stored = listed
        } else {
            do {
                stored = try await TaskListing(client: client, endpoint: target).get(target.taskURL(targetID))
            } catch {
                return .failure(VerificationProblem(message: "not verified: \(error.description)"))
            }
        }
        if let path = JSONSubset.firstDifference(sent: body, stored: stored, ignoring: target.serverOwnedMembers) {
            return .failure(
                VerificationProblem(message: "not verified: \(path) was sent but the target holds something else"))
        }
        let readBack: CanonicalTask
        do {
            readBack = try adapter.decode(stored, context: context)
        } catch {
            return .failure(VerificationProblem(message: "not verified: the task read back: \(error.description)"))
        }
        guard let source = task.source else { return .success(nil) }
        let check = EquivalenceCheck(horizon: context.horizon)
        do {
            let report = try comparisons.compare(source.schedule, with: readBack.schedule, check, from: context.now)
            if report.isExact { return .success(nil) }
            // A task planned as lossy (a loss anywhere: Qlik scheduling, say, writes only the first of
            // several rules) fires as what was sent, not as the source.
            guard task.encoded?.status != .exact, let sent = try? adapter.decode(body, context: context)
            else {
                let first = report.differences.first.map(\.description) ?? ""
                return .failure(
                    VerificationProblem(
                        message: "not verified: \(report.differenceCount) instants differ from the source: \(first)"))
            }
            let converted = try comparisons.compare(sent.schedule, with: readBack.schedule, check, from: context.now)
            guard converted.isExact else {
                return .failure(
                    VerificationProblem(
                        message: "not verified: \(converted.differenceCount) instants differ from what was sent"))
            }
            return .success("lossy as planned: \(report.differenceCount) instants differ from the source")
        } catch {
            return .failure(VerificationProblem(message: "not verified: \(error)"))
        }
    }
}
