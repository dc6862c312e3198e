import Logging
import PostgresNIO

/// The PostgreSQL schema of the store, one numbered migration per version, recorded in `taskgate_schema`.
///
/// Never edit a shipped migration; add one. `migrate` is idempotent and safe when several replicas start at
/// once: each runs in one transaction that first takes a transaction-level advisory lock (released at commit),
/// so a second replica waits, then finds the versions applied and does nothing.
enum PostgresSchema {
    /// The first key of taskgate's advisory locks ("tg" in ASCII); the second names what is locked.
    static let lockClass: Int32 = 0x7467

    /// The migrations, in order; version n is `migrations[n - 1]`.
    static let migrations: [[PostgresQuery]] = [
        [
            """
            CREATE TABLE id_map (
                front text NOT NULL, front_id text NOT NULL, upstream text NOT NULL, upstream_id text NOT NULL,
                PRIMARY KEY (front, front_id, upstream), UNIQUE (upstream, upstream_id, front))
            """,
            "CREATE TABLE id_sequence (front text PRIMARY KEY, next_value bigint NOT NULL)",
            """
            CREATE TABLE idempotency_key (
                key text PRIMARY KEY, request_hash text NOT NULL, status bigint, body bytea, upstream_id text)
            """,
            """
            CREATE TABLE journal_entry (
                run text NOT NULL, task_source_id text NOT NULL, position bigint NOT NULL, step text NOT NULL,
                detail text, idempotency_key text NOT NULL UNIQUE, PRIMARY KEY (run, task_source_id))
            """,
            """
            CREATE TABLE journal_event (
                id bigserial PRIMARY KEY, run text NOT NULL, task_source_id text NOT NULL, step text NOT NULL,
                detail text, recorded_at timestamptz NOT NULL DEFAULT clock_timestamp())
            """,
            "CREATE INDEX journal_event_task ON journal_event (run, task_source_id)",
        ],
        ["ALTER TABLE id_map ADD COLUMN front_document bytea"],
    ]

    /// Brings the schema of the connection's search path up to the last version.
    static func migrate(_ connection: PostgresConnection, schema: String?, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            if let schema {
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(\(lockClass), hashtext(\(schema)))", logger: logger)
                // An identifier cannot be a bind; `PostgresStoreURL` admits only plain lower-case names.
                try await connection.query(
                    PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \"\(schema)\""), logger: logger)
            } else {
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(\(lockClass), hashtext(current_schema()))", logger: logger)
            }
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS taskgate_schema (
                    version bigint PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT clock_timestamp())
                """, logger: logger)
            var applied = 0
            for try await version in try await connection.query(
                "SELECT COALESCE(MAX(version), 0) FROM taskgate_schema", logger: logger
            ).decode(Int.self) {
                applied = version
            }
            for (index, statements) in migrations.enumerated() where index + 1 > applied {
                for statement in statements { try await connection.query(statement, logger: logger) }
                try await connection.query(
                    "INSERT INTO taskgate_schema (version) VALUES (\(index + 1))", logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}
