import Foundation
import GRDB
import TaskgateCore
import Testing

@testable import TaskgateEmulators

/// The task numbers (fylr's ids) handed out in commit groups: the same numbers as when every create wrote the
/// counter in its own savepoint.
@Suite("task numbers")
struct TaskNumbersTests {
    private struct Refused: Error {}

    /// A fresh folder for a store file.
    private static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("task-numbers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Creates `count` fylr tasks at once; the ones whose position `refuses` throw in `make`. The numbers the
    /// stored ones got.
    private static func create(
        _ count: Int, in store: TaskStore, refusing refuses: @escaping @Sendable (Int) -> Bool = { _ in false }
    ) async -> [Int64] {
        await withTaskGroup(of: Int64?.self) { group in
            for position in 0..<count {
                group.addTask {
                    let stored = try? await store.insert(product: .fylr) { number in
                        if refuses(position) { throw Refused() }
                        return (String(number), .object(["_id": .integer(number)]))
                    }
                    return stored.flatMap { Int64($0.id) }
                }
            }
            var numbers: [Int64] = []
            for await number in group { number.map { numbers.append($0) } }
            return numbers.sorted()
        }
    }

    @Test("concurrent creates get 1, 2, … without a gap or a repeat; the count goes on after a reopen and a delete")
    func numbersAcrossGroupsAndReopens() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        let store = try TaskStore(path: path)
        #expect(await Self.create(300, in: store) == Array(1...300))
        #expect(try await store.delete(product: .fylr, id: "300"))
        // Another product's creates do not take fylr's numbers.
        _ = try await store.insert(product: .wyn) { _ in ("a", .object([:])) }
        let reopened = try TaskStore(path: path)
        #expect(await Self.create(2, in: reopened) == [301, 302])
    }

    @Test("a create that fails gives its number back to the next one")
    func failedCreatesGiveTheirNumbersBack() async throws {
        let store = try TaskStore(path: nil)
        // One create in five fails in `make`, after it was handed its number.
        let numbers = await Self.create(100, in: store) { $0 % 5 == 0 }
        #expect(numbers == Array(1...80))
        #expect(await Self.create(1, in: store) == [81])
    }

    @Test("a group whose commit fails hands out none of its numbers")
    func failedGroupKeepsTheCounter() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pool = try DatabasePool(path: folder.appendingPathComponent("store.sqlite").path)
        try await pool.write { database in
            // A deferred foreign key is checked at COMMIT: the group's transaction fails as a whole.
            try database.execute(
                sql: """
                    CREATE TABLE counter (product TEXT PRIMARY KEY, last INTEGER NOT NULL);
                    CREATE TABLE parent (id INTEGER PRIMARY KEY);
                    CREATE TABLE child (id INTEGER PRIMARY KEY,
                        parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
                    """)
        }
        let numbers = TaskNumbers()
        let commits = GroupCommit(writer: pool, groupState: numbers)
        await #expect(throws: DatabaseError.self) {
            try await commits.write { database in
                let number = try numbers.next(for: .fylr, in: database)
                try database.execute(sql: "INSERT INTO child (id, parent) VALUES (?, 42)", arguments: [number])
            }
        }
        let counted = try await pool.read { try Int64.fetchOne($0, sql: "SELECT last FROM counter") }
        #expect(counted == nil)
        let next = try await commits.write { database in try numbers.next(for: .fylr, in: database) }
        #expect(next == 1)
        let stored = try await pool.read { try Int64.fetchOne($0, sql: "SELECT last FROM counter") }
        #expect(stored == 1)
    }
}
