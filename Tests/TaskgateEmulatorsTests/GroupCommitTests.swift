import Foundation
import GRDB
import Synchronization
import Testing

@testable import TaskgateEmulators

@Suite("group commit")
struct GroupCommitTests {
    private struct Refused: Error, Equatable {
        var value: Int
    }

    /// A WAL database file with one table, as the emulators open theirs.
    private static func database() throws -> (DatabasePool, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("group-commit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: folder.appendingPathComponent("store.sqlite").path)
        try pool.write { try $0.execute(sql: "CREATE TABLE item (value INTEGER PRIMARY KEY)") }
        return (pool, folder)
    }

    /// ``database()`` with a `child` table whose deferred foreign key is checked at `COMMIT`: a write of a
    /// child without its parent makes its whole group's transaction fail.
    private static func databaseFailingAtCommit() async throws -> (DatabasePool, URL) {
        let (pool, folder) = try database()
        try await pool.write { database in
            try database.execute(
                sql: """
                    CREATE TABLE parent (id INTEGER PRIMARY KEY);
                    CREATE TABLE child (id INTEGER PRIMARY KEY,
                        parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
                    """)
        }
        return (pool, folder)
    }

    @Test("concurrent writes each get their own result; one that throws is rolled back alone")
    func concurrentWritesAndRefusals() async throws {
        let (pool, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Groups of at most 7, so that 300 writes make many groups and refusals fall inside them.
        let commits = GroupCommit(writer: pool, maximumGroup: 7)
        let outcomes = await withTaskGroup(of: (Int, Result<Int, Refused>).self) { group in
            for value in 0..<300 {
                group.addTask {
                    do {
                        let stored = try await commits.write { database in
                            try database.execute(sql: "INSERT INTO item (value) VALUES (?)", arguments: [value])
                            // Every fifth write throws after its insert: the insert must not survive.
                            if value % 5 == 0 { throw Refused(value: value) }
                            return try Int.fetchOne(
                                database, sql: "SELECT COUNT(*) FROM item WHERE value = ?", arguments: [value]) ?? -1
                        }
                        return (value, .success(stored))
                    } catch let refused as Refused {
                        return (value, .failure(refused))
                    } catch {
                        return (value, .failure(Refused(value: -1)))
                    }
                }
            }
            var outcomes: [Int: Result<Int, Refused>] = [:]
            for await (value, outcome) in group { outcomes[value] = outcome }
            return outcomes
        }
        #expect(outcomes.count == 300)
        for value in 0..<300 {
            let expected: Result<Int, Refused> = value % 5 == 0 ? .failure(Refused(value: value)) : .success(1)
            #expect(outcomes[value] == expected, "write \(value)")
        }
        let stored = try await pool.read { try Int.fetchAll($0, sql: "SELECT value FROM item ORDER BY value") }
        #expect(stored == (0..<300).filter { $0 % 5 != 0 })
    }

    @Test("writes of one caller are applied in the order they were made")
    func order() async throws {
        let (pool, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await pool.write { try $0.execute(sql: "CREATE TABLE log (position INTEGER PRIMARY KEY, value INTEGER)") }
        let commits = GroupCommit(writer: pool)
        for value in 0..<50 {
            try await commits.write { database in
                try database.execute(sql: "INSERT INTO log (value) VALUES (?)", arguments: [value])
            }
        }
        let values = try await pool.read { try Int.fetchAll($0, sql: "SELECT value FROM log ORDER BY position") }
        #expect(values == Array(0..<50))
    }

    @Test("a failed commit fails every write of its group, and none is stored")
    func failedCommit() async throws {
        let (pool, folder) = try await Self.databaseFailingAtCommit()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commits = GroupCommit(writer: pool)
        await #expect(throws: DatabaseError.self) {
            try await commits.write { database in
                try database.execute(sql: "INSERT INTO child (id, parent) VALUES (1, 42)")
            }
        }
        let count = try await pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM child") }
        #expect(count == 0)
    }

    /// Blocks the writer's thread, inside a group, until `count` writes wait for the next: they are then
    /// there when the group looks for writes to join it. Gives up after ten seconds.
    private static func hold(_ commits: GroupCommit, untilWaiting count: Int) {
        let deadline = Date().addingTimeInterval(10)
        while commits.waitingCount < count, Date() < deadline { usleep(1000) }
    }

    /// Starts `work` as a write of `commits` and returns once the writer runs it.
    private static func startWrite(
        _ commits: GroupCommit, _ work: @escaping @Sendable (Database) throws -> Int
    ) async -> Task<Int, any Error> {
        let (started, signal) = AsyncStream<Void>.makeStream()
        let task = Task {
            try await commits.write { database in
                signal.yield()
                return try work(database)
            }
        }
        for await _ in started { break }
        return task
    }

    @Test("writes that arrive while a group runs join its transaction, up to the group's limit")
    func lateWritesJoinTheRunningGroup() async throws {
        let (pool, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let committedGroups = Mutex(0)
        let commits = GroupCommit(
            writer: pool, maximumGroup: 2, afterCommit: { _ in committedGroups.withLock { $0 += 1 } })
        // Each write answers the number of groups committed before its own.
        let groupOfWrite: @Sendable (Database) throws -> Int = { _ in committedGroups.withLock { $0 } }
        let first = await Self.startWrite(commits) { database in
            Self.hold(commits, untilWaiting: 2)
            return try groupOfWrite(database)
        }
        let second = Task { try await commits.write(groupOfWrite) }
        let third = Task { try await commits.write(groupOfWrite) }
        let groups = [try await first.value, try await second.value, try await third.value]
        // The first group took the first write and one of the two that waited; the other went in the next.
        #expect(groups.sorted() == [0, 0, 1])
        #expect(groups[0] == 0)
        #expect(committedGroups.withLock { $0 } == 2)
    }

    @Test("a failed commit fails the writes that joined its group too", .timeLimit(.minutes(1)))
    func failedCommitFailsLateWrites() async throws {
        let (pool, folder) = try await Self.databaseFailingAtCommit()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commits = GroupCommit(writer: pool)
        let failing = await Self.startWrite(commits) { database in
            try database.execute(sql: "INSERT INTO child (id, parent) VALUES (1, 42)")
            Self.hold(commits, untilWaiting: 1)
            return 1
        }
        let late = Task {
            try await commits.write { database in
                try database.execute(sql: "INSERT INTO item (value) VALUES (7)")
                return 2
            }
        }
        await #expect(throws: DatabaseError.self) { try await failing.value }
        await #expect(throws: DatabaseError.self) { try await late.value }
        let stored = try await pool.read { database in
            [
                try Int.fetchOne(database, sql: "SELECT COUNT(*) FROM child"),
                try Int.fetchOne(database, sql: "SELECT COUNT(*) FROM item"),
            ]
        }
        #expect(stored == [0, 0])
    }
}
