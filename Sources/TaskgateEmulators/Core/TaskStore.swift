import Foundation
import GRDB
import TaskgateCore
import TaskgateSQLite

/// One stored task: its product, id, insertion order and product JSON.
struct StoredTask: Hashable, Sendable {
    /// The task's place in its product's range of rowids (``TaskSequences``): the order of creation, and
    /// the cursor of every page.
    var sequence: Int64
    /// The product's id for the task, as text (fylr's integers included).
    var id: String
    /// The task's JSON text as stored (``JSONWriter``'s), answered as is by reads and pages.
    var text: String

    /// A task read from the store.
    init(sequence: Int64, id: String, text: String) {
        self.sequence = sequence
        self.id = id
        self.text = text
    }

    /// A task about to be stored, or just stored.
    init(sequence: Int64, id: String, body: JSONValue) {
        self.init(sequence: sequence, id: id, text: JSONWriter.text(body))
    }

    /// The task as the product returns it, decoded from ``text`` where a route needs its members: reads
    /// and pages answer the text without decoding it.
    var body: JSONValue { JSONReader.value(Array(text.utf8)) ?? .null }
}

/// The emulators' SQLite store: tasks and runs, each with a JSON body column.
///
/// A file (WAL, so that reads go on while one write runs) or memory. Writes are committed in groups
/// (``GroupCommit``) on GRDB's one writer, so concurrent requests are safe; several emulators
/// (`emulate all`) share one store, keyed by product.
///
/// Reads run on the caller's thread: a task's read is a few microseconds of SQLite on pages in memory,
/// less than handing it to GRDB's reader queue and waking the request's task again. The longest, a page
/// of a thousand tasks (the most a product's page holds), keeps the thread about a millisecond; the
/// whole request for it takes two.
final class TaskStore: Sendable {
    private let writer: any DatabaseWriter
    /// Where reads of one statement run (``SQLiteReadConnections``).
    private let oneStatementReads: SQLiteReadConnections
    private let commits: GroupCommit
    private let numbers = TaskNumbers()

    /// Opens (and migrates) the store at `path`, or in memory when `path` is `nil`.
    init(path: String?) throws {
        if let path {
            var configuration = Configuration()
            configuration.prepareDatabase { database in
                try database.execute(sql: "PRAGMA synchronous = NORMAL")
                try WALCheckpointer.prepareWriter(database)
            }
            writer = try DatabasePool(path: path, configuration: configuration)
        } else {
            writer = try DatabaseQueue()
        }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { database in
            try database.execute(
                sql: """
                    CREATE TABLE task (
                        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                        product TEXT NOT NULL,
                        id TEXT NOT NULL,
                        body TEXT NOT NULL,
                        UNIQUE (product, id)
                    );
                    CREATE TABLE run (
                        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                        product TEXT NOT NULL,
                        task_id TEXT NOT NULL,
                        id TEXT NOT NULL,
                        body TEXT NOT NULL
                    );
                    CREATE INDEX run_by_task ON run (product, task_id);
                    CREATE TABLE counter (product TEXT PRIMARY KEY, last INTEGER NOT NULL);
                    """)
        }
        migrator.registerMigration("v2: pages in creation order") { database in
            // Pages walk a product's tasks in creation order; without this index SQLite found them
            // through (product, id) and sorted every task of the product, bodies included, for every
            // page (134 ms a page at 10,000 tasks, 13 ms at the first page).
            try database.execute(sql: "CREATE INDEX task_by_product_sequence ON task (product, sequence)")
        }
        migrator.registerMigration("v3: each product's tasks in a range of rowids") { database in
            // Rowids from a product's range (TaskSequences) replace AUTOINCREMENT and the index above. The
            // tasks stored so far keep their order, numbered 1, 2, … within their product; each product's
            // counter is raised to its count of tasks if it was below, so later numbers come after them.
            // (Only the emulators write the table, and only for the five products.)
            try database.execute(
                sql: """
                    INSERT INTO counter (product, last) SELECT product, COUNT(*) FROM task WHERE true GROUP BY product
                        ON CONFLICT (product) DO UPDATE SET last = max(last, excluded.last);
                    CREATE TABLE task_ranged (
                        sequence INTEGER PRIMARY KEY,
                        product TEXT NOT NULL,
                        id TEXT NOT NULL,
                        body TEXT NOT NULL,
                        UNIQUE (product, id)
                    );
                    """)
            for product in EmulatedProduct.allCases {
                try database.execute(
                    sql: """
                        INSERT INTO task_ranged (sequence, product, id, body)
                            SELECT ? + row_number() OVER (ORDER BY sequence), product, id, body
                            FROM task WHERE product = ?
                        """,
                    arguments: [TaskSequences(product).start, product.rawValue])
            }
            try database.execute(sql: "DROP TABLE task; ALTER TABLE task_ranged RENAME TO task")
        }
        try migrator.migrate(writer)
        oneStatementReads = SQLiteReadConnections(writer: writer, path: path)
        let checkpointer = try path.map { try WALCheckpointer(path: $0) }
        commits = GroupCommit(writer: writer, groupState: numbers, afterCommit: checkpointer?.groupCommitted)
    }

