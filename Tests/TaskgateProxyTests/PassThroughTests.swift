import Foundation
import TaskgateCore
import Testing

/// Same product on both sides: every route goes through unconverted, with the credentials swapped.
@Suite struct PassThroughTests {
    @Test func wynEveryRoute() async throws {
        let task = try ProxyHarness.example(.wyn, "01-seed-cash-flow-report.json")
        try await ProxyHarness.run(front: .wyn, upstream: .wyn) { harness in
            let base = "/api/v2/scheduler/tasks"
            let created = try await harness.front("POST", base, task)
            #expect(created.status == 200)
            let id = try #require(created.json?["id"]?.stringValue)
            // The task landed upstream as sent, with the server's fields.
            let stored = try await harness.upstream("GET", "\(base)/\(id)")
            #expect(stored.json?["description"] == .string("Cash Flow Report Task"))
            #expect(stored.json?["trigger"] == task["trigger"])

            let listed = try await harness.front("GET", "\(base)?limit=10")
            #expect(listed.status == 200)
            #expect(listed.json?["totalCount"] == .integer(1))
            #expect(listed.json?["items"]?.arrayValue?.first?["id"] == .string(id))

            let read = try await harness.front("GET", "\(base)/\(id)")
            #expect(read.status == 200)
            #expect(read.json == stored.json)

            var changed = task.objectValue ?? [:]
            changed["description"] = .string("Cash Flow Report, weekly")
            let updated = try await harness.front("PUT", "\(base)/\(id)", .object(changed))
            #expect(updated.status == 200)
            #expect(updated.json?["description"] == .string("Cash Flow Report, weekly"))

            let run = try await harness.front("POST", "\(base)/\(id)/run")
            #expect(run.status == 200)
            #expect(run.json?["taskId"] == .string(id))
            #expect(run.json?["status"] == .string("Succeeded"))

            let deleted = try await harness.front("DELETE", "\(base)/\(id)")
            #expect(deleted.status == 204)
            let gone = try await harness.front("GET", "\(base)/\(id)")
            #expect(gone.status == 404)
            #expect(gone.text == "")
        }
    }

    @Test func fylrEveryRoute() async throws {
        var envelope = try ProxyHarness.example(.fylr, "01-nightly-purge-current.json").objectValue ?? [:]
        var inner = envelope["task"]?.objectValue ?? [:]
        for key in ["_id", "status", "status_msg", "status_percent", "run_started_at", "run_finished_at"] {
            inner.removeValue(forKey: key)
        }
        inner["_version"] = .integer(1)
        envelope["task"] = .object(inner)
        let sent = inner
        for key in ["created_at", "updated_at", "_user"] { envelope.removeValue(forKey: key) }
        let task = JSONValue.object(envelope)
        try await ProxyHarness.run(front: .fylr, upstream: .fylr) { harness in
            let base = "/api/v1/task"
            let created = try await harness.front("POST", base, task)
            #expect(created.status == 200)
            let id = try #require(created.json?["task"]?["_id"]?.integerValue)
            #expect(id == 1)
            let stored = try await harness.upstream("GET", "\(base)/1")
            #expect(stored.json?["task"]?["schedules"] == sent["schedules"])

            let listed = try await harness.front("GET", "\(base)?limit=5&offset=0")
            #expect(listed.json?["count"] == .integer(1))
            #expect(listed.json?["limit"] == .integer(5))
            #expect(listed.json?["objects"]?.arrayValue?.first?["task"]?["_id"] == .integer(1))

            let read = try await harness.front("GET", "\(base)/1")
            #expect(read.status == 200)
            #expect(read.json == stored.json)

            var edited = sent
            edited["_version"] = .integer(2)
            edited["description"] = .string("Nightly purge, edited")
            let patched = try await harness.front("PATCH", "\(base)/1", .object(["task": .object(edited)]))
            #expect(patched.status == 200)
            #expect(patched.json?["task"]?["description"] == .string("Nightly purge, edited"))

            // A stale version comes back as fylr's own error, status and envelope kept.
            let stale = try await harness.front("PATCH", "\(base)/1", .object(["task": .object(edited)]))
            #expect(stale.status == 400)
            #expect(stale.json?["code"] == .string("VersionMismatch"))

            let deleted = try await harness.front("DELETE", "\(base)/1")
            #expect(deleted.status == 200)
            #expect(deleted.json == .object(["status": .object(["acknowledged": .string("ok")])]))
            let gone = try await harness.front("GET", "\(base)/1")
            #expect(gone.status == 404)
            #expect(gone.json?["code"] == .string("ResourceNotFound"))
        }
    }
}
