import HTTPTypes
import TaskgateCore
import Testing

@testable import TaskgateEmulators

@Suite("Qlik sharing emulator")
struct QlikSharingEmulatorTests {
    let base = "/api/v1/sharing-tasks"

    func error(_ status: Int, _ title: String, _ detail: String) -> JSONValue {
        .object([
            "errors": .array([
                .object([
                    "code": .string("HTTP-\(status)"), "title": .string(title), "detail": .string(detail),
                    "meta": .object(["httpCode": .integer(Int64(status))]),
                ])
            ])
        ])
    }

    @Test("the worked example is created (201) with server fields and the RRULE's next run")
    func create() async throws {
        let body = try EmulatorHarness.fixture(.qlikSharing, "weekly-berlin.json")
        try await EmulatorHarness.run(.qlikSharing) { client async throws in
            let reply = try await client.send(.post, base, body)
            #expect(reply.status == .created)
            let json = try #require(reply.json)
            #expect(json["id"]?.stringValue?.count == 24)
            #expect(json["owner"] == .string("taskgate"))
            #expect(json["dateCreated"] == .string("2026-04-01T00:00:00.000Z"))
            #expect(json["scheduleOptions"]?["nextExecutionTime"] == .string("2026-10-05T05:30:00Z"))
            #expect(json["nextScheduledRun"] == .string("2026-10-05T05:30:00Z"))
            #expect(json["scheduleOptions"]?["lastExecutionTime"] == .string(""))
        }
    }

    @Test("the seed's sample body is refused: its 2006 start is older than one year")
    func seedBodyStartTooOld() async throws {
        let body = try EmulatorHarness.fixture(.qlikSharing, "seed-create.json")
        try await EmulatorHarness.run(.qlikSharing) { client async throws in
            let reply = try await client.send(.post, base, body)
            #expect(reply.status == .badRequest)
            #expect(
                reply.json?.removing("traceId")
                    == error(
                        400, "Bad Request",
                        "scheduleOptions.startDateTime must not be older than one year before the current date"))
            #expect(reply.json?["traceId"]?.stringValue?.count == 16)
        }
    }

    @Test(
        "schedule rules",
        arguments: [
            (JSONValue.array([]), "scheduleOptions.recurrence must hold at least 1 and at most 5 RRULEs"),
            (
                .array(Array(repeating: .string("RRULE:FREQ=DAILY"), count: 6)),
                "scheduleOptions.recurrence must hold at least 1 and at most 5 RRULEs"
            ),
            (
                .array([.string("RRULE:FREQ=DAILY;UNTIL=20270101T000000Z")]),
                "scheduleOptions.recurrence[0]: UNTIL is not allowed"
            ),
            (
                .array([.string("DTSTART:20260101T000000"), .string("RRULE:FREQ=DAILY")]),
                "scheduleOptions.recurrence[0]: DTSTART is not allowed"
            ),
        ])
    func recurrenceRules(recurrence: JSONValue, detail: String) async throws {
        let body = try EmulatorHarness.fixture(.qlikSharing, "weekly-berlin.json")
        var options = body["scheduleOptions"]?.objectValue ?? [:]
        options["recurrence"] = recurrence
        let request = body.setting("scheduleOptions", .object(options))
        try await EmulatorHarness.run(.qlikSharing) { client async throws in
            let reply = try await client.send(.post, base, request)
            #expect(reply.status == .badRequest)
            #expect(reply.json?.removing("traceId") == error(400, "Bad Request", detail))
        }
    }

    @Test("a start or end with an offset is refused", arguments: ["2026-10-05T07:30:00Z", "2026-10-05T07:30:00+01:00"])
    func offsetBanned(start: String) async throws {
        let body = try EmulatorHarness.fixture(.qlikSharing, "weekly-berlin.json")
        var options = body["scheduleOptions"]?.objectValue ?? [:]
        options["startDateTime"] = .string(start)
        let request = body.setting("scheduleOptions", .object(options))
        try await EmulatorHarness.run(.qlikSharing) { client async throws in
            let reply = try await client.send(.post, base, request)
            #expect(
                reply.json?.removing("traceId")
                    == error(
                        400, "Bad Request",
                        "scheduleOptions.startDateTime '\(start)' must be a local date-time without a UTC offset"))
        }
    }

    @Test("required fields", arguments: ["name", "type", "state", "templates"])
    func required(field: String) async throws {
        let body = try EmulatorHarness.fixture(.qlikSharing, "weekly-berlin.json")
        try await EmulatorHarness.run(.qlikSharing) { client async throws in
            let reply = try await client.send(.post, base, body.setting(field, nil))
            #expect(reply.json?.removing("traceId") == error(400, "Bad Request", "\(field) is required"))
        }
    }

    @Test("patch, settings and execute routes are literal; cancel, delete and 404s")
    func routes() async throws {
        let body = try EmulatorHarness.fixture(.qlikSharing, "weekly-berlin.json")
        try await EmulatorHarness.run(.qlikSharing) { client async throws in
            let id = try #require(try await client.send(.post, base, body).json?["id"]?.stringValue)
            let patch: JSONValue = .array([
                .object(["op": .string("replace"), "path": .string("/name"), "value": .string("Renamed")]),
                .object(["op": .string("replace"), "path": .string("/enabled"), "value": .bool(false)]),
            ])
            #expect(try await client.send(.patch, "\(base)/\(id)", patch).status == .noContent)
            let read = try await client.send(.get, "\(base)/\(id)")
            #expect(read.json?["name"] == .string("Renamed"))
            #expect(read.json?["enabled"] == .bool(false))
            let badPatch: JSONValue = .array([
                .object(["op": .string("replace"), "path": .string("/type"), "value": .string("x")])
            ])
            let refused = try await client.send(.patch, "\(base)/\(id)", badPatch)
            #expect(
                refused.json?.removing("traceId")
                    == error(
                        400, "Bad Request",
                        "[0].path '/type' cannot be patched; expected one of /bookmarkId, /dataConnectionID, "
                            + "/description, /enabled, /name, /ownerId, /recipient, /recipients, /scheduleOptions, "
                            + "/sharePointFolder, /tags, /templates, /transportChannels"))
            let badOperation = try await client.send(
                .patch, "\(base)/\(id)", .array([.object(["op": .string("move"), "path": .string("/name")])]))
            #expect(
                badOperation.json?.removing("traceId")
                    == error(400, "Bad Request", #"[0].op is "move"; expected replace or remove"#))
            #expect(try await client.send(.get, "\(base)/settings").json?["enable-sharing"] == .bool(true))
            let execute = try await client.send(
                .post, "\(base)/actions/execute", .object(["sharingTaskID": .string(id)]))
            #expect(execute.status == .noContent)
            #expect(try await client.send(.post, "\(base)/\(id)/actions/cancel").status == .noContent)
            #expect(try await client.send(.delete, "\(base)/\(id)").status == .noContent)
            let missing = try await client.send(.get, "\(base)/\(id)")
            #expect(missing.json?.removing("traceId") == error(404, "Not Found", "task not found"))
        }
    }

    @Test("401 without a bearer token, in the error shape")
    func auth() async throws {
        try await EmulatorHarness.run(.qlikSharing) { client async throws in
            let reply = try await client.send(.get, base, headers: [.authorization: "Bearer nope"])
            #expect(reply.status == .unauthorized)
            #expect(reply.json?.removing("traceId") == error(401, "Unauthorized", "missing or invalid credentials"))
        }
    }
}
