import Foundation
import GRDB
import HTTPTypes
import TaskgateCore
import Testing

@testable import TaskgateEmulators

@Suite("Emulator core: pagination, persistence, faults")
struct SharedBehaviourTests {
    @Test("Qlik sharing links.next across 3 pages")
    func linksNextPages() async throws {
        let body = try EmulatorHarness.fixture(.qlikSharing, "weekly-berlin.json")
        try await EmulatorHarness.run(.qlikSharing) { client async throws in
            for _ in 0..<7 { _ = try await client.send(.post, "/api/v1/sharing-tasks", body) }
            var uri: String? = "/api/v1/sharing-tasks?limit=3"
            var sizes: [Int] = []
            var ids: Set<String> = []
            while let next = uri {
                let page = try await client.send(.get, next)
                #expect(page.json?["totalCount"] == .integer(7))
                let tasks = page.json?["sharingTasks"]?.arrayValue ?? []
                sizes.append(tasks.count)
                ids.formUnion(tasks.compactMap { $0["id"]?.stringValue })
                uri = page.json?["links"]?["next"]?["href"]?.stringValue.map {
                    String($0.drop(while: { $0 != "/" }).dropFirst(2).drop(while: { $0 != "/" }))
                }
            }
            #expect(sizes == [3, 3, 1])
            #expect(ids.count == 7)
        }
    }

    @Test("Qlik scheduling cursor pages across 3 pages")
    func cursorPages() async throws {
        let body = try EmulatorHarness.fixture(.qlikScheduling, "weekday-berlin.json")
        try await EmulatorHarness.run(.qlikScheduling) { client async throws in
            for _ in 0..<5 { _ = try await client.send(.post, "/api/scheduling/tasks", body) }
            var sizes: [Int] = []
            var page: String? = nil
            repeat {
                let uri = "/api/scheduling/tasks?limit=2" + (page.map { "&page=\($0)" } ?? "")
                let reply = try await client.send(.get, uri)
                sizes.append(reply.json?["data"]?.arrayValue?.count ?? -1)
                page = reply.json?["links"]?["next"]?["href"]?.stringValue?.components(separatedBy: "page=").last
            } while page != nil
            #expect(sizes == [2, 2, 1])
        }
    }

