public import Logging
public import TaskgateStore

/// Where taskgate keeps its store, read from `--store` or `--journal`: a `postgres://` URL selects
/// `PostgresStore`, anything else is the path of an SQLite file (the default).
public enum StoreLocation: Hashable, Sendable, CustomStringConvertible {
    /// An SQLite file, shared by the processes of one machine.
    case sqlite(path: String)
    /// A PostgreSQL database, shared by replicas on many machines.
    case postgres(PostgresStoreURL)

    /// Reads a `--store` value; a malformed `postgres://` URL is an error that never shows its password.
    public init(_ text: String) throws(StoreError) {
        if PostgresStoreURL.isPostgres(text) {
            self = .postgres(try PostgresStoreURL(parsing: text))
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The path, or the URL with its password as `***`.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.description
        }
    }

    /// Runs `body` with the store opened (and its schema brought up to date); a PostgreSQL pool is closed
    /// when `body` returns or throws.
    public func withStore<Result: Sendable>(
        logger: Logger, _ body: (any TaskgateStore) async throws -> Result
    ) async throws -> Result {
        switch self {
        case .sqlite(let path):
            return try await body(try SQLiteStore(path: path))
        case .postgres(let url):
            return try await PostgresStore.withStore(url: url, logger: logger) { store in try await body(store) }
        }
    }
}