    /// Runs `read` now, on this thread (GRDB's synchronous read: a reader connection of the pool, or the
    /// queue's connection once no write runs).
    private func readNow<Value>(_ read: (Database) throws -> Value) throws -> Value {
        try writer.read(read)
    }

    /// Runs `read`, a single statement, now on this thread, without a transaction around it, on one of the
    /// ``SQLiteReadConnections`` when the store is a file.
    ///
    /// SQLite runs a lone statement in a read transaction of its own, so it sees one state of the database
    /// as ``readNow(_:)`` would; GRDB's `read` adds a `BEGIN` and a `COMMIT` that it compiles for every call.
    private func readOneStatementNow<Value>(_ read: (Database) throws -> Value) throws -> Value {
        try oneStatementReads.read(read)
    }

    /// Inserts a task; `make` receives the product's next task number (fylr's integer id: 1, 2, …,
    /// never reused after a delete; every product's task takes one, which places it in the product's range)
    /// and returns the id and body, inside the write transaction.
    func insert(
        product: EmulatedProduct, make: @escaping @Sendable (Int64) throws -> (id: String, body: JSONValue)
    ) async throws -> StoredTask {
        let sequences = TaskSequences(product)
        return try await commits.write { [numbers] database in
            let number = try numbers.next(for: product, in: database)
            do {
                let (id, body) = try make(number)
                let text = JSONWriter.text(body)
                let sequence = sequences.sequence(number: number)
                // Compiled once per connection (cachedStatement), not for every create.
                try database.cachedStatement(sql: "INSERT INTO task (sequence, product, id, body) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [sequence, product.rawValue, id, text])
                return StoredTask(sequence: sequence, id: id, text: text)
            } catch {
                numbers.giveBack(number, for: product)
                throw error
            }
        }
    }

    /// The task with this id, if any.
    func task(product: EmulatedProduct, id: String) async throws -> StoredTask? {
        try readOneStatementNow { database in
            try Row.fetchOne(
                database.cachedStatement(sql: "SELECT sequence, id, body FROM task WHERE product = ? AND id = ?"),
                arguments: [product.rawValue, id]
            ).map(Self.storedTask)
        }
    }

    /// Replaces a task's body through `change`, atomically; `nil` when there is no such task.
    func update(
        product: EmulatedProduct, id: String, change: @escaping @Sendable (JSONValue) throws -> JSONValue
    ) async throws -> StoredTask? {
        try await commits.write { database in
            guard
                let row = try Row.fetchOne(
                    database.cachedStatement(sql: "SELECT sequence, id, body FROM task WHERE product = ? AND id = ?"),
                    arguments: [product.rawValue, id])
            else { return nil }
            let current = Self.storedTask(row)
            let task = StoredTask(sequence: current.sequence, id: current.id, body: try change(current.body))
            try database.cachedStatement(sql: "UPDATE task SET body = ? WHERE sequence = ?")
                .execute(arguments: [task.text, task.sequence])
            return task
        }
    }

    /// Deletes a task and its runs; whether it existed.
    func delete(product: EmulatedProduct, id: String) async throws -> Bool {
        try await commits.write { database in
            try database.cachedStatement(sql: "DELETE FROM task WHERE product = ? AND id = ?")
                .execute(arguments: [product.rawValue, id])
            let deleted = database.changesCount > 0
            try database.cachedStatement(sql: "DELETE FROM run WHERE product = ? AND task_id = ?")
                .execute(arguments: [product.rawValue, id])
            return deleted
        }
    }

    /// Up to `limit` tasks after the sequence `after`, in creation order.
    func tasks(product: EmulatedProduct, after: Int64, limit: Int) async throws -> [StoredTask] {
        let sequences = TaskSequences(product)
        return try readOneStatementNow { database in
            try Row.fetchAll(
                database.cachedStatement(
                    sql:
                        "SELECT sequence, id, body FROM task WHERE sequence > ? AND sequence < ? ORDER BY sequence LIMIT ?"
                ),
                arguments: [max(after, sequences.start), sequences.end, limit]
            ).map(Self.storedTask)
        }
    }

    /// Up to `limit` tasks from position `offset`, in creation order, and the total count.
    func tasks(product: EmulatedProduct, offset: Int, limit: Int) async throws -> (tasks: [StoredTask], total: Int) {
        let range = Self.rangeArguments(product)
        return try readNow { database in
            let total =
                try Int.fetchOne(
                    database.cachedStatement(sql: "SELECT COUNT(*) FROM task WHERE sequence > ? AND sequence < ?"),
                    arguments: range) ?? 0
            let tasks = try Row.fetchAll(
                database.cachedStatement(sql: Self.pageSQL), arguments: range + [limit, offset]
            ).map(Self.storedTask)
            return (tasks, total)
        }
    }

    /// A page of a product's tasks in creation order: the range's start and end (exclusive both,
    /// ``rangeArguments(_:)``), limit, offset.
    static let pageSQL =
        "SELECT sequence, id, body FROM task WHERE sequence > ? AND sequence < ? ORDER BY sequence LIMIT ? OFFSET ?"

    /// The bounds of `product`'s range of sequences, as ``pageSQL`` takes them.
    private static func rangeArguments(_ product: EmulatedProduct) -> StatementArguments {
        let sequences = TaskSequences(product)
        return [sequences.start, sequences.end]
    }

    /// How SQLite runs a page query (`EXPLAIN QUERY PLAN`), one line per step: to check that pages walk
    /// the product's range of rowids instead of sorting every task.
    func pagePlan(product: EmulatedProduct) async throws -> [String] {
        // Two constant texts, no value: the values go as arguments.
        let explained = "EXPLAIN QUERY PLAN " + Self.pageSQL
        return try readNow { database in
            try Row.fetchAll(database, sql: explained, arguments: Self.rangeArguments(product) + [100, 0])
                .map { $0["detail"] as String? ?? "" }
        }
    }

    /// Records a run of a task.
    func insertRun(product: EmulatedProduct, taskID: String, id: String, body: JSONValue) async throws {
        try await commits.write { database in
            try database.execute(
                sql: "INSERT INTO run (product, task_id, id, body) VALUES (?, ?, ?, ?)",
                arguments: [product.rawValue, taskID, id, JSONWriter.text(body)])
        }
    }

    /// Up to `limit` runs of a task after the sequence `after`, oldest first.
    func runs(product: EmulatedProduct, taskID: String, after: Int64, limit: Int) async throws -> [StoredTask] {
        try readOneStatementNow { database in
            try Row.fetchAll(
                database,
                sql: """
                    SELECT sequence, id, body FROM run WHERE product = ? AND task_id = ? AND sequence > ?
                    ORDER BY sequence LIMIT ?
                    """,
                arguments: [product.rawValue, taskID, after, limit]
            ).map(Self.storedTask)
        }
    }

    private static func storedTask(_ row: Row) -> StoredTask {
        StoredTask(sequence: row["sequence"], id: row["id"], text: row["body"])
    }
}