    @Test("fylr and vCO offset pages across 3 pages; a bad limit names the parameter")
    func offsetPages() async throws {
        let fylr = try EmulatorHarness.fixture(.fylr, "weekday-berlin.json")
        try await EmulatorHarness.run(.fylr) { client async throws in
            for _ in 0..<5 { _ = try await client.send(.post, "/api/v1/task", fylr) }
            var ids: [JSONValue] = []
            for offset in [0, 2, 4] {
                let page = try await client.send(.get, "/api/v1/task?limit=2&offset=\(offset)")
                #expect(page.json?["count"] == .integer(5))
                ids += (page.json?["objects"]?.arrayValue ?? []).compactMap { $0["task"]?["_id"] }
            }
            #expect(ids == (1...5).map { .integer(Int64($0)) })
            let bad = try await client.send(.get, "/api/v1/task?limit=zero")
            #expect(
                bad.json?["error"] == .string("query parameter 'limit' is 'zero'; expected an integer from 1 to 1000"))
        }
        let vco = try EmulatorHarness.fixture(.vco, "weekday-new-york.json")
        try await EmulatorHarness.run(.vco) { client async throws in
            for _ in 0..<5 { _ = try await client.send(.post, "/vco/api/tasks", vco) }
            var count = 0
            for start in [0, 2, 4] {
                let page = try await client.send(.get, "/vco/api/tasks?maxResult=2&startIndex=\(start)")
                #expect(page.json?["total"] == .integer(5))
                count += page.json?["link"]?.arrayValue?.count ?? 0
            }
            #expect(count == 5)
        }
    }

    @Test("restart on the same database file keeps every task")
    func restartKeepsTasks() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "emulators-\(UUID().uuidString).sqlite"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fylr = try EmulatorHarness.fixture(.fylr, "weekday-berlin.json")
        let wyn = try EmulatorHarness.fixture(.wyn, "seed-create.json")
        let created: [JSONValue] = try await {
            let database = try EmulatorDatabase(path: path)
            var bodies: [JSONValue] = []
            bodies += try await EmulatorHarness.run(.fylr, database: database) { client async throws in
                var out: [JSONValue] = []
                for _ in 0..<3 { out.append(try await client.send(.post, "/api/v1/task", fylr).json ?? .null) }
                return out
            }
            bodies += try await EmulatorHarness.run(.wyn, database: database) { client async throws in
                [try await client.send(.post, "/api/v2/scheduler/tasks", wyn).json ?? .null]
            }
            return bodies
        }()
        let database = try EmulatorDatabase(path: path)
        let fylrAfter = try await EmulatorHarness.run(.fylr, database: database) { client async throws in
            try await client.send(.get, "/api/v1/task").json?["objects"]?.arrayValue ?? []
        }
        let wynAfter = try await EmulatorHarness.run(.wyn, database: database) { client async throws in
            try await client.send(.get, "/api/v2/scheduler/tasks").json?["items"]?.arrayValue ?? []
        }
        #expect(fylrAfter + wynAfter == created)
        let next = try await EmulatorHarness.run(.fylr, database: database) { client async throws in
            try await client.send(.post, "/api/v1/task", fylr).json?["task"]?["_id"]
        }
        #expect(next == .integer(4))
    }

    @Test("concurrent creates all land, with distinct ids")
    func concurrentCreates() async throws {
        let body = try EmulatorHarness.fixture(.fylr, "weekday-berlin.json")
        try await EmulatorHarness.run(.fylr) { client async throws in
            let ids = try await withThrowingTaskGroup(of: JSONValue?.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await client.send(.post, "/api/v1/task", body).json?["task"]?["_id"] }
                }
                var ids: [JSONValue?] = []
                for try await id in group { ids.append(id) }
                return ids
            }
            #expect(Set(ids.compactMap { $0 }).count == 20)
        }
    }

    @Test("429 fault carries Retry-After in the product's shape; 5xx fault")
    func faults() async throws {
        var rateLimited = FaultSpec()
        rateLimited.rateLimitShare = 1
        rateLimited.retryAfterSeconds = 7
        try await EmulatorHarness.run(.vco, faults: rateLimited) { client async throws in
            let reply = try await client.send(.get, "/vco/api/tasks")
            #expect(reply.status == .tooManyRequests)
            #expect(reply.headers[.retryAfter] == "7")
            #expect(reply.json == .object(["status": .integer(429), "message": .string("rate limit exceeded")]))
        }
        let failing = try FaultSpec(parsing: "5xx=1")
        try await EmulatorHarness.run(.fylr, faults: failing) { client async throws in
            #expect(try await client.send(.get, "/api/v1/task").status == .serviceUnavailable)
        }
    }

    @Test("fault specs parse, and errors name the item")
    func faultSpecParsing() throws {
        let spec = try FaultSpec(parsing: "5xx=0.1,delay=50ms,drop=0.02,429=0.05")
        #expect(spec.serverErrorShare == 0.1)
        #expect(spec.delayMilliseconds == 50)
        #expect(spec.dropShare == 0.02)
        #expect(spec.rateLimitShare == 0.05)
        #expect(try FaultSpec(parsing: "delay=2s").delayMilliseconds == 2000)
        #expect(throws: FaultSpecError(item: "drop=x", expected: "a share between 0 and 1, such as 0.05")) {
            try FaultSpec(parsing: "5xx=0.1,drop=x")
        }
        #expect(throws: FaultSpecError(item: "boom=1", expected: "KEY one of 5xx, 429, drop, delay, retry-after")) {
            try FaultSpec(parsing: "boom=1")
        }
        #expect(!FaultSpec().isEnabled)
    }
}

/// Pages walk the tasks of a product in creation order through its range of rowids (``TaskSequences``):
/// without an index or a range SQLite sorted every task of the product, bodies included, for every page
/// (134 ms a page at 10,000 tasks).
@Suite("emulator pages")
struct EmulatorPageTests {
    /// The first rowids of Wyn's and fylr's ranges: slots 1 and 4 of 2^40 rowids each.
    static let wynStart: Int64 = 1_099_511_627_776
    static let fylrStart: Int64 = 4_398_046_511_104

