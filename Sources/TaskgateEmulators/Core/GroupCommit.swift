import GRDB
import Synchronization

/// The emulators' writes, committed in groups: writes that arrive while a group's writes run join it (up to
/// ``maximumGroup``), and those that arrive while it commits go in together in the next.
///
/// A commit appends every page it changed to the WAL, in two `pwrite`s a page: for creates that is the leaf
/// of the product's range of the task table (``TaskSequences``), a leaf of the `(product, id)` index and the
/// counter's page, whether the transaction holds one task or a hundred. SQLite takes and releases its file
/// locks for each transaction, and the writer's thread is woken for each drain; a group pays all of it once.
/// Under 32 connections of fylr creates, groups held three or four creates before writes could join a
/// running group; letting them join took the emulator's CPU for a create from 46.5 µs to 45.2 µs.
///
/// Each write runs in a savepoint of its own inside the group's transaction, so a write that throws is
/// rolled back alone and its caller gets its error while the others commit; a commit that fails fails
/// every write of its group, none of which is then stored. Writes are applied in the order they arrived.
///
/// A store may keep state for the length of a group (``GroupState``): it is written once, just before the
/// group commits, instead of once per write.
final class GroupCommit: Sendable {
    /// One write waiting for a transaction.
    private struct PendingWrite: Sendable {
        /// Runs the write in the group's transaction (in its own savepoint) and returns how to answer its
        /// caller once the transaction is committed.
        var perform: @Sendable (Database) -> @Sendable () -> Void
        /// Answers the caller when the group's transaction failed.
        var fail: @Sendable (any Error) -> Void
    }

    private struct Queue {
        var pending: [PendingWrite] = []
        /// Whether a drain is scheduled or running on the writer; it takes every write queued meanwhile.
        var draining = false

        /// Takes up to `limit` of the waiting writes, oldest first.
        mutating func take(upTo limit: Int) -> [PendingWrite] {
            let count = min(pending.count, limit)
            let writes = Array(pending.prefix(count))
            pending.removeFirst(count)
            return writes
        }
    }

    private let writer: any DatabaseWriter
    private let queue = Mutex(Queue())
    /// The most writes one transaction takes, so that a long queue is committed in steps.
    private let maximumGroup: Int
    /// What the store keeps for one group, written before each commit.
    private let groupState: (any GroupState)?
    /// Runs on the writer's connection, outside any transaction, once a group is committed and answered.
    private let afterCommit: (@Sendable (Database) -> Void)?

    /// Groups the writes made through `writer`, up to `maximumGroup` to a transaction; `groupState` is
    /// flushed into each group's transaction before it commits, and discarded when it is rolled back;
    /// `afterCommit` runs after each group is committed and its writers answered.
    init(
        writer: any DatabaseWriter, maximumGroup: Int = 256, groupState: (any GroupState)? = nil,
        afterCommit: (@Sendable (Database) -> Void)? = nil
    ) {
        self.writer = writer
        self.maximumGroup = max(1, maximumGroup)
        self.groupState = groupState
        self.afterCommit = afterCommit
    }

    /// Runs `work` in the next group's transaction and returns its result once that transaction is
    /// committed; throws what `work` threw (its changes rolled back) or why the commit failed.
    func write<Value: Sendable>(_ work: @escaping @Sendable (Database) throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            let write = PendingWrite(
                perform: { database in
                    let result = Self.inSavepoint(database, work)
                    return { continuation.resume(with: result) }
                },
                fail: { continuation.resume(throwing: $0) })
            let startsDrain = queue.withLock { queue in
                queue.pending.append(write)
                guard !queue.draining else { return false }
                queue.draining = true
                return true
            }
            if startsDrain {
                writer.asyncWriteWithoutTransaction { database in self.drain(database) }
            }
        }
    }

    /// `work` run in a savepoint: its value, or its error with its changes rolled back (the group's other
    /// writes keep theirs).
    ///
    /// The savepoint's three statements are compiled once per connection (`cachedStatement`): GRDB's
    /// `inSavepoint` compiles `SAVEPOINT` and `RELEASE` again for every write, about 15 % of the writer's
    /// time in a profile of fylr creates.
    private static func inSavepoint<Value>(
        _ database: Database, _ work: (Database) throws -> Value
    ) -> Result<Value, any Error> {
        do {
            try database.cachedStatement(sql: "SAVEPOINT groupWrite").execute()
        } catch {
            return .failure(error)
        }
        do {
            let value = try work(database)
            try database.cachedStatement(sql: "RELEASE SAVEPOINT groupWrite").execute()
            return .success(value)
        } catch {
            // Undoes this write's changes and leaves the savepoint; if SQLite already ended the whole
            // transaction, both fail and the group's commit reports it.
            try? database.cachedStatement(sql: "ROLLBACK TO SAVEPOINT groupWrite").execute()
            try? database.cachedStatement(sql: "RELEASE SAVEPOINT groupWrite").execute()
            return .failure(error)
        }
    }

    /// Commits groups until no write is waiting; runs on the writer's queue.
    private func drain(_ database: Database) {
        while var group = nextGroup() {
            let answers: [@Sendable () -> Void]
            do {
                answers = try commit(&group, in: database)
            } catch {
                for write in group { write.fail(error) }
                continue
            }
            for answer in answers { answer() }
            afterCommit?(database)
        }
    }

    /// Runs `group` in one transaction, with the writes that join it meanwhile (added to `group`), and
    /// commits it; the answers to give once it is committed. Throws, with the transaction rolled back, when
    /// it cannot begin, the group state cannot be written or the commit fails.
    ///
    /// `BEGIN` and `COMMIT` are compiled once per connection, as the savepoints are: GRDB's `inTransaction`
    /// compiles both for every group.
    private func commit(_ group: inout [PendingWrite], in database: Database) throws -> [@Sendable () -> Void] {
        try database.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
        do {
            var answers: [@Sendable () -> Void] = []
            answers.reserveCapacity(group.count)
            for write in group { answers.append(write.perform(database)) }
            // Writes that arrived while the group ran join it: they would wait for its commit anyway.
            while group.count < maximumGroup {
                let late = waitingWrites(upTo: maximumGroup - group.count)
                if late.isEmpty { break }
                group += late
                for write in late { answers.append(write.perform(database)) }
            }
            try groupState?.flush(database)
            try database.cachedStatement(sql: "COMMIT TRANSACTION").execute()
            return answers
        } catch {
            groupState?.discard()
            if database.isInsideTransaction {
                try? database.cachedStatement(sql: "ROLLBACK TRANSACTION").execute()
            }
            throw error
        }
    }

    /// The writes waiting for a group (for tests, which hold a group until others wait).
    var waitingCount: Int { queue.withLock { $0.pending.count } }

    /// Takes up to `limit` waiting writes, none when none waits; the drain goes on either way.
    private func waitingWrites(upTo limit: Int) -> [PendingWrite] {
        queue.withLock { $0.take(upTo: limit) }
    }

    /// Takes up to ``maximumGroup`` waiting writes; `nil`, and the drain ends, when none waits.
    private func nextGroup() -> [PendingWrite]? {
        queue.withLock { queue in
            guard !queue.pending.isEmpty else {
                queue.draining = false
                return nil
            }
            return queue.take(upTo: maximumGroup)
        }
    }
}

/// State a store keeps for the length of one group's transaction.
protocol GroupState: Sendable {
    /// Writes what the group's writes left to write; runs in the group's transaction, before it commits.
    func flush(_ database: Database) throws
    /// Forgets what the group held: its transaction is being rolled back.
    func discard()
}
