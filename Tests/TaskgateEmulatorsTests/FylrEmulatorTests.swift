import HTTPTypes
import TaskgateCore
import Testing

@testable import TaskgateEmulators

@Suite("fylr emulator")
struct FylrEmulatorTests {
    let base = "/api/v1/task"

    func error(_ status: Int, _ code: String, _ message: String, _ parameters: JSONObject) -> JSONValue {
        var parameters = parameters
        parameters["realm"] = .string("api")
        parameters["statuscode"] = .integer(Int64(status))
        return .object([
            "code": .string(code), "error": .string(message), "package": .string("task"),
            "parameters": .object(parameters), "realm": .string("api"), "statuscode": .integer(Int64(status)),
        ])
    }

    @Test("create gives integer ids, version 1, status new; PATCH needs version + 1")
    func createAndPatch() async throws {
        let body = try EmulatorHarness.fixture(.fylr, "weekday-berlin.json")
        try await EmulatorHarness.run(.fylr) { client async throws in
            let created = try await client.send(.post, base, body)
            #expect(created.status == .ok)
            #expect(created.json?["task"]?["_id"] == .integer(1))
            #expect(created.json?["task"]?["status"] == .string("new"))
            #expect(created.json?["created_at"] == .string("2026-04-01T00:00:00Z"))
            let second = try await client.send(.put, base, body)
            #expect(second.json?["task"]?["_id"] == .integer(2))
            var task = body["task"]?.objectValue ?? [:]
            task["description"] = .string("changed")
            let staleBody = body.setting("task", .object(task))
            task["_version"] = .integer(2)
            let freshBody = body.setting("task", .object(task))
            let stale = try await client.send(.patch, "\(base)/1", staleBody)
            #expect(
                stale.json
                    == error(
                        400, "VersionMismatch", "The version 1 does not match the expected version 2.",
                        [
                            "currentversion": .integer(1), "expected": .integer(2), "expectedversion": .integer(2),
                            "got": .integer(1), "object": .string("task 1"), "receivedversion": .integer(1),
                        ]))
            let patched = try await client.send(.patch, "\(base)/1", freshBody)
            #expect(patched.status == .ok)
            #expect(patched.json?["task"]?["description"] == .string("changed"))
            #expect(patched.json?["task"]?["_id"] == .integer(1))
        }
    }

    @Test("unknown module, bad schedule, non-integer id")
    func validation() async throws {
        let body = try EmulatorHarness.fixture(.fylr, "weekday-berlin.json")
        var task = body["task"]?.objectValue ?? [:]
        task["task_module"] = .string("indexing")
        let unknownBody = body.setting("task", .object(task))
        task["task_module"] = .string("search")
        task["schedules"] = .array([.object(["hours": .array([.integer(25)])])])
        let scheduleBody = body.setting("task", .object(task))
        try await EmulatorHarness.run(.fylr) { client async throws in
            let unknown = try await client.send(.post, base, unknownBody)
            #expect(
                unknown.json
                    == error(
                        400, "ModuleUnknown", "The module name \"indexing\" is unknown.", ["name": .string("indexing")])
            )
            let schedule = try await client.send(.post, base, scheduleBody)
            #expect(schedule.json?["code"] == .string("ScheduleInvalid"))
            let notInteger = try await client.send(.get, "\(base)/abc")
            #expect(
                notInteger.json
                    == error(
                        400, "ParameterInvalid", "taskId 'abc' is not an integer",
                        ["name": .string("taskId"), "value": .string("abc")]))
        }
    }

    @Test("get 404 ResourceNotFound, cancel 400 when not running, log, delete acknowledged, 401 UserRequired")
    func endpoints() async throws {
        let body = try EmulatorHarness.fixture(.fylr, "weekday-berlin.json")
        try await EmulatorHarness.run(.fylr) { client async throws in
            #expect(
                try await client.send(.get, "\(base)/9").json
                    == error(404, "ResourceNotFound", "task 9 not found", ["resource": .string("task 9")]))
            _ = try await client.send(.post, base, body)
            #expect(
                try await client.send(.post, "\(base)/1/cancel").json
                    == error(
                        400, "TaskNotRunning", "task 1 is not running (status new)",
                        ["object": .string("task 1"), "status": .string("new")]))
            #expect(try await client.send(.get, "\(base)/1/log").json == .array([]))
            #expect(
                try await client.send(.delete, "\(base)/1").json
                    == .object(["status": .object(["acknowledged": .string("ok")])]))
            #expect(
                try await client.send(.delete, "\(base)/1").json
                    == error(404, "ObjectNotFound", "task 1 not found", ["object": .string("task 1")]))
            let anonymous = try await client.send(.get, base, headers: [:])
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.json == error(401, "UserRequired", "missing or invalid credentials", [:]))
            #expect(try await client.send(.get, "\(base)?access_token=secret", headers: [:]).status == .ok)
            #expect(try await client.send(.get, "\(base)/modules").json?["modules"]?.arrayValue?.count == 6)
        }
    }
}
