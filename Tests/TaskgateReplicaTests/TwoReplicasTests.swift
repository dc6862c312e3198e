import Foundation
import Logging
import TaskgateCore
import TaskgateEmulators
import TaskgateUpstream
import Testing

/// Two replicas, one truth (issue 9): two `taskgate serve` processes on one PostgreSQL in front of one
/// emulator. The same create with the same `Idempotency-Key` sent to both at once makes one upstream task;
/// creates, updates and deletes split across the two lose no id mapping.
@Suite(.enabled(if: ReplicaPair.postgresURL != nil, "TASKGATE_TEST_POSTGRES_URL names no PostgreSQL server"))
struct TwoReplicasTests {
    @Test func sameKeyAtBothReplicasCreatesOneTask() async throws {
        try await ReplicaPair.run { pair in
            let keys = (0..<40).map { "key-\($0)-\(UUID().uuidString.lowercased())" }
            let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
                for (index, key) in keys.enumerated() {
                    group.addTask {
                        let body = ReplicaPair.task(named: "Keyed \(index)")
                        async let first = pair.send(0, "POST", ReplicaPair.collection, body: body, key: key)
                        async let second = pair.send(1, "POST", ReplicaPair.collection, body: body, key: key)
                        return [try await first.status, try await second.status]
                    }
                }
                var all: [[Int]] = []
                for try await statuses in group { all.append(statuses) }
                return all
            }
            // Each key: one create answered 200, the other either replayed (200) or told the first is still
            // running (409); never two tasks.
            for pairOfStatuses in statuses {
                #expect(pairOfStatuses.filter { $0 == 200 }.count >= 1, "\(pairOfStatuses)")
                #expect(pairOfStatuses.allSatisfy { $0 == 200 || $0 == 409 }, "\(pairOfStatuses)")
            }
            #expect(try await pair.upstreamTaskCount() == keys.count)
            // Repeating every key at either replica replays the one answer.
            for (index, key) in keys.enumerated() {
                let body = ReplicaPair.task(named: "Keyed \(index)")
                let replayed = try await pair.send(index % 2, "POST", ReplicaPair.collection, body: body, key: key)
                #expect(replayed.status == 200)
                #expect(replayed.headers.first(named: "Idempotent-Replayed") == "true")
            }
            #expect(try await pair.upstreamTaskCount() == keys.count)
        }
    }

    @Test func createsUpdatesAndDeletesAcrossReplicasLoseNoMapping() async throws {
        try await ReplicaPair.run { pair in
            let count = 60
            // Creates split across the two replicas, all at once.
            let ids = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for index in 0..<count {
                    group.addTask {
                        let created = try await pair.send(
                            index % 2, "POST", ReplicaPair.collection, body: ReplicaPair.task(named: "Task \(index)"))
                        guard created.status == 200, let id = ReplicaPair.frontID(created.json) else {
                            throw ReplicaFailure(description: "create \(index): \(created.status) \(created.text)")
                        }
                        return (index, id)
                    }
                }
                var all: [(Int, String)] = []
                for try await created in group { all.append(created) }
                return all.sorted { $0.0 < $1.0 }.map(\.1)
            }
            #expect(Set(ids).count == count)
            #expect(try await pair.upstreamTaskCount() == count)
            // Every task read, updated or deleted through the replica that did not create it, all at once.
            let deleted = Set(ids.enumerated().filter { $0.offset.isMultiple(of: 3) }.map(\.element))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, id) in ids.enumerated() {
                    group.addTask {
                        let replica = (index + 1) % 2
                        let read = try await pair.send(replica, "GET", "\(ReplicaPair.collection)/\(id)")
                        #expect(read.status == 200, "read \(id): \(read.text)")
                        if deleted.contains(id) {
                            let gone = try await pair.send(replica, "DELETE", "\(ReplicaPair.collection)/\(id)")
                            #expect((200..<300).contains(gone.status), "delete \(id): \(gone.text)")
                        } else {
                            let body = ReplicaPair.task(named: "Task \(id), renamed")
                            let updated = try await pair.send(
                                replica, ReplicaPair.updateMethod, "\(ReplicaPair.collection)/\(id)", body: body)
                            #expect(updated.status == 200, "update \(id): \(updated.text)")
                        }
                    }
                }
                try await group.waitForAll()
            }
            // Both replicas agree on every id.
            for id in ids {
                for replica in 0..<2 {
                    let read = try await pair.send(replica, "GET", "\(ReplicaPair.collection)/\(id)")
                    #expect(read.status == (deleted.contains(id) ? 404 : 200), "replica \(replica), \(id)")
                    if !deleted.contains(id) {
                        #expect(read.json?["description"] == .string("Task \(id), renamed"))
                        #expect(read.json?["id"] == .string(id))
                    }
                }
            }
            #expect(try await pair.upstreamTaskCount() == count - deleted.count)
        }
    }
}

/// A failure the test names.
struct ReplicaFailure: Error, CustomStringConvertible {
    var description: String
}
