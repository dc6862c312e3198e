import TaskgateStore
import TaskgateStorePostgres
import Testing

/// `--store` values: a `postgres://` URL selects PostgreSQL, anything else is an SQLite file, and no
/// password is ever shown.
@Suite struct StoreLocationTests {
    @Test func anythingButAPostgresURLIsAnSQLiteFile() throws {
        #expect(try StoreLocation("taskgate.sqlite") == .sqlite(path: "taskgate.sqlite"))
        #expect(try StoreLocation("/var/lib/taskgate/store.db") == .sqlite(path: "/var/lib/taskgate/store.db"))
        #expect(try StoreLocation("postgres.sqlite") == .sqlite(path: "postgres.sqlite"))
    }

    @Test func postgresURLIsReadAndShownWithoutItsPassword() throws {
        let location = try StoreLocation("postgres://gate:s%40cret%2Fpw@db.example.com:6543/taskgate?schema=tg_one")
        #expect(
            location
                == .postgres(
                    PostgresStoreURL(
                        host: "db.example.com", port: 6543, username: "gate", password: "s@cret/pw",
                        database: "taskgate", schema: "tg_one")))
        #expect(location.description == "postgres://gate:***@db.example.com:6543/taskgate?schema=tg_one")
        let plain = try StoreLocation("postgresql://postgres@127.0.0.1/tests?sslmode=disable")
        #expect(
            plain
                == .postgres(
                    PostgresStoreURL(
                        host: "127.0.0.1", port: 5432, username: "postgres", database: "tests", tls: .disable)))
        #expect(plain.description == "postgres://postgres@127.0.0.1:5432/tests?sslmode=disable")
    }

    @Test func malformedURLsAreRefusedWithoutThePassword() {
        let cases: [(String, String)] = [
            (
                "postgres://gate:hunter2@db/",
                "open store at postgres://gate:***@db/: the URL names no database (postgres://USER@HOST/DATABASE)"
            ),
            ("postgres://gate:hunter2@/x", "open store at postgres://gate:***@/x: the URL names no host"),
            ("postgres://db.example.com/x", "open store at postgres://db.example.com/x: the URL names no user"),
            (
                "postgres://gate:hunter2@db/x?schema=Bad-Name",
                "open store at postgres://gate:***@db/x: schema 'Bad-Name' is not a plain identifier "
                    + "(lower-case letters, digits and _, at most 63)"
            ),
            (
                "postgres://gate:hunter2@db/x?sslmode=verify-full",
                "open store at postgres://gate:***@db/x: sslmode 'verify-full' is not one of "
                    + "disable, prefer, require"
            ),
            (
                "postgres://gate:hunter2@db/x?password=hunter2",
                "open store at postgres://gate:***@db/x: 'password' is not a parameter; expected "
                    + "schema or sslmode"
            ),
            (
                "postgres://gate:hunter2@db:port/x",
                "open store at postgres://gate:***@db:port/x: expected postgres://USER:PASSWORD@HOST:PORT/DATABASE"
            ),
        ]
        for (text, message) in cases {
            do {
                _ = try StoreLocation(text)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.description == message)
                #expect(error.kind == .database)
                #expect(!error.description.contains("hunter2"))
            }
        }
    }

    @Test func redactionCoversUnreadableURLs() {
        #expect(PostgresStoreURL.redact("postgres://u:p@ss@h/d") == "postgres://u:***@h/d")
        #expect(PostgresStoreURL.redact("postgres://u@h/d") == "postgres://u@h/d")
        #expect(PostgresStoreURL.redact("postgres://u@h/d?password=x") == "postgres://u@h/d")
        #expect(PostgresStoreURL.redact("postgres://h:5432/d") == "postgres://h:5432/d")
        #expect(PostgresStoreURL.redact("a/b.sqlite") == "a/b.sqlite")
    }

    @Test func unreachableServerFailsWithoutThePassword() async throws {
        let location = try StoreLocation("postgres://gate:hunter2@127.0.0.1:1/taskgate?sslmode=disable")
        do {
            _ = try await location.withStore(logger: StoreKind.logger) { _ in Issue.record("opened") }
        } catch let error as StoreError {
            #expect(error.operation == "open store at postgres://gate:***@127.0.0.1:1/taskgate?sslmode=disable")
            #expect(error.message.hasPrefix("connectionError"), "\(error.message)")
            #expect(!error.description.contains("hunter2"))
        }
    }
}