    /// A database file's path, and the removal of its three files.
    private static func temporaryDatabase() -> (path: String, remove: () -> Void) {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("taskgate-pages-\(UUID().uuidString).sqlite").path
        let remove = {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return (path, remove)
    }

    /// Creates a task of `product`: its id is `id`, or its task number as fylr's are.
    private static func create(
        _ store: TaskStore, _ product: EmulatedProduct, id: String? = nil
    ) async throws -> StoredTask {
        try await store.insert(product: product) { number in
            (id ?? String(number), .object(["n": .integer(number)]))
        }
    }

    @Test func pagesWalkTheProductsRangeOfRowids() async throws {
        let (path, remove) = Self.temporaryDatabase()
        defer { remove() }
        let database = try EmulatorDatabase(path: path)
        let plan = try await database.store.pagePlan(product: .wyn)
        #expect(plan == ["SEARCH task USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"])
    }

    @Test("a task's sequence is its product's range start plus its task number")
    func sequencesInRanges() async throws {
        let store = try EmulatorDatabase(path: nil).store
        let fylrFirst = try await Self.create(store, .fylr)
        let wyn = try await Self.create(store, .wyn, id: "w")
        let fylrSecond = try await Self.create(store, .fylr)
        #expect([fylrFirst.sequence, fylrSecond.sequence] == [Self.fylrStart + 1, Self.fylrStart + 2])
        #expect([fylrFirst.id, fylrSecond.id] == ["1", "2"])
        #expect(wyn.sequence == Self.wynStart + 1)
        #expect(try await store.tasks(product: .fylr, offset: 0, limit: 10).tasks == [fylrFirst, fylrSecond])
        #expect(try await store.tasks(product: .fylr, after: 0, limit: 10) == [fylrFirst, fylrSecond])
        #expect(try await store.tasks(product: .fylr, after: fylrFirst.sequence, limit: 10) == [fylrSecond])
        // A cursor from another product's range starts at the range's beginning or past its end.
        #expect(try await store.tasks(product: .wyn, after: fylrFirst.sequence, limit: 10) == [])
        #expect(try await store.tasks(product: .vco, after: wyn.sequence, limit: 10) == [])
        #expect(try await store.tasks(product: .wyn, offset: 0, limit: 10).total == 1)
    }

    /// A store written before the ranges (AUTOINCREMENT rowids and an index on product and sequence) keeps
    /// its tasks, their order and their numbers; the counter of a product whose creates took none is raised.
    @Test("the migration into ranges keeps order, ids and numbers")
    func migrationIntoRanges() async throws {
        let (path, remove) = Self.temporaryDatabase()
        defer { remove() }
        let old = try DatabaseQueue(path: path)
        try await old.write { database in
            try database.execute(
                sql: """
                    CREATE TABLE task (sequence INTEGER PRIMARY KEY AUTOINCREMENT, product TEXT NOT NULL,
                        id TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (product, id));
                    CREATE TABLE run (sequence INTEGER PRIMARY KEY AUTOINCREMENT, product TEXT NOT NULL,
                        task_id TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL);
                    CREATE INDEX run_by_task ON run (product, task_id);
                    CREATE TABLE counter (product TEXT PRIMARY KEY, last INTEGER NOT NULL);
                    CREATE INDEX task_by_product_sequence ON task (product, sequence);
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1'), ('v2: pages in creation order');
                    INSERT INTO task (product, id, body) VALUES
                        ('fylr', '3', '{"n":3}'), ('wyn', 'w-b', '{"n":0}'), ('fylr', '7', '{"n":7}'),
                        ('wyn', 'w-a', '{"n":0}');
                    INSERT INTO counter VALUES ('fylr', 7);
                    """)
        }
        try old.close()
        let store = try EmulatorDatabase(path: path).store
        let fylr = try await store.tasks(product: .fylr, offset: 0, limit: 10).tasks
        #expect(fylr.map(\.id) == ["3", "7"])
        #expect(fylr.map(\.sequence) == [Self.fylrStart + 1, Self.fylrStart + 2])
        #expect(fylr.map(\.text) == [#"{"n":3}"#, #"{"n":7}"#])
        #expect(try await store.tasks(product: .wyn, offset: 0, limit: 10).tasks.map(\.id) == ["w-b", "w-a"])
        // fylr goes on from its counter; Wyn's counter, absent, now counts its two tasks.
        let next = try await Self.create(store, .fylr)
        #expect([next.id, String(next.sequence - Self.fylrStart)] == ["8", "8"])
        let wyn = try await Self.create(store, .wyn, id: "w-c")
        #expect(wyn.sequence == Self.wynStart + 3)
        #expect(try await store.tasks(product: .wyn, offset: 0, limit: 10).tasks.map(\.id) == ["w-b", "w-a", "w-c"])
        #expect(try await store.task(product: .fylr, id: "7")?.sequence == Self.fylrStart + 2)
    }
}

/// A page splices the stored texts of its tasks into the envelope instead of decoding and encoding each
/// task again; the bytes must be those of the whole page written at once.
@Suite("emulator page bytes")
struct EmulatorPageBytesTests {
    static let tasks = [
        StoredTask(sequence: 1, id: "a", body: .object(["name": .string("ä \"quoted\""), "n": .integer(-3)])),
        StoredTask(sequence: 2, id: "b", body: .object(["list": .array([.null, .bool(true), .double(0.5)])])),
    ]

    @Test(
        "spliced page equals JSONWriter of the whole page",
        arguments: [
            (["totalCount": JSONValue.integer(2)], "items"),
            (["limit": .integer(2), "offset": .integer(0), "count": .integer(2)], "objects"),
            (["links": .object(["next": .object(["href": .string("/x?page=2")])])], "data"),
            ([:], "sharingTasks"),
            (["zzz": .string("after the tasks"), "a": .string("before")], "m"),
        ] as [(JSONObject, String)])
    func splicedPage(envelope: JSONObject, key: String) {
        var whole = envelope
        whole[key] = .array(Self.tasks.map(\.body))
        #expect(Reply.pageBytes(envelope, Self.tasks, at: key) == JSONWriter.bytes(.object(whole)))
        #expect(
            Reply.pageBytes(envelope, [], at: key)
                == JSONWriter.bytes(.object(envelope.merging([key: .array([])]) { $1 })))
    }
}
