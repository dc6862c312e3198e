import Foundation
public import Logging
import PostgresNIO
public import TaskgateCore
public import TaskgateStore

/// The store shared by many replicas: PostgreSQL through postgres-nio's pooled `PostgresClient`.
///
/// Open it with `PostgresStore.withStore(url:logger:_:)`, which runs the pool for the scope of its body, brings
/// the schema up to date first (`PostgresSchema`) and closes every connection when the body returns.
///
/// Every query is parameterised (`PostgresQuery` interpolation sends values as binds). Concurrency across
/// processes rests on unique keys and `INSERT … ON CONFLICT`, at READ COMMITTED, rather than on SERIALIZABLE
/// transactions: a racing insert of the same key waits for the first one's commit and then does nothing, so
/// exactly one claim or mapping wins, nothing is retried and no serialization failure reaches a request. Integer
/// front ids come from a counter row incremented by `INSERT … ON CONFLICT DO UPDATE … RETURNING`, which locks the
/// row until commit; the increment is rolled back when the mapping turns out to exist, so ids have no gaps.
/// Error messages and semantics mirror `SQLiteStore`'s word for word, except the database's own messages.
public final class PostgresStore: TaskgateStore {
    private let client: PostgresClient
    private let logger: Logger
    private let url: PostgresStoreURL

    private init(client: PostgresClient, url: PostgresStoreURL, logger: Logger) {
        self.client = client
        self.url = url
        self.logger = logger
    }

