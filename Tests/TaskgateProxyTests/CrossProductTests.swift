import Foundation
import TaskgateCore
import TaskgateProxy
import TaskgateUpstream
import TaskgateVendors
import Testing

/// Qlik sharing's API in front of a Wyn server: the Qlik chart is mapped to a Wyn document, and
/// the only loss is Qlik's report settings, which Wyn's undocumented payload cannot carry.
@Suite struct CrossProductTests {
    static let idMap = IDMap(entries: [
        IDMap.Entry(
            from: .qlikSharing, fromID: "0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e", to: .wyn,
            toID: "b1d3027c-f808-4a0b-b8d8-b398cc18631a")
    ])

    static func task() throws -> JSONValue {
        try ProxyHarness.example(.qlikSharing, "hourly-ops-no-zone.json")
    }

    @Test func strictRefusesWith422AndTheLossReport() async throws {
        let task = try Self.task()
        try await ProxyHarness.run(front: .qlikSharing, upstream: .wyn, idMap: Self.idMap) { harness in
            let answer = try await harness.front("POST", "/api/v1/sharing-tasks", task)
            #expect(answer.status == 422)
            print("STRICT", answer.text)
            let upstream = try await harness.upstream("GET", "/api/v2/scheduler/tasks")
            #expect(upstream.json?["totalCount"] == .integer(0))
        }
    }

    @Test func lenientForwardsWithTheLossHeader() async throws {
        let task = try Self.task()
        try await ProxyHarness.run(front: .qlikSharing, upstream: .wyn, lossPolicy: .lenient, idMap: Self.idMap) {
            harness in
            let answer = try await harness.front("POST", "/api/v1/sharing-tasks", task)
            print("LENIENT", answer.status, answer.headers.first(named: "Taskgate-Loss") ?? "-", answer.text)
            #expect(answer.status == 201)
            let id = try #require(answer.json?["id"]?.stringValue)
            #expect(id.count == 24)
            let upstream = try await harness.upstream("GET", "/api/v2/scheduler/tasks")
            print("UPSTREAM", upstream.text)
            #expect(upstream.json?["totalCount"] == .integer(1))
            // Read, list and delete through the front, by the front id.
            let read = try await harness.front("GET", "/api/v1/sharing-tasks/\(id)")
            #expect(read.status == 200)
            #expect(read.json?["id"] == .string(id))
            let listed = try await harness.front("GET", "/api/v1/sharing-tasks?limit=5")
            #expect(listed.json?["totalCount"] == .integer(1))
            #expect(listed.json?["sharingTasks"]?.arrayValue?.first?["id"] == .string(id))
            let run = try await harness.front("POST", "/api/v1/sharing-tasks/actions/execute", .object(["sharingTaskID": .string(id)]))
            #expect(run.status == 204)
            let deleted = try await harness.front("DELETE", "/api/v1/sharing-tasks/\(id)")
            #expect(deleted.status == 204)
            let gone = try await harness.front("GET", "/api/v1/sharing-tasks/\(id)")
            #expect(gone.status == 404)
            let after = try await harness.upstream("GET", "/api/v2/scheduler/tasks")
            #expect(after.json?["totalCount"] == .integer(0))
        }
    }

    @Test func dryRunReturnsTheConvertedRequestWithoutSending() async throws {
        let task = try Self.task()
        try await ProxyHarness.run(front: .qlikSharing, upstream: .wyn, lossPolicy: .lenient, idMap: Self.idMap) {
            harness in
            let answer = try await harness.front("POST", "/api/v1/sharing-tasks?dryRun=true", task)
            print("DRYRUN", answer.status, answer.text)
            #expect(answer.status == 200)
            #expect(answer.json?["request"]?["method"] == .string("POST"))
            #expect(answer.json?["request"]?["url"] == .string("\(harness.upstreamURL)/api/v2/scheduler/tasks"))
            #expect(answer.json?["schedule"]?["status"] == .string("exact"))
            let upstream = try await harness.upstream("GET", "/api/v2/scheduler/tasks")
            #expect(upstream.json?["totalCount"] == .integer(0))
        }
    }

    @Test func upstreamErrorsComeBackInTheFrontShape() async throws {
        try await ProxyHarness.run(front: .qlikSharing, upstream: .wyn) { harness in
            // No id map: the Wyn task has no documentId, and Wyn's validation error comes back as Qlik's.
            let answer = try await harness.front("GET", "/api/v1/sharing-tasks/0123456789abcdef01234567")
            #expect(answer.status == 404)
            print("ERR", answer.text)
        }
    }
}
