import HTTPTypes
import TaskgateCore
import Testing

@testable import TaskgateEmulators

@Suite("Wyn emulator")
struct WynEmulatorTests {
    let base = "/api/v2/scheduler/tasks"

    @Test("the seed's own body is created with id, owner, timestamps and the Quartz.NET next run")
    func createSeedBody() async throws {
        let seed = try EmulatorHarness.fixture(.wyn, "seed-create.json")
        try await EmulatorHarness.run(.wyn) { client async throws in
            let created = try await client.send(.post, base, seed)
            #expect(created.status == .ok)
            let id = try #require(created.json?["id"]?.stringValue)
            var expected = seed.objectValue ?? [:]
            expected["id"] = .string(id)
            expected["owner"] = .string("taskgate")
            expected["createdTime"] = .string("2026-04-01T00:00:00Z")
            expected["lastModifiedTime"] = .string("2026-04-01T00:00:00Z")
            // Saturday 4 April is the start; Monday 6 April 08:00 New York is the first fire.
            expected["nextRunTime"] = .string("2026-04-06T12:00:00Z")
            #expect(created.json == .object(expected))
            let read = try await client.send(.get, "\(base)/\(id)")
            #expect(read.json == .object(expected))
        }
    }

    @Test("an invalid Quartz pattern is a 400 problem-details body naming the pattern")
    func invalidQuartz() async throws {
        let seed = try EmulatorHarness.fixture(.wyn, "seed-create.json")
        var trigger = seed["trigger"]?["pattern"]?.objectValue ?? [:]
        trigger["patterns"] = .array([.string("0 0 8 * * MON")])
        let body = seed.setting("trigger", .object(["pattern": .object(trigger)]))
        try await EmulatorHarness.run(.wyn) { client async throws in
            let reply = try await client.send(.post, base, body)
            #expect(reply.status == .badRequest)
            #expect(reply.json?["title"] == .string("One or more validation errors occurred."))
            #expect(reply.json?["status"] == .integer(400))
            let messages = reply.json?["errors"]?["$.trigger.pattern.patterns[0]"]?.arrayValue
            #expect(messages?.count == 1)
        }
    }

    @Test(
        "required fields and the one-of trigger rule",
        arguments: [
            ("description", "$.description", "The description field is required."),
            ("documentId", "$.documentId", "The documentId field is required."),
            ("trigger", "$.trigger", "The trigger field is required."),
            ("task", "$.task", "The task field is required when compoundTask is false."),
        ])
    func requiredFields(field: String, path: String, message: String) async throws {
        let seed = try EmulatorHarness.fixture(.wyn, "seed-create.json")
        try await EmulatorHarness.run(.wyn) { client async throws in
            let reply = try await client.send(.post, base, seed.setting(field, nil))
            #expect(reply.status == .badRequest)
            #expect(
                reply.json
                    == .object([
                        "type": .string("https://tools.ietf.org/html/rfc9110#section-15.5.1"),
                        "title": .string("One or more validation errors occurred."), "status": .integer(400),
                        "errors": .object([path: .array([.string(message)])]),
                    ]))
        }
    }

    @Test("two trigger kinds at once are refused")
    func twoTriggers() async throws {
        let seed = try EmulatorHarness.fixture(.wyn, "seed-create.json")
        var trigger = seed["trigger"]?.objectValue ?? [:]
        trigger["explicit"] = .bool(true)
        let request = seed.setting("trigger", .object(trigger))
        try await EmulatorHarness.run(.wyn) { client async throws in
            let reply = try await client.send(.post, base, request)
            #expect(
                reply.json?["errors"]
                    == .object([
                        "$.trigger": .array([
                            .string("Set exactly one of explicit, once, pattern, templateId; found 2.")
                        ])
                    ]))
        }
    }

    @Test("token in the header or the query; anything else is 401")
    func auth() async throws {
        try await EmulatorHarness.run(.wyn) { client async throws in
            #expect(try await client.send(.get, base, headers: [:]).status == .unauthorized)
            #expect(try await client.send(.get, base, headers: [.referenceToken: "wrong"]).status == .unauthorized)
            #expect(try await client.send(.get, "\(base)?token=secret", headers: [:]).status == .ok)
            #expect(try await client.send(.get, base).status == .ok)
        }
    }

    @Test("put, run, runs, delete, then 404")
    func lifecycle() async throws {
        let seed = try EmulatorHarness.fixture(.wyn, "seed-create.json")
        try await EmulatorHarness.run(.wyn) { client async throws in
            let id = try #require(try await client.send(.post, base, seed).json?["id"]?.stringValue)
            let put = try await client.send(.put, "\(base)/\(id)", seed.setting("description", .string("Renamed")))
            #expect(put.status == .ok)
            #expect(put.json?["description"] == .string("Renamed"))
            #expect(put.json?["id"] == .string(id))
            let run = try await client.send(.post, "\(base)/\(id)/run")
            #expect(run.json?["status"] == .string("Succeeded"))
            #expect(try await client.send(.get, "\(base)/\(id)/runs").json?["totalCount"] == .integer(1))
            #expect(try await client.send(.delete, "\(base)/\(id)").status == .noContent)
            #expect(try await client.send(.get, "\(base)/\(id)").status == .notFound)
        }
    }
}
