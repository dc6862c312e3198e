import Foundation
import TaskgateCore
import TaskgateStore
import TaskgateStorePostgres
import Testing

/// The store protocol's contract, run against every store `StoreKind.available` names: the same
/// expectations, word for word, for SQLite and PostgreSQL.
@Suite("Store contract")
struct StoreContractTests {
    @Test(arguments: StoreKind.available)
    func idMapInEachStyle(kind: StoreKind) async throws {
        try await kind.withFreshStore { store in
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
        }
        #expect(FrontIDStyle.style(of: .fylr) == .integer)
        #expect(FrontIDStyle.style(of: .qlikSharing) == .hex24)
        #expect(FrontIDStyle.style(of: .vco) == .uuid)
        #expect(FrontIDStyle.hex24.drawnID().utf8.count == 24)
        #expect(UUID(uuidString: FrontIDStyle.uuid.drawnID()) != nil)
    }

    @Test(arguments: StoreKind.available)
    func frontDocumentsLiveWithTheirMapping(kind: StoreKind) async throws {
        try await kind.withFreshStore { store in
            let mapping = try await store.frontID(upstream: .vco, upstreamID: "u-1", front: .wyn, style: .uuid)
            #expect(try await store.frontDocument(front: .wyn, frontID: mapping.frontID, upstream: .vco) == nil)
            let document = Array(#"{"description":"Cash flow","nul":"\u0000"}"#.utf8) + [0, 255]
            try await store.keepFrontDocument(document, front: .wyn, frontID: mapping.frontID, upstream: .vco)
            #expect(try await store.frontDocument(front: .wyn, frontID: mapping.frontID, upstream: .vco) == document)
            // A later write replaces it; the mapping itself is unchanged.
            try await store.keepFrontDocument(Array("{}".utf8), front: .wyn, frontID: mapping.frontID, upstream: .vco)
            #expect(
                try await store.frontDocument(front: .wyn, frontID: mapping.frontID, upstream: .vco)
                    == Array("{}".utf8))
            #expect(try await store.mapping(front: .wyn, frontID: mapping.frontID, upstream: .vco) == mapping)
            // Without a mapping nothing is kept; removing the mapping forgets the document.
            try await store.keepFrontDocument(document, front: .wyn, frontID: "unmapped", upstream: .vco)
            #expect(try await store.frontDocument(front: .wyn, frontID: "unmapped", upstream: .vco) == nil)
            #expect(try await store.removeMapping(front: .wyn, frontID: mapping.frontID, upstream: .vco))
            #expect(try await store.frontDocument(front: .wyn, frontID: mapping.frontID, upstream: .vco) == nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func aNewMappingTakesItsDocumentAndAnExistingOneIsUpdated(kind: StoreKind) async throws {
        try await kind.withFreshStore { store in
            let document = Array(#"{"description":"Cash flow"}"#.utf8) + [0, 255]
            let mapping = try await store.frontID(
                upstream: .fylr, upstreamID: "41", front: .wyn, style: .uuid, document: document)
            #expect(try await store.frontDocument(front: .wyn, frontID: mapping.frontID, upstream: .fylr) == document)
            // The same upstream task again: the same front id, and the document it came with replaces the old.
            let again = try await store.frontID(
                upstream: .fylr, upstreamID: "41", front: .wyn, style: .uuid, document: Array("{}".utf8))
            #expect(again == mapping)
            #expect(
                try await store.frontDocument(front: .wyn, frontID: mapping.frontID, upstream: .fylr)
                    == Array("{}".utf8))
            // Without a document an existing one is left as it is, and a new mapping has none.
            #expect(try await store.frontID(upstream: .fylr, upstreamID: "41", front: .wyn, style: .uuid) == mapping)
            #expect(
                try await store.frontDocument(front: .wyn, frontID: mapping.frontID, upstream: .fylr)
                    == Array("{}".utf8))
            let other = try await store.frontID(upstream: .fylr, upstreamID: "42", front: .wyn, style: .integer)
            #expect(try await store.frontDocument(front: .wyn, frontID: other.frontID, upstream: .fylr) == nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func idempotencyKeys(kind: StoreKind) async throws {
        try await kind.withFreshStore { store in
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
            #expect(missing?.kind == .notFound)
            // A completed key is not released by a late release.
            try await store.releaseIdempotencyKey("k1")
            #expect(try await store.claimIdempotencyKey("k1", requestHash: "h1") == .completed(response))
        }
    }

    @Test(arguments: StoreKind.available)
    func journalRecordsEveryStep(kind: StoreKind) async throws {
        try await kind.withFreshStore { store in
            let planned = try await store.planMigration(run: "r1", taskSourceIDs: ["a", "b"])
            #expect(planned.map(\.taskSourceID) == ["a", "b"])
            #expect(planned.map(\.step) == [.planned, .planned])
            #expect(Set(planned.map(\.idempotencyKey)).count == 2)
            _ = try await store.recordStep(run: "r1", taskSourceID: "a", step: .creating)
            let created = try await store.recordStep(run: "r1", taskSourceID: "a", step: .created(upstreamID: "u-a"))
            #expect(created.idempotencyKey == planned[0].idempotencyKey)
            _ = try await store.recordStep(run: "r1", taskSourceID: "a", step: .verified(upstreamID: "u-a"))
            _ = try await store.recordStep(
                run: "r1", taskSourceID: "b", step: .failed(message: "422 schedule refused"))
            let replanned = try await store.planMigration(run: "r1", taskSourceIDs: ["a", "b", "c"])
            #expect(
                replanned.map(\.step) == [
                    .verified(upstreamID: "u-a"), .failed(message: "422 schedule refused"), .planned,
                ])
            #expect(replanned[0].idempotencyKey == planned[0].idempotencyKey)
            #expect(
                try await store.history(run: "r1", taskSourceID: "a")
                    == [.planned, .creating, .created(upstreamID: "u-a"), .verified(upstreamID: "u-a")])
            #expect(try await store.journal(run: "r1") == replanned)
            #expect(try await store.journal(run: "other").isEmpty)
            let missing = await #expect(throws: StoreError.self) {
                try await store.recordStep(run: "r1", taskSourceID: "zzz", step: .creating)
            }
            #expect(
                missing?.description
                    == "record step creating of task 'zzz' in run 'r1': the task was not planned in this run")
        }
    }

    @Test(arguments: StoreKind.available)
    func manyTasksAtOnce(kind: StoreKind) async throws {
        try await kind.withFreshStore { store in
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
    }

    @Test(arguments: StoreKind.available)
    func reopeningKeepsData(kind: StoreKind) async throws {
        let location = try kind.freshLocation()
        defer { StoreKind.remove(location) }
        let first = try await location.withStore(logger: StoreKind.logger) { store in
            let mapping = try await store.frontID(
                upstream: .qlikSharing, upstreamID: "q", front: .fylr, style: .integer)
            _ = try await store.claimIdempotencyKey("k", requestHash: "h")
            try await store.completeIdempotencyKey("k", response: StoredResponse(status: 201, body: [1, 2]))
            _ = try await store.planMigration(run: "r", taskSourceIDs: ["t"])
            _ = try await store.recordStep(run: "r", taskSourceID: "t", step: .creating)
            return mapping
        }
        try await location.withStore(logger: StoreKind.logger) { reopened in
            #expect(try await reopened.mapping(upstream: .qlikSharing, upstreamID: "q", front: .fylr) == first)
            #expect(
                try await reopened.claimIdempotencyKey("k", requestHash: "h")
                    == .completed(StoredResponse(status: 201, body: [1, 2])))
            #expect(try await reopened.journal(run: "r").map(\.step) == [.creating])
            let next = try await reopened.frontID(
                upstream: .qlikSharing, upstreamID: "q2", front: .fylr, style: .integer)
            #expect(next.frontID == "2")
        }
    }

    // MARK: two instances, as two replicas

    /// Runs `body` with two stores (two pools) on one fresh location, both opened at once, so that their
    /// schema migrations race too.
    static func withTwoStores(
        _ kind: StoreKind, _ body: @Sendable (any TaskgateStore, any TaskgateStore) async throws -> Void
    ) async throws {
        let location = try kind.freshLocation()
        defer { StoreKind.remove(location) }
        let (stores, continuation) = AsyncStream.makeStream(of: (any TaskgateStore).self)
        let releases = [AsyncStream.makeStream(of: Void.self), AsyncStream.makeStream(of: Void.self)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for release in releases {
                group.addTask {
                    do {
                        try await location.withStore(logger: StoreKind.logger) { store in
                            continuation.yield(store)
                            for await _ in release.stream {}
                        }
                    } catch {
                        continuation.finish()
                        throw error
                    }
                }
            }
            defer { for release in releases { release.continuation.finish() } }
            var iterator = stores.makeAsyncIterator()
            guard let first = await iterator.next(), let second = await iterator.next() else {
                for release in releases { release.continuation.finish() }
                while try await group.next() != nil {}
                return
            }
            try await body(first, second)
        }
    }

    @Test(arguments: StoreKind.available)
    func twoInstancesClaimAKeyOnce(kind: StoreKind) async throws {
        try await Self.withTwoStores(kind) { first, second in
            for round in 0..<5 {
                let claims = try await withThrowingTaskGroup(of: IdempotencyClaim.self) { group in
                    for index in 0..<50 {
                        let store = index.isMultiple(of: 2) ? first : second
                        group.addTask { try await store.claimIdempotencyKey("key-\(round)", requestHash: "h") }
                    }
                    var all: [IdempotencyClaim] = []
                    for try await claim in group { all.append(claim) }
                    return all
                }
                #expect(claims.filter { $0 == .claimed }.count == 1)
                #expect(claims.filter { $0 == .inProgress }.count == 49)
            }
        }
    }

    @Test(arguments: StoreKind.available, [FrontIDStyle.integer, .uuid])
    func twoInstancesMapEachIDOnce(kind: StoreKind, style: FrontIDStyle) async throws {
        try await Self.withTwoStores(kind) { first, second in
            // 200 calls at once: 100 upstream ids, each asked for once through each instance.
            let mappings = try await withThrowingTaskGroup(of: IDMapping.self) { group in
                for index in 0..<200 {
                    let store = index.isMultiple(of: 2) ? first : second
                    group.addTask {
                        try await store.frontID(
                            upstream: .vco, upstreamID: "u-\(index / 2)", front: .fylr, style: style)
                    }
                }
                var all: [IDMapping] = []
                for try await mapping in group { all.append(mapping) }
                return all
            }
            #expect(Set(mappings).count == 100)
            #expect(Set(mappings.map(\.frontID)).count == 100)
            if style == .integer {
                #expect(Set(mappings.map(\.frontID)) == Set((1...100).map(String.init)))
            }
            for mapping in Set(mappings) {
                #expect(try await first.mapping(front: .fylr, frontID: mapping.frontID, upstream: .vco) == mapping)
                #expect(
                    try await second.mapping(upstream: .vco, upstreamID: mapping.upstreamID, front: .fylr) == mapping)
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func stepsOfSeveralTasksInOneTransaction(kind: StoreKind) async throws {
        try await kind.withFreshStore { store in
            _ = try await store.planMigration(run: "r1", taskSourceIDs: ["a", "b", "c"])
            try await store.recordSteps(run: "r1", steps: [(taskSourceID: "a", step: .creating), ("b", .creating)])
            try await store.recordSteps(
                run: "r1", steps: [("a", .created(upstreamID: "u-a")), ("b", .failed(message: "409"))])
            #expect(
                try await store.journal(run: "r1").map(\.step) == [
                    .created(upstreamID: "u-a"), .failed(message: "409"), .planned,
                ])
            #expect(
                try await store.history(run: "r1", taskSourceID: "a") == [
                    .planned, .creating, .created(upstreamID: "u-a"),
                ])
            // All or nothing: a task not planned in the run leaves every step of the batch unrecorded.
            let missing = await #expect(throws: StoreError.self) {
                try await store.recordSteps(run: "r1", steps: [("c", .creating), ("zzz", .creating)])
            }
            #expect(
                missing?.description
                    == "record step creating of task 'zzz' in run 'r1': the task was not planned in this run")
            #expect(try await store.journal(run: "r1").map(\.step).last == .planned)
        }
    }

    /// More steps than one statement carries (the SQLite store writes a hundred events to an `INSERT`): every
    /// task's history is whole and in order, whichever statement its events went in.
    @Test(arguments: StoreKind.available)
    func theHistoryOfEveryTaskOfALargeBatchIsWhole(kind: StoreKind) async throws {
        try await kind.withFreshStore { store in
            let ids = (0..<250).map { "t\($0)" }
            _ = try await store.planMigration(run: "r1", taskSourceIDs: ids)
            try await store.recordSteps(run: "r1", steps: ids.map { ($0, .creating) })
            try await store.recordSteps(run: "r1", steps: ids.map { ($0, .created(upstreamID: "u-" + $0)) })
            for id in ["t0", "t99", "t100", "t199", "t200", "t249"] {
                #expect(
                    try await store.history(run: "r1", taskSourceID: id) == [
                        .planned, .creating, .created(upstreamID: "u-" + id),
                    ])
            }
            #expect(try await store.journal(run: "r1").map(\.taskSourceID) == ids)
        }
    }
}
