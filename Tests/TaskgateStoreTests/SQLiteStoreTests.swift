import Foundation
import TaskgateCore
import TaskgateStore
import Testing

func temporaryDatabasePath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("taskgate-store-\(UUID().uuidString).sqlite").path
}

@Suite("SQLiteStore")
struct SQLiteStoreTests {
    @Test func idMapInEachStyle() async throws {
        let store = try SQLiteStore()
        let fylr1 = try await store.frontID(upstream: .vco, upstreamID: "u-1", front: .fylr, style: .integer)
        let fylr2 = try await store.frontID(upstream: .vco, upstreamID: "u-2", front: .fylr, style: .integer)
        let again = try await store.frontID(upstream: .vco, upstreamID: "u-1", front: .fylr, style: .integer)
        #expect(fylr1 == IDMapping(front: .fylr, frontID: "1", upstream: .vco, upstreamID: "u-1"))
        #expect(fylr2.frontID == "2")
        #expect(again == fylr1)
        let qlik = try await store.frontID(upstream: .wyn, upstreamID: "w-1", front: .qlikSharing, style: .hex24)
        #expect(qlik.frontID.count == 24)
        #expect(qlik.frontID.allSatisfy { "0123456789abcdef".contains($0) })
        let vco = try await store.frontID(upstream: .fylr, upstreamID: "7", front: .vco, style: .uuid)
        #expect(UUID(uuidString: vco.frontID) != nil)
        #expect(vco.frontID == vco.frontID.lowercased())
        #expect(try await store.mapping(front: .vco, frontID: vco.frontID, upstream: .fylr) == vco)
        #expect(try await store.mapping(upstream: .fylr, upstreamID: "7", front: .vco) == vco)
        #expect(try await store.mapping(upstream: .fylr, upstreamID: "8", front: .vco) == nil)
        #expect(try await store.removeMapping(front: .vco, frontID: vco.frontID, upstream: .fylr))
        #expect(try await store.removeMapping(front: .vco, frontID: vco.frontID, upstream: .fylr) == false)
        #expect(try await store.mapping(front: .vco, frontID: vco.frontID, upstream: .fylr) == nil)
        #expect(FrontIDStyle.style(of: .fylr) == .integer)
        #expect(FrontIDStyle.style(of: .qlikSharing) == .hex24)
        #expect(FrontIDStyle.style(of: .vco) == .uuid)
    }