    /// Runs `body` with a store on `url`: starts the connection pool (at most `maximumConnections`), migrates
    /// the schema, and shuts the pool down when `body` returns or throws.
    public static func withStore<Result: Sendable>(
        url: PostgresStoreURL, logger: Logger, maximumConnections: Int = 16,
        _ body: (PostgresStore) async throws -> Result
    ) async throws -> Result {
        let client = PostgresClient(
            configuration: url.clientConfiguration(maximumConnections: maximumConnections), backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            let store = PostgresStore(client: client, url: url, logger: logger)
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: try url.connectionConfiguration(), id: 0, logger: logger)
                do {
                    try await PostgresSchema.migrate(connection, schema: url.schema, logger: logger)
                } catch {
                    try? await connection.close()
                    throw error
                }
                try await connection.close()
            } catch {
                throw StoreError(kind: .database, operation: "open store at \(url)", message: store.describe(error))
            }
            logger.debug("store.postgres.open", metadata: ["tg.store": "\(url)"])
            return try await body(store)
        }
    }

    // MARK: running queries

    /// What the database said, without the password: the server's SQLSTATE and message, or the client's error.
    private func describe(_ error: any Error) -> String {
        var text: String
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                text = "\(error.serverInfo?[.sqlState] ?? "") \(message)"
            } else {
                text = "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
            }
        } else if let error = error as? StoreError {
            text = error.message
        } else {
            text = "\(error)"
        }
        if let password = url.password, !password.isEmpty {
            text = text.replacingOccurrences(of: password, with: "***")
        }
        return text
    }

    /// What a transaction body decides.
    private enum Outcome<Value: Sendable>: Sendable {
        /// Commit and return the value.
        case commit(Value)
        /// Roll back and return the value.
        case rollback(Value)
    }

    /// Runs `body` in one transaction on one pooled connection; a `StoreError` it throws passes through.
    private func transaction<Value: Sendable>(
        _ operation: String, _ body: (PostgresConnection) async throws -> Outcome<Value>
    ) async throws(StoreError) -> Value {
        do {
            return try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                let outcome: Outcome<Value>
                do {
                    outcome = try await body(connection)
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
                switch outcome {
                case .commit(let value):
                    try await connection.query("COMMIT", logger: logger)
                    return value
                case .rollback(let value):
                    try await connection.query("ROLLBACK", logger: logger)
                    return value
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(kind: .database, operation: operation, message: describe(error))
        }
    }

    /// Runs `body` outside a transaction (each statement commits on its own).
    private func perform<Value: Sendable>(
        _ operation: String, _ body: (PostgresClient) async throws -> Value
    ) async throws(StoreError) -> Value {
        do {
            return try await body(client)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(kind: .database, operation: operation, message: describe(error))
        }
    }

    // MARK: id map

    /// See `TaskgateStore.frontID(upstream:upstreamID:front:style:document:)`.
    public func frontID(
        upstream: Product, upstreamID: String, front: Product, style: FrontIDStyle, document: [UInt8]?
    ) async throws(StoreError) -> IDMapping {
        let operation = "map \(upstream) id \(upstreamID) to a \(front) id"
        // An existing mapping (this replica's or another's) takes the document as a later write would.
        func existing() async throws(StoreError) -> IDMapping? {
            guard let found = try await mapping(upstream: upstream, upstreamID: upstreamID, front: front) else {
                return nil
            }
            if let document {
                try await keepFrontDocument(document, front: front, frontID: found.frontID, upstream: upstream)
            }
            return found
        }
        if let found = try await existing() { return found }
        let bytes = document.map { Data($0) }
        while true {
            let created: IDMapping? = try await transaction(operation) { connection in
                let frontID: String
                switch style {
                case .integer:
                    var next = 1
                    for try await value in try await connection.query(
                        """
                        INSERT INTO id_sequence (front, next_value) VALUES (\(front.rawValue), 2)
                        ON CONFLICT (front) DO UPDATE SET next_value = id_sequence.next_value + 1
                        RETURNING next_value - 1
                        """, logger: logger
                    ).decode(Int.self) {
                        next = value
                    }
                    frontID = String(next)
                case .uuid, .hex24:
                    frontID = style.drawnID()
                }
                var inserted = false
                for try await _ in try await connection.query(
                    """
                    INSERT INTO id_map (front, front_id, upstream, upstream_id, front_document)
                    VALUES (\(front.rawValue), \(frontID), \(upstream.rawValue), \(upstreamID), \(bytes))
                    ON CONFLICT DO NOTHING RETURNING front_id
                    """, logger: logger
                ) {
                    inserted = true
                }
                guard inserted else { return .rollback(nil) }
                return .commit(IDMapping(front: front, frontID: frontID, upstream: upstream, upstreamID: upstreamID))
            }
            if let created { return created }
            // Another replica mapped this upstream id first (take its mapping), or a random id was taken (retry).
            if let found = try await existing() { return found }
        }
    }

    private func fetchMapping(_ query: PostgresQuery, operation: String) async throws(StoreError) -> IDMapping? {
        let rows = try await perform(operation) { client in
            try await client.query(query, logger: logger).collect().map {
                try $0.decode((String, String, String, String).self)
            }
        }
        guard let (frontName, frontID, upstreamName, upstreamID) = rows.first else { return nil }
        guard let front = Product(rawValue: frontName), let upstream = Product(rawValue: upstreamName) else {
            throw StoreError(
                kind: .database, operation: "read id map",
                message: "product '\(frontName)' or '\(upstreamName)' is not one of \(Product.allCases.map(\.rawValue))"
            )
        }
        return IDMapping(front: front, frontID: frontID, upstream: upstream, upstreamID: upstreamID)
    }

    /// See `TaskgateStore.mapping(front:frontID:upstream:)`.
    public func mapping(front: Product, frontID: String, upstream: Product) async throws(StoreError) -> IDMapping? {
        try await fetchMapping(
            """
            SELECT front, front_id, upstream, upstream_id FROM id_map
            WHERE front = \(front.rawValue) AND front_id = \(frontID) AND upstream = \(upstream.rawValue)
            """, operation: "find \(front) id \(frontID)")
    }

    /// See `TaskgateStore.mapping(upstream:upstreamID:front:)`.
    public func mapping(upstream: Product, upstreamID: String, front: Product) async throws(StoreError) -> IDMapping? {
        try await fetchMapping(
            """
            SELECT front, front_id, upstream, upstream_id FROM id_map
            WHERE upstream = \(upstream.rawValue) AND upstream_id = \(upstreamID) AND front = \(front.rawValue)
            """, operation: "find \(upstream) id \(upstreamID)")
    }

    /// See `TaskgateStore.removeMapping(front:frontID:upstream:)`.
    public func removeMapping(front: Product, frontID: String, upstream: Product) async throws(StoreError) -> Bool {
        try await perform("remove \(front) id \(frontID)") { client in
            try await client.query(
                """
                DELETE FROM id_map
                WHERE front = \(front.rawValue) AND front_id = \(frontID) AND upstream = \(upstream.rawValue)
                RETURNING front_id
                """, logger: logger
            ).collect().isEmpty == false
        }
    }

    /// See `TaskgateStore.keepFrontDocument(_:front:frontID:upstream:)`.
    public func keepFrontDocument(
        _ document: [UInt8], front: Product, frontID: String, upstream: Product
    ) async throws(StoreError) {
        let bytes = Data(document)
        try await perform("keep the \(front) document of \(frontID)") { client in
            try await client.query(
                """
                UPDATE id_map SET front_document = \(bytes)
                WHERE front = \(front.rawValue) AND front_id = \(frontID) AND upstream = \(upstream.rawValue)
                """, logger: logger)
        }
    }

    /// See `TaskgateStore.frontDocument(front:frontID:upstream:)`.
    public func frontDocument(front: Product, frontID: String, upstream: Product) async throws(StoreError) -> [UInt8]? {
        let rows = try await perform("read the \(front) document of \(frontID)") { client in
            try await client.query(
                """
                SELECT front_document FROM id_map
                WHERE front = \(front.rawValue) AND front_id = \(frontID) AND upstream = \(upstream.rawValue)
                """, logger: logger
            ).collect().map { try $0.decode(Data?.self) }
        }
        return rows.first.flatMap { $0 }.map { Array($0) }
    }

    // MARK: idempotency keys

    /// See `TaskgateStore.claimIdempotencyKey(_:requestHash:)`.
    public func claimIdempotencyKey(_ key: String, requestHash: String) async throws(StoreError) -> IdempotencyClaim {
        let operation = "claim idempotency key '\(key)'"
        while true {
            let claimed = try await perform(operation) { client in
                try await client.query(
                    """
                    INSERT INTO idempotency_key (key, request_hash) VALUES (\(key), \(requestHash))
                    ON CONFLICT (key) DO NOTHING RETURNING key
                    """, logger: logger
                ).collect().isEmpty == false
            }
            if claimed { return .claimed }
            let rows = try await perform(operation) { client in
                try await client.query(
                    "SELECT request_hash, status, body, upstream_id FROM idempotency_key WHERE key = \(key)",
                    logger: logger
                ).collect().map { try $0.decode((String, Int?, Data?, String?).self) }
            }
            // Released between the insert and the read: claim again.
            guard let (storedHash, status, body, upstreamID) = rows.first else { continue }
            guard storedHash == requestHash else {
                throw StoreError(
                    kind: .idempotencyConflict(key: key), operation: operation,
                    message: "the key was first used with request hash \(storedHash), not \(requestHash)")
            }
            guard let status else { return .inProgress }
            return .completed(StoredResponse(status: status, body: Array(body ?? Data()), upstreamID: upstreamID))
        }
    }

    /// See `TaskgateStore.completeIdempotencyKey(_:response:)`.
    public func completeIdempotencyKey(_ key: String, response: StoredResponse) async throws(StoreError) {
        let operation = "complete idempotency key '\(key)'"
        let updated = try await perform(operation) { client in
            try await client.query(
                """
                UPDATE idempotency_key SET status = \(response.status), body = \(Data(response.body)),
                upstream_id = \(response.upstreamID) WHERE key = \(key) RETURNING key
                """, logger: logger
            ).collect().isEmpty == false
        }
        if !updated {
            throw StoreError(kind: .notFound, operation: operation, message: "the key was never claimed")
        }
    }

    /// See `TaskgateStore.releaseIdempotencyKey(_:)`.
    public func releaseIdempotencyKey(_ key: String) async throws(StoreError) {
        _ = try await perform("release idempotency key '\(key)'") { client in
            // Read to the end, so that the pooled connection is handed back at once.
            try await client.query(
                "DELETE FROM idempotency_key WHERE key = \(key) AND status IS NULL", logger: logger
            ).collect()
        }
    }

    // MARK: migration journal

    /// See `TaskgateStore.planMigration(run:taskSourceIDs:)`.
    public func planMigration(run: String, taskSourceIDs: [String]) async throws(StoreError) -> [JournalEntry] {
        try await transaction("plan migration run '\(run)'") { connection in
            // Two planners of one run take turns, so positions stay in plan order.
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(PostgresSchema.lockClass + 1), hashtext(\(run)))", logger: logger)
            var position = -1
            for try await value in try await connection.query(
                "SELECT COALESCE(MAX(position), -1) FROM journal_entry WHERE run = \(run)", logger: logger
            ).decode(Int.self) {
                position = value
            }
            for taskSourceID in taskSourceIDs {
                position += 1
                let key = RandomUUID.text()
                let inserted =
                    try await connection.query(
                        """
                        INSERT INTO journal_entry (run, task_source_id, position, step, detail, idempotency_key)
                        VALUES (\(run), \(taskSourceID), \(position), 'planned', NULL, \(key))
                        ON CONFLICT (run, task_source_id) DO NOTHING RETURNING run
                        """, logger: logger
                    ).collect().isEmpty == false
                if inserted {
                    try await Self.appendEvent(
                        connection, run: run, taskSourceID: taskSourceID, step: .planned, logger: logger)
                }
            }
            return .commit(try await Self.fetchJournal(connection, run: run, logger: logger))
        }
    }

    /// See `TaskgateStore.recordStep(run:taskSourceID:step:)`.
    public func recordStep(
        run: String, taskSourceID: String, step: JournalStep
    ) async throws(StoreError) -> JournalEntry {
        let operation = "record step \(step.name) of task '\(taskSourceID)' in run '\(run)'"
        return try await transaction(operation) { connection in
            let (name, detail) = (step.name, step.detail)
            let keys = try await connection.query(
                """
                UPDATE journal_entry SET step = \(name), detail = \(detail)
                WHERE run = \(run) AND task_source_id = \(taskSourceID) RETURNING idempotency_key
                """, logger: logger
            ).collect().map { try $0.decode(String.self) }
            guard let key = keys.first else {
                throw StoreError(kind: .notFound, operation: operation, message: "the task was not planned in this run")
            }
            try await Self.appendEvent(connection, run: run, taskSourceID: taskSourceID, step: step, logger: logger)
            return .commit(JournalEntry(run: run, taskSourceID: taskSourceID, step: step, idempotencyKey: key))
        }
    }

    /// See `TaskgateStore.recordSteps(run:steps:)`: every step of the batch in one transaction, all or nothing.
    public func recordSteps(run: String, steps: [(taskSourceID: String, step: JournalStep)]) async throws(StoreError) {
        guard let first = steps.first else { return }
        let operation = "record step \(first.step.name) of \(steps.count) task(s) in run '\(run)'"
        try await transaction(operation) { connection in
            for (taskSourceID, step) in steps {
                let (name, detail) = (step.name, step.detail)
                let updated = try await connection.query(
                    """
                    UPDATE journal_entry SET step = \(name), detail = \(detail)
                    WHERE run = \(run) AND task_source_id = \(taskSourceID) RETURNING idempotency_key
                    """, logger: logger
                ).collect()
                guard !updated.isEmpty else {
                    throw StoreError(
                        kind: .notFound,
                        operation: "record step \(step.name) of task '\(taskSourceID)' in run '\(run)'",
                        message: "the task was not planned in this run")
                }
                try await Self.appendEvent(connection, run: run, taskSourceID: taskSourceID, step: step, logger: logger)
            }
            return .commit(())
        }
    }

    /// See `TaskgateStore.journal(run:)`.
    public func journal(run: String) async throws(StoreError) -> [JournalEntry] {
        try await transaction("read journal of run '\(run)'") { connection in
            .commit(try await Self.fetchJournal(connection, run: run, logger: logger))
        }
    }

    /// See `TaskgateStore.history(run:taskSourceID:)`.
    public func history(run: String, taskSourceID: String) async throws(StoreError) -> [JournalStep] {
        let rows = try await perform("read history of task '\(taskSourceID)' in run '\(run)'") { client in
            try await client.query(
                """
                SELECT step, detail FROM journal_event WHERE run = \(run) AND task_source_id = \(taskSourceID)
                ORDER BY id
                """, logger: logger
            ).collect().map { try $0.decode((String, String?).self) }
        }
        var steps: [JournalStep] = []
        for (name, detail) in rows { steps.append(try Self.step(name: name, detail: detail)) }
        return steps
    }

    private static func appendEvent(
        _ connection: PostgresConnection, run: String, taskSourceID: String, step: JournalStep, logger: Logger
    ) async throws {
        let (name, detail) = (step.name, step.detail)
        try await connection.query(
            """
            INSERT INTO journal_event (run, task_source_id, step, detail)
            VALUES (\(run), \(taskSourceID), \(name), \(detail))
            """, logger: logger)
    }

    private static func step(name: String, detail: String?) throws(StoreError) -> JournalStep {
        guard let step = JournalStep(name: name, detail: detail) else {
            throw StoreError(
                kind: .database, operation: "read journal",
                message: "step '\(name)' is not one of planned, creating, created, verified, failed")
        }
        return step
    }

    private static func fetchJournal(
        _ connection: PostgresConnection, run: String, logger: Logger
    ) async throws -> [JournalEntry] {
        let rows = try await connection.query(
            """
            SELECT task_source_id, step, detail, idempotency_key FROM journal_entry
            WHERE run = \(run) ORDER BY position
            """, logger: logger
        ).collect().map { try $0.decode((String, String, String?, String).self) }
        var entries: [JournalEntry] = []
        for (taskSourceID, name, detail, key) in rows {
            entries.append(
                JournalEntry(
                    run: run, taskSourceID: taskSourceID, step: try step(name: name, detail: detail),
                    idempotencyKey: key))
        }
        return entries
    }
}
