public import GRDB
import Synchronization

/// Read-only connections to a database file for reads of one statement, taken and given back without
/// GRDB's reader pool. The gateway's SQLite store and the emulators read through them.
///
/// A read through `DatabasePool.unsafeRead` pays for more than its `SELECT`: the pool takes a reader
/// behind a barrier queue, a semaphore and a dispatch group, finds a free one with a key path that Swift
/// builds anew, demangling its types, on every call (`Pool.get`), and then reads `PRAGMA schema_version`
/// (`clearSchemaCacheIfNeeded`). In a profile of `serve` answering GETs, that was about half the cost of
/// reading a front document. Here a read takes a connection from a free list under a lock and runs its
/// statement on it: an emulator's GET of one task went from 49.6 to 29.1 µs of CPU.
///
/// Each connection is a `DatabaseQueue` opened read-only on the WAL file the pool writes. Its statement
/// runs in a read transaction of its own (SQLite's autocommit), so it sees every transaction committed
/// before it started, from this process or another. The schema cache is not consulted: the reads are SQL
/// text, and SQLite prepares a statement again when the schema changed.
///
/// An in-memory database has no file to open again: its reads run on the writer's connection, without a
/// transaction (`unsafeRead`).
public final class SQLiteReadConnections: Sendable {
    /// The database's file; `nil` in memory.
    private let path: String?
    private let writer: any DatabaseWriter
    private let configuration: Configuration
    private let idle = Mutex<[DatabaseQueue]>([])
    /// How many connections are kept when given back; more may be open at once under a burst.
    private let capacity: Int

    /// Connections to the file at `path` that `writer` writes, opened as needed, up to `capacity` kept; with
    /// no `path` (in memory), reads go to `writer`.
    public init(writer: any DatabaseWriter, path: String?, capacity: Int = 8) {
        self.path = path
        self.writer = writer
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        configuration.label = "taskgate.sqlite.read"
        self.configuration = configuration
        self.capacity = max(1, capacity)
    }

    /// Runs `body` on an idle connection, or a new one (in memory, on the writer's).
    public func read<Value>(_ body: (Database) throws -> Value) throws -> Value {
        guard let path else { return try writer.unsafeRead(body) }
        let connection = try idle.withLock { $0.popLast() } ?? DatabaseQueue(path: path, configuration: configuration)
        defer {
            idle.withLock { idle in
                if idle.count < capacity { idle.append(connection) }
            }
        }
        return try connection.inDatabase(body)
    }
}
