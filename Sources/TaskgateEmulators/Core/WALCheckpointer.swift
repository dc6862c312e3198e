import GRDB
import Synchronization

/// Checkpoints a store's write-ahead log on a connection of its own, beside the writer, so that creates do
/// not wait for the log's `fdatasync`.
///
/// SQLite's automatic checkpoint runs inside the `COMMIT` that crosses 1,000 pages of log, on the writer:
/// it syncs the log, copies its pages into the database file and syncs that. Every write queued behind it
/// waited, and with every connection of a loaded emulator waiting on the writer the cores stood idle
/// (`strace` timed the log's `fdatasync` at 22 ms for 10,000 pages).
///
/// Here the writer's connection checkpoints nothing by itself (`wal_autocheckpoint = 0`). Every
/// ``interval`` groups it asks this connection for a passive checkpoint, which copies what the log holds
/// while the writer goes on appending. A passive checkpoint cannot let the log start over while the writer
/// keeps writing; so after every ``passesBeforeRestart`` such passes the writer checkpoints the little that
/// was appended since, itself, and the next transaction starts the log from its beginning. The log stays
/// within a few thousand pages.
final class WALCheckpointer: Sendable {
    /// The groups committed between two checkpoints.
    let interval: Int
    /// The checkpoints beside the writer between two on the writer, which let the log start over.
    let passesBeforeRestart: Int

    private struct State {
        var groups = 0
        /// Whether a checkpoint beside the writer is running.
        var running = false
        /// Checkpoints beside the writer since the writer's last.
        var passes = 0
    }

    /// What to do after a group.
    private enum Step {
        case nothing
        case checkpointBeside
        case checkpointOnWriter
    }

    private let connection: DatabaseQueue
    private let state = Mutex(State())

    /// A checkpointer of the WAL database at `path`, with a connection of its own.
    init(path: String, interval: Int = 96, passesBeforeRestart: Int = 4) throws {
        var configuration = Configuration()
        configuration.label = "checkpointer"
        configuration.prepareDatabase { database in
            // The same syncs as the writer's: the log before the copy, the database file after it.
            try database.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        connection = try DatabaseQueue(path: path, configuration: configuration)
        self.interval = max(1, interval)
        self.passesBeforeRestart = max(1, passesBeforeRestart)
    }

    /// Turns the automatic checkpoint off on `database`, the writer's connection.
    static func prepareWriter(_ database: Database) throws {
        try database.execute(sql: "PRAGMA wal_autocheckpoint = 0")
    }

    /// Returns once the checkpoint beside the writer that is running, if any, has ended: they run one after
    /// another on the checkpointer's connection. For tests, whose timing must not depend on the machine's load.
    func checkpointsFinished() async throws {
        try await connection.writeWithoutTransaction { _ in }
    }

    /// Called on the writer's connection, outside any transaction, after each committed group.
    func groupCommitted(_ writer: Database) {
        let step = state.withLock { state -> Step in
            state.groups += 1
            guard state.groups % interval == 0, !state.running else { return .nothing }
            if state.passes >= passesBeforeRestart {
                state.passes = 0
                return .checkpointOnWriter
            }
            state.running = true
            return .checkpointBeside
        }
        switch step {
        case .nothing:
            break
        case .checkpointOnWriter:
            // Only what was appended since the last pass beside is left to copy. A failure leaves the log to
            // the next checkpoint.
            _ = try? writer.checkpoint(.passive)
        case .checkpointBeside:
            connection.asyncWriteWithoutTransaction { database in
                _ = try? database.checkpoint(.passive)
                self.state.withLock { state in
                    state.running = false
                    state.passes += 1
                }
            }
        }
    }
}
