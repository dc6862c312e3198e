import Foundation
import Logging
import Synchronization
import TaskgateCore
import TaskgateStore
import TaskgateUpstream
import TaskgateVendors

extension MigrationRunner {
    /// A task of a batch once sent: its outcome so far, the body sent, and its step before this run.
    typealias BatchOutcome = (task: PlannedTask, outcome: TaskOutcome, body: JSONValue?, earlier: JournalStep?)

    /// From how many tasks to read back on the target is listed instead of read task by task (a page).
    static let listingThreshold = 100

    /// How many pages are proved at once: one per core, while the listing's requests and parsing share
    /// them.
    static let proverCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// How many verifications share one journal transaction (a crash before it commits only means the
    /// rerun reads those tasks back again).
    static let verificationBatchSize = 1_024

    /// Reads back and verifies every task sent, journaling the verifications 1,024 to a transaction.
    ///
    /// With a page's worth of tasks or more to read, the target is listed once (every page): a hundred
    /// tasks to a request instead of one, which spares the target's read limits (Qlik: 1,000 a minute).
    /// The pages are proved as they arrive, while the next ones are on their way. A task the listing
    /// lacks, every task when the target cannot be listed, and the few of a small run are read one by
    /// one. A task verified by an earlier run of this journal is not read again.
    func verifyAll(_ sent: [BatchOutcome], adapter: any ProductAdapter) async throws(MigrationError) -> [TaskOutcome] {
        var outcomes = sent.map(\.outcome)
        var unread: [String: [Int]] = [:]
        for (index, item) in sent.enumerated() {
            guard let id = item.outcome.targetID, item.body != nil else { continue }
            if item.earlier == .verified(upstreamID: id) {
                // Read back and proved by an earlier run of this journal: a rerun does not read it again.
                outcomes[index].verified = true
            } else {
                unread[id, default: []].append(index)
            }
        }
        let comparisons = ComparisonMemo()
        var verifications: [(String, JournalStep)] = []
        func settle(_ checked: [(index: Int, check: ReadBack)]) {
            for (index, check) in checked {
                outcomes[index] = Self.outcome(sent[index], after: check, verifications: &verifications)
            }
        }
        if unread.count >= Self.listingThreshold {
            // The listing's pages come from one child task and are proved by up to one other per core, each
            // page while the next is on its way: reading pages, parsing them and proving tasks share the cores.
            let (pages, deliver) = AsyncStream.makeStream(of: [JSONValue].self)
            async let listed: Void = list(into: deliver)
            var journalFailure: MigrationError?
            await withTaskGroup(of: [(index: Int, check: ReadBack)].self) { provers in
                var proving = 0
                for await page in pages {
                    var work: [(index: Int, id: String, document: JSONValue)] = []
                    for document in page {
                        // The id member first: decoding a whole task (its schedule too) only to read its id
                        // costs more.
                        guard
                            let id = MigrationPlanner.rawID(document)
                                ?? (try? adapter.decode(document, context: context).server.id)
                        else { continue }
                        for index in unread.removeValue(forKey: id) ?? [] { work.append((index, id, document)) }
                    }
                    guard !work.isEmpty else { continue }
                    if proving == Self.proverCount, let checked = await provers.next() {
                        settle(checked)
                        proving -= 1
                    }
                    provers.addTask {
                        work.map { item in
                            let check = check(
                                sent[item.index], stored: item.document, id: item.id, adapter: adapter,
                                comparisons: comparisons)
                            return (item.index, check)
                        }
                    }
                    proving += 1
                    if journalFailure == nil, verifications.count >= Self.verificationBatchSize {
                        switch await recording(verifications) {
                        case .success: verifications = []
                        case .failure(let error): journalFailure = error
                        }
                    }
                }
                for await checked in provers { settle(checked) }
            }
            await listed
            if let journalFailure { throw journalFailure }
        }
        for (id, indexes) in unread.sorted(by: { $0.value[0] < $1.value[0] }) {
            do {
                let stored = try await TaskListing(client: client, endpoint: target).get(target.taskURL(id))
                settle(
                    indexes.map {
                        ($0, check(sent[$0], stored: stored, id: id, adapter: adapter, comparisons: comparisons))
                    })
            } catch {
                for index in indexes { outcomes[index].message = "not verified: \(error.description)" }
            }
            if verifications.count >= Self.verificationBatchSize {
                try await record(verifications)
                verifications = []
            }
        }
        try await record(verifications)
        return outcomes
    }

