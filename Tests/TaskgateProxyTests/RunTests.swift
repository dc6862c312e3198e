import Foundation
import TaskgateCore
import TaskgateProxy
import TaskgateTestSupport
import TaskgateVendors
import Testing

/// A run through Wyn's `/{id}/run` starts the upstream task the upstream's own way: fylr saves the
/// task again with `next_run_at` now ("Run now"); vCO runs the task's workflow with its inputs.
@Suite struct RunTests {
    /// fylr runs built-in modules only: the user's vocabulary says which Wyn task is which module
    /// (here Wyn's dataset cleanup is fylr's `delete_objects`), as `--mappings` lets them.
    static func mappingsWithCleanupAsDeleteObjects() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-tests-\(UUID().uuidString)")
        try FileManager.default.copyItem(
            at: ProxyHarness.repository.appendingPathComponent("mappings"), to: folder)
        let vocabulary = folder.appendingPathComponent("vocabulary.yaml")
        let text = try String(contentsOf: vocabulary, encoding: .utf8)
        let line = "{ values: { taskType: DatasetCleanup }, action: cleanup, target: dataset }"
        #expect(text.contains(line))
        try text.replacingOccurrences(
            of: line, with: "{ values: { taskType: DatasetCleanup }, action: delete-objects, target: search }"
        ).write(to: vocabulary, atomically: true, encoding: .utf8)
        return folder
    }

    static let cleanup: JSONValue = .object([
        "description": .string("Purge"), "documentId": .string(WynExampleTask.documentID),
        "task": .object([
            "taskType": .string("DatasetCleanup"), "documentId": .string(WynExampleTask.documentID),
            "payload": .string("{}"),
        ]),
        "trigger": .object([
            "pattern": .object([
                "patterns": .array([.string("0 0 2 ? * SUN *")]), "startDate": .string("2026-04-01T00:00:00Z"),
                "endDate": .null, "timeZoneId": .string("UTC"),
            ])
        ]),
    ])

    @Test func aRunIntoFylrSetsTheNextRunToNowInTheNextVersion() async throws {
        let mappings = try Self.mappingsWithCleanupAsDeleteObjects()
        defer { try? FileManager.default.removeItem(at: mappings) }
        try await ProxyHarness.run(front: .wyn, upstream: .fylr, lossPolicy: .lenient, mappings: mappings) {
            harness in
            let created = try await harness.front("POST", "/api/v2/scheduler/tasks", Self.cleanup)
            #expect(created.status == 200)
            let id = try #require(created.json?["id"]?.stringValue)
            let before = try await harness.upstream("GET", "/api/v1/task")
            let upstreamTask = try #require(before.json?["objects"]?.arrayValue?.first?["task"])
            #expect(upstreamTask["task_module"] == .string("delete_objects"))
            #expect(upstreamTask["_version"] == .integer(1))
            // The first Sunday 02:00 UTC after 2026-04-01.
            #expect(upstreamTask["next_run_at"] == .string("2026-04-05T02:00:00Z"))
            let run = try await harness.front("POST", "/api/v2/scheduler/tasks/\(id)/run")
            #expect(run.status == 200)
            #expect(run.json?["taskId"] == .string(id))
            #expect(run.json?["status"] == .string("Succeeded"))
            #expect(run.json?["startTime"] == .string("2026-04-01T00:00:00Z"))
            let after = try await harness.upstream("GET", "/api/v1/task")
            let ran = try #require(after.json?["objects"]?.arrayValue?.first?["task"])
            #expect(ran["_version"] == .integer(2))
            #expect(ran["next_run_at"] == .string("2026-04-01T00:00:00Z"))
            // Nothing else changed.
            for key in ["schedules", "task_module", "task_params", "description"] {
                #expect(ran[key] == upstreamTask[key], "\(key)")
            }
        }
    }

    @Test func aRunIntoVcoRunsTheTasksWorkflowWithItsInputs() async throws {
        let idMap = IDMap(entries: [
            IDMap.Entry(
                from: .wyn, fromID: WynExampleTask.documentID, to: .vco, toID: "wf-export", toKind: "workflow")
        ])
        try await ProxyHarness.run(front: .wyn, upstream: .vco, lossPolicy: .lenient, idMap: idMap) { harness in
            let created = try await harness.front("POST", "/api/v2/scheduler/tasks", WynExampleTask.named("Run me"))
            #expect(created.status == 200)
            let id = try #require(created.json?["id"]?.stringValue)
            let listed = try await harness.upstream("GET", "/vco/api/tasks")
            let href = try #require(listed.json?["link"]?.arrayValue?.first?["href"]?.stringValue)
            let path = String(href.dropFirst(harness.upstreamURL.count))
            let task = try await harness.upstream("GET", path)
            #expect(task.json?["workflow"]?["id"] == .string("wf-export"))
            // Inputs given to the task in vCO itself go with the run.
            let inputs: JSONValue = .array([
                .object([
                    "name": .string("recipient"), "type": .string("string"),
                    "value": .object(["string": .object(["value": .string("noc@example.com")])]),
                ])
            ])
            let edited = try await harness.upstream("POST", path, .object(["input-parameters": inputs]))
            #expect(edited.status == 200)
            let run = try await harness.front("POST", "/api/v2/scheduler/tasks/\(id)/run")
            #expect(run.status == 200)
            #expect(run.json?["taskId"] == .string(id))
            let executions = try await harness.upstream("GET", "/vco/api/workflows/wf-export/executions")
            #expect(executions.json?["total"] == .integer(1))
            #expect(executions.json?["link"]?.arrayValue?.first?["input-parameters"] == inputs)
        }
    }

    @Test func aRunOfAnUnknownIdIsA404() async throws {
        try await ProxyHarness.run(front: .wyn, upstream: .fylr) { harness in
            let unknown = "3f1c0c3e-0000-4000-8000-000000000000"
            let run = try await harness.front("POST", "/api/v2/scheduler/tasks/\(unknown)/run")
            #expect(run.status == 404)
            #expect(run.text == #"{"status":404,"title":"task 3f1c0c3e-0000-4000-8000-000000000000 not found"}"#)
        }
    }
}
