import GRDB
import Synchronization

/// The emulators' writes, committed in groups: writes that arrive while a transaction is being written
/// wait for the next one and go in together.
///
/// A commit appends every page it changed to the WAL: for a create that is the task table's last leaf,
/// the leaves of both task indexes, the id counter and SQLite's sequence row, about 20 KB of `pwrite`,
/// whether the transaction holds one task or a hundred. Under load most of an emulator's create was that
/// and the wake of the writer's thread; a group pays both once.
///
/// Each write runs in a savepoint of its own inside the group's transaction, so a write that throws is
/// rolled back alone and its caller gets its error while the others commit; a commit that fails fails
/// every write of its group, none of which is then stored. Writes are applied in the order they arrived.
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
    }

    private let writer: any DatabaseWriter
    private let queue = Mutex(Queue())
    /// The most writes one transaction takes, so that a long queue is committed in steps.
    private let maximumGroup: Int

    /// Groups the writes made through `writer`, up to `maximumGroup` to a transaction.
    init(writer: any DatabaseWriter, maximumGroup: Int = 256) {
        self.writer = writer
        self.maximumGroup = max(1, maximumGroup)
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
    private static func inSavepoint<Value>(
        _ database: Database, _ work: (Database) throws -> Value
    ) -> Result<Value, any Error> {
        // Replaced below: inSavepoint either runs `work` or throws.
        var result: Result<Value, any Error> = .failure(DatabaseError(resultCode: .SQLITE_MISUSE))
        do {
            try database.inSavepoint {
                result = .success(try work(database))
                return .commit
            }
        } catch {
            result = .failure(error)
        }
        return result
    }

    /// Commits groups until no write is waiting; runs on the writer's queue.
    private func drain(_ database: Database) {
        while let group = nextGroup() {
            var answers: [@Sendable () -> Void] = []
            answers.reserveCapacity(group.count)
            do {
                try database.inTransaction {
                    for write in group { answers.append(write.perform(database)) }
                    return .commit
                }
            } catch {
                for write in group { write.fail(error) }
                continue
            }
            for answer in answers { answer() }
        }
    }

    /// Takes up to ``maximumGroup`` waiting writes; `nil`, and the drain ends, when none waits.
    private func nextGroup() -> [PendingWrite]? {
        queue.withLock { queue in
            guard !queue.pending.isEmpty else {
                queue.draining = false
                return nil
            }
            let count = min(queue.pending.count, maximumGroup)
            let group = Array(queue.pending.prefix(count))
            queue.pending.removeFirst(count)
            return group
        }
    }
}
