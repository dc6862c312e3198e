import Foundation
import HTTPTypes
import TaskgateCore
import Testing

@testable import TaskgateEmulators

@Suite("vCO emulator")
struct VcoEmulatorTests {
    let base = "/vco/api/tasks"

    @Test("create answers 202 with the pending task; update, state transitions, executions, delete")
    func lifecycle() async throws {
        let body = try EmulatorHarness.fixture(.vco, "weekday-new-york.json")
        try await EmulatorHarness.run(.vco) { client async throws in
            let created = try await client.send(.post, base, body)
            #expect(created.status == .accepted)
            #expect(created.json?["state"] == .string("pending"))
            #expect(created.json?["user"] == .string("taskgate"))
            let id = try #require(created.json?["id"]?.stringValue)
            #expect(created.headers[.location] == created.json?["href"]?.stringValue)
            let resume = try await client.send(.post, "\(base)/\(id)", .object(["state": .string("pending")]))
            #expect(resume.status == .conflict)
            #expect(resume.json == .object(["status": .integer(409), "message": .string("Cannot resume task")]))
            let suspend = try await client.send(.post, "\(base)/\(id)", .object(["state": .string("suspended")]))
            #expect(suspend.json?["state"] == .string("suspended"))
            let workflow = try await client.send(
                .post, "\(base)/\(id)", .object(["workflow": .object(["id": .string("other")])]))
            #expect(
                workflow.json
                    == .object([
                        "status": .integer(400), "message": .string("The workflow of a task cannot be changed"),
                    ]))
            #expect(try await client.send(.get, "\(base)/\(id)/executions").json?["total"] == .integer(0))
            #expect(try await client.send(.delete, "\(base)/\(id)").status == .noContent)
            #expect(
                try await client.send(.get, "\(base)/\(id)").json
                    == .object(["status": .integer(404), "message": .string("Task not found: \(id)")]))
        }
    }

    @Test("a workflow runs now: 202 with the execution in Location, listed, and its state readable")
    func workflowExecution() async throws {
        try await EmulatorHarness.run(.vco) { client async throws in
            let workflows = "/vco/api/workflows/wf-1/executions"
            let parameters: JSONValue = .array([
                .object([
                    "name": .string("region"), "type": .string("string"),
                    "value": .object(["string": .object(["value": .string("emea")])]),
                ])
            ])
            let started = try await client.send(.post, workflows, .object(["parameters": parameters]))
            #expect(started.status == .accepted)
            #expect(started.text.isEmpty)
            let location = try #require(started.headers[.location])
            let id = try #require(location.split(separator: "/").last.map(String.init))
            #expect(location.hasSuffix("/vco/api/workflows/wf-1/executions/\(id)/"))
            let state = try await client.send(.get, "\(workflows)/\(id)/state")
            #expect(state.json == .object(["value": .string("completed")]))
            let listed = try await client.send(.get, workflows)
            #expect(listed.json?["total"] == .integer(1))
            #expect(listed.json?["link"]?.arrayValue?.first?["input-parameters"] == parameters)
            // Another workflow's runs are its own.
            #expect(try await client.send(.get, "/vco/api/workflows/wf-2/executions").json?["total"] == .integer(0))
            let unknown = try await client.send(.get, "\(workflows)/nope/state")
            #expect(unknown.status == .notFound)
            #expect(
                unknown.json
                    == .object(["status": .integer(404), "message": .string("Workflow execution not found: nope")]))
            let bad = try await client.send(.post, workflows, .object(["parameters": .string("emea")]))
            #expect(bad.status == .badRequest)
            #expect(
                bad.json
                    == .object([
                        "status": .integer(400),
                        "message": .string(
                            #"parameters is "emea"; expected an execution context: an object with a parameters array"#),
                    ]))
        }
    }

    @Test(
        "validation",
        arguments: [
            ("state", JSONValue.string("scheduled"), "Unsupported task state 'scheduled' on create"),
            ("workflow", .null, "workflow with an id is required"),
            ("recurrence-start-date", .null, "recurrence-start-date is required"),
            (
                "recurrence-cycle", .string("every-years"),
                "recurrence-cycle 'every-years' is not one of every-days, every-hours, every-minutes, every-months, every-weeks, one-time"
            ),
        ])
    func validation(field: String, value: JSONValue, message: String) async throws {
        let body = try EmulatorHarness.fixture(.vco, "weekday-new-york.json")
        try await EmulatorHarness.run(.vco) { client async throws in
            let reply = try await client.send(.post, base, body.setting(field, value == .null ? nil : value))
            #expect(reply.json == .object(["status": .integer(400), "message": .string(message)]))
        }
    }

    @Test("a pattern that does not fit its cycle is 400")
    func badPattern() async throws {
        let body = try EmulatorHarness.fixture(.vco, "weekday-new-york.json")
        try await EmulatorHarness.run(.vco) { client async throws in
            let reply = try await client.send(
                .post, base, body.setting("recurrence-pattern", .string("Someday 25:00:00,")))
            #expect(reply.status == .badRequest)
            #expect(reply.json?["message"]?.stringValue?.hasPrefix("recurrence-pattern: ") == true)
        }
    }

    @Test("basic with the token as password, or bearer; otherwise 401")
    func auth() async throws {
        try await EmulatorHarness.run(.vco) { client async throws in
            #expect(try await client.send(.get, base).status == .ok)
            #expect(try await client.send(.get, base, headers: [.authorization: "Bearer secret"]).status == .ok)
            let wrong = "Basic " + Data("admin:nope".utf8).base64EncodedString()
            let refused = try await client.send(.get, base, headers: [.authorization: wrong])
            #expect(refused.status == .unauthorized)
            #expect(
                refused.json
                    == .object(["status": .integer(401), "message": .string("missing or invalid credentials")]))
        }
    }
}
