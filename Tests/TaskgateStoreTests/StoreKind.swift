import Foundation
import Logging
import TaskgateStore
import TaskgateStorePostgres
import Testing

/// A store implementation the contract tests run against: SQLite always, PostgreSQL when
/// `TASKGATE_TEST_POSTGRES_URL` names a database (scripts/test starts one).
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The kinds this environment can run.
    static let available: [StoreKind] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

    /// The PostgreSQL server the tests may use, if any.
    static let postgresURL: String? = {
        let value = ProcessInfo.processInfo.environment["TASKGATE_TEST_POSTGRES_URL"] ?? ""
        return value.isEmpty ? nil : value
    }()

    var testDescription: String { rawValue }

    /// A fresh, empty location: a new SQLite file, or a new schema of the PostgreSQL database, so that tests
    /// run in parallel without seeing each other.
    func freshLocation() throws -> StoreLocation {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        switch self {
        case .sqlite:
            return .sqlite(
                path: FileManager.default.temporaryDirectory.appendingPathComponent("taskgate-store-\(name).sqlite")
                    .path)
        case .postgres:
            var url = try PostgresStoreURL(parsing: Self.postgresURL ?? "")
            url.schema = name
            return .postgres(url)
        }
    }

    /// Runs `body` with a store on a fresh location, and removes an SQLite file afterwards.
    func withFreshStore(_ body: (any TaskgateStore) async throws -> Void) async throws {
        let location = try freshLocation()
        defer { Self.remove(location) }
        try await location.withStore(logger: Self.logger, body)
    }

    /// Deletes an SQLite file and its journal files.
    static func remove(_ location: StoreLocation) {
        guard case .sqlite(let path) = location else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Quiet: the tests look at results, not logs.
    static let logger = Logger(label: "store-test") { _ in SwiftLogNoOpLogHandler() }
}