    @Test func idempotencyKeys() async throws {
        let store = try SQLiteStore()
        #expect(try await store.claimIdempotencyKey("k1", requestHash: "h1") == .claimed)
        #expect(try await store.claimIdempotencyKey("k1", requestHash: "h1") == .inProgress)
        let response = StoredResponse(status: 201, body: Array(#"{"id":"9"}"#.utf8), upstreamID: "9")
        try await store.completeIdempotencyKey("k1", response: response)
        #expect(try await store.claimIdempotencyKey("k1", requestHash: "h1") == .completed(response))
        let conflict = await #expect(throws: StoreError.self) {
            try await store.claimIdempotencyKey("k1", requestHash: "h2")
        }
        #expect(
            conflict?.description
                == "claim idempotency key 'k1': the key was first used with request hash h1, not h2")
        #expect(conflict?.kind == .idempotencyConflict(key: "k1"))
        #expect(try await store.claimIdempotencyKey("k2", requestHash: "h") == .claimed)
        try await store.releaseIdempotencyKey("k2")
        #expect(try await store.claimIdempotencyKey("k2", requestHash: "other") == .claimed)
        let missing = await #expect(throws: StoreError.self) {
            try await store.completeIdempotencyKey("nope", response: response)
        }
        #expect(missing?.description == "complete idempotency key 'nope': the key was never claimed")
    }

    @Test func journalRecordsEveryStep() async throws {
        let store = try SQLiteStore()
        let planned = try await store.planMigration(run: "r1", taskSourceIDs: ["a", "b"])
        #expect(planned.map(\.taskSourceID) == ["a", "b"])
        #expect(planned.map(\.step) == [.planned, .planned])
        #expect(Set(planned.map(\.idempotencyKey)).count == 2)
        _ = try await store.recordStep(run: "r1", taskSourceID: "a", step: .creating)
        let created = try await store.recordStep(run: "r1", taskSourceID: "a", step: .created(upstreamID: "u-a"))
        #expect(created.idempotencyKey == planned[0].idempotencyKey)
        _ = try await store.recordStep(run: "r1", taskSourceID: "a", step: .verified(upstreamID: "u-a"))
        _ = try await store.recordStep(run: "r1", taskSourceID: "b", step: .failed(message: "422 schedule refused"))
        let replanned = try await store.planMigration(run: "r1", taskSourceIDs: ["a", "b", "c"])
        #expect(
            replanned.map(\.step) == [.verified(upstreamID: "u-a"), .failed(message: "422 schedule refused"), .planned])
        #expect(replanned[0].idempotencyKey == planned[0].idempotencyKey)
        #expect(
            try await store.history(run: "r1", taskSourceID: "a")
                == [.planned, .creating, .created(upstreamID: "u-a"), .verified(upstreamID: "u-a")])
        #expect(try await store.journal(run: "other").isEmpty)
        let missing = await #expect(throws: StoreError.self) {
            try await store.recordStep(run: "r1", taskSourceID: "zzz", step: .creating)
        }
        #expect(
            missing?.description
                == "record step creating of task 'zzz' in run 'r1': the task was not planned in this run")
    }

    @Test func stepsOfSeveralTasksInOneTransaction() async throws {
        let store = try SQLiteStore()
        _ = try await store.planMigration(run: "r1", taskSourceIDs: ["a", "b", "c"])
        try await store.recordSteps(run: "r1", steps: [(taskSourceID: "a", step: .creating), ("b", .creating)])
        try await store.recordSteps(
            run: "r1", steps: [("a", .created(upstreamID: "u-a")), ("b", .failed(message: "409"))])
        #expect(
            try await store.journal(run: "r1").map(\.step) == [
                .created(upstreamID: "u-a"), .failed(message: "409"), .planned,
            ])
        #expect(
            try await store.history(run: "r1", taskSourceID: "a") == [.planned, .creating, .created(upstreamID: "u-a")])
        // All or nothing: a task not planned in the run leaves every step of the batch unrecorded.
        let missing = await #expect(throws: StoreError.self) {
            try await store.recordSteps(run: "r1", steps: [("c", .creating), ("zzz", .creating)])
        }
        #expect(
            missing?.description
                == "record step creating of task 'zzz' in run 'r1': the task was not planned in this run")
        #expect(try await store.journal(run: "r1").map(\.step).last == .planned)
    }

    @Test func manyTasksAtOnce() async throws {
        let path = temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteStore(path: path)
        let mappings = try await withThrowingTaskGroup(of: IDMapping.self) { group in
            for index in 0..<200 {
                group.addTask {
                    // Every upstream id asked for twice, concurrently: one mapping each.
                    try await store.frontID(
                        upstream: .vco, upstreamID: "u-\(index % 100)", front: .fylr, style: .integer)
                }
            }
            var all: [IDMapping] = []
            for try await mapping in group { all.append(mapping) }
            return all
        }
        #expect(Set(mappings).count == 100)
        #expect(Set(mappings.map(\.frontID)) == Set((1...100).map(String.init)))
        let claims = try await withThrowingTaskGroup(of: IdempotencyClaim.self) { group in
            for _ in 0..<50 {
                group.addTask { try await store.claimIdempotencyKey("same", requestHash: "h") }
            }
            var all: [IdempotencyClaim] = []
            for try await claim in group { all.append(claim) }
            return all
        }
        #expect(claims.filter { $0 == .claimed }.count == 1)
        #expect(claims.filter { $0 == .inProgress }.count == 49)
    }

    @Test func reopeningAFileKeepsData() async throws {
        let path = temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try await {
            let store = try SQLiteStore(path: path)
            let mapping = try await store.frontID(
                upstream: .qlikSharing, upstreamID: "q", front: .fylr, style: .integer)
            _ = try await store.claimIdempotencyKey("k", requestHash: "h")
            try await store.completeIdempotencyKey("k", response: StoredResponse(status: 201, body: [1, 2]))
            _ = try await store.planMigration(run: "r", taskSourceIDs: ["t"])
            _ = try await store.recordStep(run: "r", taskSourceID: "t", step: .creating)
            return mapping
        }()
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.mapping(upstream: .qlikSharing, upstreamID: "q", front: .fylr) == first)
        #expect(
            try await reopened.claimIdempotencyKey("k", requestHash: "h")
                == .completed(StoredResponse(status: 201, body: [1, 2])))
        #expect(try await reopened.journal(run: "r").map(\.step) == [.creating])
        let next = try await reopened.frontID(upstream: .qlikSharing, upstreamID: "q2", front: .fylr, style: .integer)
        #expect(next.frontID == "2")
    }
}