    /// Lists the target into `deliver` a page at a time, and finishes it; a listing that fails ends early
    /// (the tasks it did not reach are read one by one).
    private func list(into deliver: AsyncStream<[JSONValue]>.Continuation) async {
        defer { deliver.finish() }
        do {
            try await TaskListing(client: client, endpoint: target).pages { deliver.yield($0) }
        } catch {
            logger.debug("migration could not list the target to verify", metadata: ["tg.error": "\(error)"])
        }
    }

    /// The outcome of a sent task once checked, adding its `verified` step to `verifications`.
    private static func outcome(
        _ item: BatchOutcome, after check: ReadBack, verifications: inout [(String, JournalStep)]
    ) -> TaskOutcome {
        var outcome = item.outcome
        switch check {
        case .verified(let id, let note):
            outcome.verified = true
            outcome.message = note
            verifications.append((item.task.sourceID, .verified(upstreamID: id)))
        case .unverified(let message):
            outcome.message = message
        }
        return outcome
    }

    /// What a sent task read back showed.
    enum ReadBack {
        /// Every field sent is there and the schedule fires as planned (with a note for a lossy plan).
        case verified(id: String, note: String?)
        /// It differs from what was sent or planned.
        case unverified(String)
    }

    /// Checks one sent task as the target holds it (`stored`): every field sent is there, and its schedule
    /// fires at the source's instants (or, for a conversion planned as lossy, at the converted schedule's).
    private func check(
        _ item: BatchOutcome, stored: JSONValue, id: String, adapter: any ProductAdapter, comparisons: ComparisonMemo
    ) -> ReadBack {
        guard let body = item.body else { return .unverified("not verified: nothing was sent") }
        if let path = JSONSubset.firstDifference(sent: body, stored: stored, ignoring: target.serverOwnedMembers) {
            return .unverified("not verified: \(path) was sent but the target holds something else")
        }
        let readBack: CanonicalTask
        do {
            readBack = try adapter.decode(stored, context: context)
        } catch {
            return .unverified("not verified: the task read back: \(error.description)")
        }
        guard let source = item.task.source else { return .verified(id: id, note: nil) }
        let check = EquivalenceCheck(horizon: context.horizon)
        do {
            let report = try comparisons.compare(source.schedule, with: readBack.schedule, check, from: context.now)
            if report.isExact { return .verified(id: id, note: nil) }
            // A task planned as lossy (a loss anywhere: Qlik scheduling, say, writes only the first of
            // several rules) fires as what was sent, not as the source.
            guard item.task.encoded?.status != .exact, let sent = try? adapter.decode(body, context: context)
            else {
                let first = report.differences.first.map(\.description) ?? ""
                return .unverified("not verified: \(report.differenceCount) instants differ from the source: \(first)")
            }
            let converted = try comparisons.compare(sent.schedule, with: readBack.schedule, check, from: context.now)
            guard converted.isExact else {
                return .unverified("not verified: \(converted.differenceCount) instants differ from what was sent")
            }
            return .verified(
                id: id, note: "lossy as planned: \(report.differenceCount) instants differ from the source")
        } catch {
            return .unverified("not verified: \(error)")
        }
    }

    /// The reports of the schedule pairs already compared in a run: the comparison is a pure function of
    /// the two schedules (the horizon and "now" are the run's), and many tasks share their schedule, so
    /// each distinct pair is enumerated once. Shared by the provers: two asking at once for the same pair
    /// may both compare it, and both get the same report. Bounded like every ``BoundedMemo``: a run of a
    /// million tasks with a million distinct schedules holds no more than `capacity` reports.
    final class ComparisonMemo: Sendable {
        private struct Pair: Hashable, Sendable {
            var source: Schedule
            var target: Schedule
        }

        private let reports: BoundedMemo<Pair, Result<EquivalenceReport, UnknownTimeZoneError>>

        /// An empty memo holding up to `capacity` reports.
        init(capacity: Int = 4_096) {
            reports = BoundedMemo(capacity: capacity)
        }

        /// The report of `check` on the pair, remembered.
        func compare(
            _ source: Schedule, with target: Schedule, _ check: EquivalenceCheck, from start: Instant
        ) throws(UnknownTimeZoneError) -> EquivalenceReport {
            try reports.value(for: Pair(source: source, target: target)) {
                Result { () throws(UnknownTimeZoneError) in try check.compare(source, with: target, from: start) }
            }.get()
        }

        /// How many reports are held.
        var count: Int { reports.count }
    }
}
