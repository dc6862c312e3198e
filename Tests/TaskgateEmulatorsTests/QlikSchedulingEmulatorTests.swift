import HTTPTypes
import TaskgateCore
import Testing

@testable import TaskgateEmulators

@Suite("Qlik scheduling emulator")
struct QlikSchedulingEmulatorTests {
    let base = "/api/scheduling/tasks"

    func error(_ code: String, _ status: Int, _ title: String) -> JSONValue {
        .object([
            "errors": .array([
                .object(["code": .string(code), "title": .string(title), "status": .integer(Int64(status))])
            ])
        ])
    }

    @Test("the worked example is created enabled with server metadata; without enabled it is disabled")
    func createEnabledAndDisabled() async throws {
        let body = try EmulatorHarness.fixture(.qlikScheduling, "weekday-berlin.json")
        try await EmulatorHarness.run(.qlikScheduling) { client async throws in
            let created = try await client.send(.post, base, body)
            #expect(created.status == .created)
            #expect(created.json?["enabled"] == .bool(true))
            #expect(created.json?["metadata"]?["createdAt"] == .string("2026-04-01T00:00:00.000Z"))
            #expect(created.json?["metadata"]?["ownerId"] == .string("taskgate"))
            #expect(created.json?["id"]?.stringValue?.count == 36)
            let disabled = try await client.send(.post, base, body.setting("enabled", nil))
            #expect(disabled.json?["enabled"] == .bool(false))
            #expect(disabled.json?["metadata"]?["disabledCode"] == .string("MANUALLY"))
        }
    }

    @Test("PUT resets omitted fields; PATCH keeps the rest")
    func putAndPatch() async throws {
        let body = try EmulatorHarness.fixture(.qlikScheduling, "weekday-berlin.json")
        try await EmulatorHarness.run(.qlikScheduling) { client async throws in
            let id = try #require(try await client.send(.post, base, body).json?["id"]?.stringValue)
            let put = try await client.send(
                .put, "\(base)/\(id)", .object(["name": .string("Bare"), "specVersion": .string("0.8")]))
            #expect(put.status == .ok)
            #expect(put.json?["enabled"] == .bool(false))
            #expect(put.json?["description"] == nil)
            #expect(put.json?["start"] == nil)
            #expect(put.json?["metadata"]?["createdAt"] == .string("2026-04-01T00:00:00.000Z"))
            let patch: JSONValue = .array([
                .object(["op": .string("replace"), "path": .string("/enabled"), "value": .bool(true)]),
                .object(["op": .string("add"), "path": .string("/description"), "value": .string("d")]),
            ])
            let patched = try await client.send(.patch, "\(base)/\(id)", patch)
            #expect(patched.status == .ok)
            #expect(patched.json?["enabled"] == .bool(true))
            #expect(patched.json?["description"] == .string("d"))
            #expect(patched.json?["name"] == .string("Bare"))
        }
    }

    @Test(
        "schedule and body rules with CHO codes",
        arguments: [
            ("name", JSONValue.null, "CHO-001", "name is required"),
            ("specVersion", .null, "CHO-001", "specVersion is required"),
            ("start", .object(["stateName": .string("reload")]), "CHO-001", "Start has no StartdefOneOf field"),
            (
                "start",
                .object([
                    "schedule": .object([
                        "recurrence": .string("RRULE:FREQ=DAILY"),
                        "startDateTime": .string("2026-05-01T00:00:00"), "endDateTime": .string("2026-04-30T00:00:00"),
                    ])
                ]),
                "CHO-017", "endDateTime must be after startDateTime"
            ),
            (
                "start",
                .object([
                    "schedule": .object([
                        "recurrence": .string("RRULE:FREQ=DAILY"),
                        "endDateTime": .string("2026-03-01T00:00:00"),
                    ])
                ]),
                "CHO-017", "endDateTime must not be in the past"
            ),
        ])
    func rules(field: String, value: JSONValue, code: String, title: String) async throws {
        let body = try EmulatorHarness.fixture(.qlikScheduling, "weekday-berlin.json")
        try await EmulatorHarness.run(.qlikScheduling) { client async throws in
            let reply = try await client.send(.post, base, body.setting(field, value == .null ? nil : value))
            #expect(reply.status == .badRequest)
            #expect(reply.json?.removing("traceId") == error(code, 400, title))
        }
    }

    @Test("an unreadable RRULE is CHO-017")
    func badRule() async throws {
        let body = try EmulatorHarness.fixture(.qlikScheduling, "weekday-berlin.json")
        let start: JSONValue = .object(["schedule": .object(["recurrence": .string("RRULE:FREQ=SOMETIMES")])])
        try await EmulatorHarness.run(.qlikScheduling) { client async throws in
            let reply = try await client.send(.post, base, body.setting("start", start))
            #expect(reply.json?["errors"]?.arrayValue?.first?["code"] == .string("CHO-017"))
        }
    }

    @Test("start, runs, last run, log; last run 404 before any run; delete")
    func runs() async throws {
        let body = try EmulatorHarness.fixture(.qlikScheduling, "weekday-berlin.json")
        try await EmulatorHarness.run(.qlikScheduling) { client async throws in
            let id = try #require(try await client.send(.post, base, body).json?["id"]?.stringValue)
            let never = try await client.send(.get, "\(base)/\(id)/runs/last")
            #expect(never.json?.removing("traceId") == error("CHO-004", 404, "task has not run yet"))
            let started = try await client.send(.post, "\(base)/\(id)/actions/start")
            #expect(started.json == .object(["message": .string("Task started successfully.")]))
            let last = try await client.send(.get, "\(base)/\(id)/runs/last")
            #expect(last.json?["status"] == .string("SUCCEEDED"))
            #expect(last.json?["triggeredBy"] == .string("manual"))
            let runID = try #require(last.json?["id"]?.stringValue)
            let list = try await client.send(.get, "\(base)/\(id)/runs")
            #expect(list.json?["data"]?.arrayValue?.count == 1)
            let log = try await client.send(.get, "\(base)/\(id)/runs/\(runID)/log")
            #expect(log.json == .object(["logContent": .string("reload of \(id) finished")]))
            #expect(try await client.send(.delete, "\(base)/\(id)").status == .noContent)
            #expect(try await client.send(.get, "\(base)/\(id)").status == .notFound)
        }
    }
}
