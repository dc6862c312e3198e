import Foundation
import GRDB
public import TaskgateCore
import TaskgateSQLite

/// The default store: one SQLite file (WAL, shared by several processes) or an in-memory database, on GRDB.
///
/// Every query is parameterised; the schema is created and upgraded by `SQLiteStore.migrator` when the
/// store opens.
public final class SQLiteStore: TaskgateStore {
    private let writer: any DatabaseWriter
    /// Where reads of one statement run (``SQLiteReadConnections``).
    private let oneStatementReads: SQLiteReadConnections

    /// Opens (creating it if needed) the database file at `path` and brings its schema up to date.
    public init(path: String) throws(StoreError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { database in
            // 32 MB of page cache a connection (SQLite's default is 2 MB): a migration journal of 10,000
            // tasks is about 8 MB, and with less each commit read its pages back through the kernel.
            try database.execute(sql: "PRAGMA cache_size = -32768")
        }
        do {
            writer = try Self.retryingOpenRaces { () throws -> DatabasePool in
                let pool = try DatabasePool(path: path, configuration: configuration)
                try Self.migrator.migrate(pool)
                return pool
            }
        } catch {
            throw StoreError(kind: .database, operation: "open store at \(path)", message: "\(error)")
        }
        oneStatementReads = SQLiteReadConnections(writer: writer, path: path)
    }

    /// Opens a private in-memory database, gone when the store is released.
    public init() throws(StoreError) {
        do {
            writer = try DatabaseQueue()
            oneStatementReads = SQLiteReadConnections(writer: writer, path: nil)
            try Self.migrator.migrate(writer)
        } catch {
            throw StoreError(kind: .database, operation: "open in-memory store", message: "\(error)")
        }
    }

    /// Runs `open` again (up to five times, 20 ms apart) when it fails: two stores opening one new file
    /// at once (two processes, or a test's two instances) race on switching it to WAL (`database is
    /// locked`, which no busy handler waits for) and on creating the schema (the second's `CREATE TABLE`
    /// fails once the first has committed); the next attempt finds the file set up.
    static func retryingOpenRaces<Value>(_ open: () throws -> Value) throws -> Value {
        var attempt = 1
        while true {
            do {
                return try open()
            } catch  where attempt < 5 {
                attempt += 1
                usleep(20_000)
            }
        }
    }

    /// The schema, one registered migration per version; never edit a shipped migration, add one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { database in
            try database.create(table: "id_map") { table in
                table.column("front", .text).notNull()
                table.column("front_id", .text).notNull()
                table.column("upstream", .text).notNull()
                table.column("upstream_id", .text).notNull()
                table.primaryKey(["front", "front_id", "upstream"])
                table.uniqueKey(["upstream", "upstream_id", "front"])
            }
            try database.create(table: "id_sequence") { table in
                table.primaryKey("front", .text)
                table.column("next_value", .integer).notNull()
            }
            try database.create(table: "idempotency_key") { table in
                table.primaryKey("key", .text)
                table.column("request_hash", .text).notNull()
                table.column("status", .integer)
                table.column("body", .blob)
                table.column("upstream_id", .text)
            }
            try database.create(table: "journal_entry") { table in
                table.column("run", .text).notNull()
                table.column("task_source_id", .text).notNull()
                table.column("position", .integer).notNull()
                table.column("step", .text).notNull()
                table.column("detail", .text)
                table.column("idempotency_key", .text).notNull().unique()
                table.primaryKey(["run", "task_source_id"])
            }
            try database.create(table: "journal_event") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("run", .text).notNull()
                table.column("task_source_id", .text).notNull()
                table.column("step", .text).notNull()
                table.column("detail", .text)
                table.column("recorded_at", .double).notNull()
            }
            try database.create(index: "journal_event_task", on: "journal_event", columns: ["run", "task_source_id"])
        }
        migrator.registerMigration("v2: the front's document beside its mapping") { database in
            try database.alter(table: "id_map") { table in table.add(column: "front_document", .blob) }
        }
        migrator.registerMigration("v3: journal events without an index by task") { database in
            // Task ids come in no order, so each event landed on its own page of this index: a migration's
            // commit of 64 tasks rewrote about a hundred pages for it. Only `history(run:taskSourceID:)`, a
            // diagnostic, looked events up by task; it reads the table through instead.
            try database.drop(index: "journal_event_task")
        }
        return migrator
    }

    // MARK: running queries

    private func write<Value: Sendable>(
        _ operation: String, _ body: @escaping @Sendable (Database) throws -> Value
    ) async throws(StoreError) -> Value {
        do {
            return try await writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(kind: .database, operation: operation, message: "\(error)")
        }
    }

    /// Runs `body` now, on the caller's thread (GRDB's synchronous read, on a reader connection of the
    /// pool): the reads are lookups by key on pages in memory, a few microseconds, less than handing
    /// them to a reader queue and waking the caller's task again, which the proxy did for every request.
    ///
    /// A `body` of one statement runs without the transaction GRDB otherwise wraps a read in (`isolated:
    /// false`): one SELECT sees one state of the database by itself, and the BEGIN and COMMIT cost more
    /// than a lookup.
    private func read<Value>(
        _ operation: @autoclosure () -> String, isolated: Bool = true, _ body: (Database) throws -> Value
    ) throws(StoreError) -> Value {
        do {
            return try isolated ? writer.read(body) : oneStatementReads.read(body)
        } catch {
            throw StoreError(kind: .database, operation: operation(), message: "\(error)")
        }
    }

    // MARK: id map

    /// See `TaskgateStore.frontID(upstream:upstreamID:front:style:document:)`.
    public func frontID(
        upstream: Product, upstreamID: String, front: Product, style: FrontIDStyle, document: [UInt8]?
    ) async throws(StoreError) -> IDMapping {
        try await write("map \(upstream) id \(upstreamID) to a \(front) id") { database in
            if let existing = try Self.fetchMapping(
                database, where: "upstream = ? AND upstream_id = ? AND front = ?",
                [upstream.rawValue, upstreamID, front.rawValue])
            {
                if let document {
                    try Self.keepFrontDocument(
                        database, document, front: front, frontID: existing.frontID, upstream: upstream)
                }
                return existing
            }
            let frontID = try Self.newFrontID(database, front: front, upstream: upstream, style: style)
            try database.cachedStatement(
                sql:
                    "INSERT INTO id_map (front, front_id, upstream, upstream_id, front_document) VALUES (?, ?, ?, ?, ?)"
            ).execute(arguments: [front.rawValue, frontID, upstream.rawValue, upstreamID, document.map { Data($0) }])
            return IDMapping(front: front, frontID: frontID, upstream: upstream, upstreamID: upstreamID)
        }
    }

    private static func newFrontID(
        _ database: Database, front: Product, upstream: Product, style: FrontIDStyle
    ) throws -> String {
        switch style {
        case .integer:
            let next =
                try Int.fetchOne(
                    database.cachedStatement(sql: "SELECT next_value FROM id_sequence WHERE front = ?"),
                    arguments: [front.rawValue])
                ?? 1
            try database.cachedStatement(
                sql: """
                    INSERT INTO id_sequence (front, next_value) VALUES (?, ?)
                    ON CONFLICT (front) DO UPDATE SET next_value = excluded.next_value
                    """
            ).execute(arguments: [front.rawValue, next + 1])
            return String(next)
        case .uuid, .hex24:
            while true {
                let candidate = style.drawnID()
                let taken = try Bool.fetchOne(
                    database.cachedStatement(
                        sql: "SELECT EXISTS (SELECT 1 FROM id_map WHERE front = ? AND front_id = ? AND upstream = ?)"),
                    arguments: [front.rawValue, candidate, upstream.rawValue])
                if taken != true { return candidate }
            }
        }
    }

    private static func fetchMapping(
        _ database: Database, where condition: String, _ arguments: StatementArguments
    )
        throws -> IDMapping?
    {
        guard
            let row = try Row.fetchOne(
                database.cachedStatement(
                    sql: "SELECT front, front_id, upstream, upstream_id FROM id_map WHERE \(condition)"),
                arguments: arguments)
        else { return nil }
        let frontName: String = row["front"]
        let upstreamName: String = row["upstream"]
        guard let front = Product(rawValue: frontName), let upstream = Product(rawValue: upstreamName) else {
            throw StoreError(
                kind: .database, operation: "read id map",
                message: "product '\(frontName)' or '\(upstreamName)' is not one of \(Product.allCases.map(\.rawValue))"
            )
        }
        return IDMapping(front: front, frontID: row["front_id"], upstream: upstream, upstreamID: row["upstream_id"])
    }

    /// See `TaskgateStore.mapping(front:frontID:upstream:)`.
    public func mapping(front: Product, frontID: String, upstream: Product) async throws(StoreError) -> IDMapping? {
        try read("find \(front) id \(frontID)", isolated: false) { database in
            try Self.fetchMapping(
                database, where: "front = ? AND front_id = ? AND upstream = ?",
                [front.rawValue, frontID, upstream.rawValue])
        }
    }

    /// See `TaskgateStore.mapping(upstream:upstreamID:front:)`.
    public func mapping(upstream: Product, upstreamID: String, front: Product) async throws(StoreError) -> IDMapping? {
        try read("find \(upstream) id \(upstreamID)", isolated: false) { database in
            try Self.fetchMapping(
                database, where: "upstream = ? AND upstream_id = ? AND front = ?",
                [upstream.rawValue, upstreamID, front.rawValue])
        }
    }

    /// See `TaskgateStore.removeMapping(front:frontID:upstream:)`.
    public func removeMapping(front: Product, frontID: String, upstream: Product) async throws(StoreError) -> Bool {
        try await write("remove \(front) id \(frontID)") { database in
            try database.cachedStatement(sql: "DELETE FROM id_map WHERE front = ? AND front_id = ? AND upstream = ?")
                .execute(arguments: [front.rawValue, frontID, upstream.rawValue])
            return database.changesCount > 0
        }
    }

    /// See `TaskgateStore.keepFrontDocument(_:front:frontID:upstream:)`.
    public func keepFrontDocument(
        _ document: [UInt8], front: Product, frontID: String, upstream: Product
    ) async throws(StoreError) {
        try await write("keep the \(front) document of \(frontID)") { database in
            try Self.keepFrontDocument(database, document, front: front, frontID: frontID, upstream: upstream)
        }
    }

    private static func keepFrontDocument(
        _ database: Database, _ document: [UInt8], front: Product, frontID: String, upstream: Product
    ) throws {
        try database.cachedStatement(
            sql: "UPDATE id_map SET front_document = ? WHERE front = ? AND front_id = ? AND upstream = ?"
        ).execute(arguments: [Data(document), front.rawValue, frontID, upstream.rawValue])
    }

    /// See `TaskgateStore.frontDocument(front:frontID:upstream:)`.
    public func frontDocument(front: Product, frontID: String, upstream: Product) async throws(StoreError) -> [UInt8]? {
        try read("read the \(front) document of \(frontID)", isolated: false) { database in
            let data = try Data.fetchOne(
                database.cachedStatement(
                    sql: "SELECT front_document FROM id_map WHERE front = ? AND front_id = ? AND upstream = ?"),
                arguments: [front.rawValue, frontID, upstream.rawValue])
            return data.map { Array($0) }
        }
    }

    // MARK: idempotency keys

    /// See `TaskgateStore.claimIdempotencyKey(_:requestHash:)`.
    public func claimIdempotencyKey(_ key: String, requestHash: String) async throws(StoreError) -> IdempotencyClaim {
        let operation = "claim idempotency key '\(key)'"
        return try await write(operation) { database in
            guard
                let row = try Row.fetchOne(
                    database.cachedStatement(
                        sql: "SELECT request_hash, status, body, upstream_id FROM idempotency_key WHERE key = ?"),
                    arguments: [key])
            else {
                try database.cachedStatement(sql: "INSERT INTO idempotency_key (key, request_hash) VALUES (?, ?)")
                    .execute(arguments: [key, requestHash])
                return .claimed
            }
            let storedHash: String = row["request_hash"]
            guard storedHash == requestHash else {
                throw StoreError(
                    kind: .idempotencyConflict(key: key), operation: operation,
                    message: "the key was first used with request hash \(storedHash), not \(requestHash)")
            }
            guard let status: Int = row["status"] else { return .inProgress }
            let body: Data = row["body"] ?? Data()
            return .completed(StoredResponse(status: status, body: Array(body), upstreamID: row["upstream_id"]))
        }
    }

    /// See `TaskgateStore.completeIdempotencyKey(_:response:)`.
    public func completeIdempotencyKey(_ key: String, response: StoredResponse) async throws(StoreError) {
        let operation = "complete idempotency key '\(key)'"
        try await write(operation) { database in
            try database.cachedStatement(
                sql: "UPDATE idempotency_key SET status = ?, body = ?, upstream_id = ? WHERE key = ?"
            ).execute(arguments: [response.status, Data(response.body), response.upstreamID, key])
            if database.changesCount == 0 {
                throw StoreError(kind: .notFound, operation: operation, message: "the key was never claimed")
            }
        }
    }

    /// See `TaskgateStore.releaseIdempotencyKey(_:)`.
    public func releaseIdempotencyKey(_ key: String) async throws(StoreError) {
        try await write("release idempotency key '\(key)'") { database in
            try database.cachedStatement(sql: "DELETE FROM idempotency_key WHERE key = ? AND status IS NULL").execute(
                arguments: [key])
        }
    }

    // MARK: migration journal

    /// See `TaskgateStore.planMigration(run:taskSourceIDs:)`.
    public func planMigration(run: String, taskSourceIDs: [String]) async throws(StoreError) -> [JournalEntry] {
        try await write("plan migration run '\(run)'") { database in
            var position =
                try Int.fetchOne(
                    database.cachedStatement(
                        sql: "SELECT COALESCE(MAX(position), -1) FROM journal_entry WHERE run = ?"), arguments: [run])
                ?? -1
            // One statement compiled for every task (and one for their events), not one per call.
            let insert = try database.cachedStatement(
                sql: """
                    INSERT INTO journal_entry (run, task_source_id, position, step, detail, idempotency_key)
                    VALUES (?, ?, ?, 'planned', NULL, ?) ON CONFLICT (run, task_source_id) DO NOTHING
                    """)
            for taskSourceID in taskSourceIDs {
                position += 1
                try insert.execute(arguments: [run, taskSourceID, position, RandomUUID.text()])
                if database.changesCount > 0 {
                    try Self.appendEvent(database, run: run, taskSourceID: taskSourceID, step: .planned)
                }
            }
            return try Self.fetchJournal(database, run: run)
        }
    }

    /// See `TaskgateStore.recordStep(run:taskSourceID:step:)`.
    public func recordStep(
        run: String, taskSourceID: String, step: JournalStep
    ) async throws(StoreError) -> JournalEntry {
        let operation = "record step \(step.name) of task '\(taskSourceID)' in run '\(run)'"
        return try await write(operation) { database in
            try database.cachedStatement(
                sql: "UPDATE journal_entry SET step = ?, detail = ? WHERE run = ? AND task_source_id = ?"
            ).execute(arguments: [step.name, step.detail, run, taskSourceID])
            guard database.changesCount > 0 else {
                throw StoreError(kind: .notFound, operation: operation, message: "the task was not planned in this run")
            }
            try Self.appendEvent(database, run: run, taskSourceID: taskSourceID, step: step)
            let key =
                try String.fetchOne(
                    database.cachedStatement(
                        sql: "SELECT idempotency_key FROM journal_entry WHERE run = ? AND task_source_id = ?"),
                    arguments: [run, taskSourceID]) ?? ""
            return JournalEntry(run: run, taskSourceID: taskSourceID, step: step, idempotencyKey: key)
        }
    }

    /// See `TaskgateStore.recordSteps(run:steps:)`: one transaction, so one sync to disk for the batch.
    public func recordSteps(
        run: String, steps: [(taskSourceID: String, step: JournalStep)]
    ) async throws(StoreError) {
        guard !steps.isEmpty else { return }
        let pairs = steps.map { ($0.taskSourceID, $0.step) }
        try await write("record \(pairs.count) steps in run '\(run)'") { database in
            let update = try database.cachedStatement(
                sql: "UPDATE journal_entry SET step = ?, detail = ? WHERE run = ? AND task_source_id = ?")
            for (taskSourceID, step) in pairs {
                try update.execute(arguments: [step.name, step.detail, run, taskSourceID])
                guard database.changesCount > 0 else {
                    throw StoreError(
                        kind: .notFound,
                        operation: "record step \(step.name) of task '\(taskSourceID)' in run '\(run)'",
                        message: "the task was not planned in this run")
                }
                try Self.appendEvent(database, run: run, taskSourceID: taskSourceID, step: step)
            }
        }
    }

    /// See `TaskgateStore.journal(run:)`.
    public func journal(run: String) async throws(StoreError) -> [JournalEntry] {
        try read("read journal of run '\(run)'") { database in try Self.fetchJournal(database, run: run) }
    }

    /// See `TaskgateStore.history(run:taskSourceID:)`.
    public func history(run: String, taskSourceID: String) async throws(StoreError) -> [JournalStep] {
        try read("read history of task '\(taskSourceID)' in run '\(run)'") { database in
            try Row.fetchAll(
                database.cachedStatement(
                    sql: "SELECT step, detail FROM journal_event WHERE run = ? AND task_source_id = ? ORDER BY id"),
                arguments: [run, taskSourceID]
            ).map { row in try Self.step(row) }
        }
    }

    private static func appendEvent(_ database: Database, run: String, taskSourceID: String, step: JournalStep) throws {
        try database.cachedStatement(
            sql: "INSERT INTO journal_event (run, task_source_id, step, detail, recorded_at) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [run, taskSourceID, step.name, step.detail, Date().timeIntervalSince1970])
    }

    private static func step(_ row: Row) throws -> JournalStep {
        let name: String = row["step"]
        let detail: String? = row["detail"]
        guard let step = JournalStep(name: name, detail: detail) else {
            throw StoreError(
                kind: .database, operation: "read journal",
                message: "step '\(name)' is not one of planned, creating, created, verified, failed")
        }
        return step
    }

    private static func fetchJournal(_ database: Database, run: String) throws -> [JournalEntry] {
        try Row.fetchAll(
            database,
            sql: """
                SELECT task_source_id, step, detail, idempotency_key FROM journal_entry
                WHERE run = ? ORDER BY position
                """,
            arguments: [run]
        ).map { row in
            JournalEntry(
                run: run, taskSourceID: row["task_source_id"], step: try step(row),
                idempotencyKey: row["idempotency_key"])
        }
    }
}
