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
            toID: "b1d3027c-f808-4a0b-b8d8-b398cc18631a"),
        IDMap.Entry(
            from: .wyn, fromID: "b1d3027c-f808-4a0b-b8d8-b398cc18631a", to: .qlikSharing,
            toID: "0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e", toKind: "chart"),
    ])

    static func task() throws -> JSONValue {
        try ProxyHarness.example(.qlikSharing, "hourly-ops-no-zone.json")
    }

    @Test func strictRefusesWith422AndTheLossReport() async throws {
        let task = try Self.task()
        try await ProxyHarness.run(front: .qlikSharing, upstream: .wyn, idMap: Self.idMap) { harness in
            let answer = try await harness.front("POST", "/api/v1/sharing-tasks", task)
            #expect(answer.status == 422)
            #expect(
                ProxyHarness.withoutTraceID(answer.json)
                    == #"{"errors":[{"code":"HTTP-422","detail":"the task cannot be kept exactly in wyn: lossy "#
                    + #"(1 losses, schedule exact)","meta":{"httpCode":422},"title":"Unprocessable Content"}],"#
                    + #""taskgate":{"losses":[{"path":"$","reason":"wyn's task payload keys are not documented; "#
                    + #"qlik-sharing settings are not carried","value":{"state":{"selections":[]},"templates":[{"#
                    + #""chartData":{"appId":"0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e","heightPx":768,"#
                    + #""objectId":"hOps01","sheetId":"3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b","widthPx":1024},"#
                    + #""subType":"pdf","type":"chart"}]}}],"schedule":{"notes":[],"proof":{"differences":0,"#
                    + #""from":"2026-04-01T00:00:00Z","sourceOccurrences":5224,"targetOccurrences":5224,"#
                    + #""through":"2028-03-31T11:38:24Z"},"status":"exact","target":["0 0 8,9,10,11,12,13,14,15,16,17 "#
                    + #"? * MON-FRI *"]},"verdict":"lossy"}}"#)
            let upstream = try await harness.upstream("GET", "/api/v2/scheduler/tasks")
            #expect(upstream.json?["totalCount"] == .integer(0))
        }
    }

    @Test func lenientForwardsWithTheLossHeader() async throws {
        let task = try Self.task()
        try await ProxyHarness.run(front: .qlikSharing, upstream: .wyn, lossPolicy: .lenient, idMap: Self.idMap) {
            harness in
            let answer = try await harness.front("POST", "/api/v1/sharing-tasks", task)
            #expect(answer.status == 201)
            #expect(answer.headers.first(named: "Taskgate-Loss") == "lossy; $")
            let id = try #require(answer.json?["id"]?.stringValue)
            #expect(id.count == 24)
            let upstream = try await harness.upstream("GET", "/api/v2/scheduler/tasks")
            #expect(upstream.json?["totalCount"] == .integer(1))
            // Read, list and delete through the front, by the front id.
            let read = try await harness.front("GET", "/api/v1/sharing-tasks/\(id)")
            #expect(read.status == 200)
            #expect(read.json?["id"] == .string(id))
            let listed = try await harness.front("GET", "/api/v1/sharing-tasks?limit=5")
            #expect(listed.json?["totalCount"] == .integer(1))
            #expect(listed.json?["sharingTasks"]?.arrayValue?.first?["id"] == .string(id))
            let run = try await harness.front(
                "POST", "/api/v1/sharing-tasks/actions/execute", .object(["sharingTaskID": .string(id)]))
            #expect(run.status == 204)
            let deleted = try await harness.front("DELETE", "/api/v1/sharing-tasks/\(id)")
            #expect(deleted.status == 204)
            let gone = try await harness.front("GET", "/api/v1/sharing-tasks/\(id)")
            #expect(gone.status == 404)
            let after = try await harness.upstream("GET", "/api/v2/scheduler/tasks")
            #expect(after.json?["totalCount"] == .integer(0))
        }
    }

    /// Qlik sharing edits with a JSON Patch: the proxy applies it to the task as Wyn holds it and
    /// sends Wyn the whole new task.
    @Test func aJSONPatchThroughTheQlikFrontChangesTheWynTask() async throws {
        let task = try Self.task()
        try await ProxyHarness.run(front: .qlikSharing, upstream: .wyn, lossPolicy: .lenient, idMap: Self.idMap) {
            harness in
            let created = try await harness.front("POST", "/api/v1/sharing-tasks", task)
            let id = try #require(created.json?["id"]?.stringValue)
            let patch: JSONValue = .array([
                .object(["op": .string("replace"), "path": .string("/name"), "value": .string("Morning snapshot")]),
                .object([
                    "op": .string("replace"), "path": .string("/scheduleOptions"),
                    "value": .object([
                        "recurrence": .array([.string("RRULE:FREQ=DAILY;BYHOUR=6;BYMINUTE=30;BYSECOND=0")]),
                        "startDateTime": .string(""), "endDateTime": .string(""),
                    ]),
                ]),
            ])
            let patched = try await harness.front("PATCH", "/api/v1/sharing-tasks/\(id)", patch)
            #expect(patched.status == 204)
            #expect(patched.text.isEmpty)
            #expect(patched.headers.first(named: "Taskgate-Loss") == "lossy; $")
            let upstream = try await harness.upstream("GET", "/api/v2/scheduler/tasks")
            let landed = try #require(upstream.json?["items"]?.arrayValue?.first)
            #expect(landed["description"] == .string("Morning snapshot"))
            #expect(landed["trigger"]?["pattern"]?["patterns"] == .array([.string("0 30 6 * * ? *")]))
            let read = try await harness.front("GET", "/api/v1/sharing-tasks/\(id)")
            #expect(read.json?["name"] == .string("Morning snapshot"))
            // Read back from the Wyn pattern, the rule is written as the client wrote it.
            #expect(
                read.json?["scheduleOptions"]?["recurrence"]
                    == .array([.string("RRULE:FREQ=DAILY;BYHOUR=6;BYMINUTE=30;BYSECOND=0")]))
        }
    }

    @Test func aPatchQlikRefusesIsA400AndChangesNothing() async throws {
        let task = try Self.task()
        try await ProxyHarness.run(front: .qlikSharing, upstream: .wyn, lossPolicy: .lenient, idMap: Self.idMap) {
            harness in
            let created = try await harness.front("POST", "/api/v1/sharing-tasks", task)
            let id = try #require(created.json?["id"]?.stringValue)
            let before = try await harness.upstream("GET", "/api/v2/scheduler/tasks")
            let patch: JSONValue = .array([
                .object(["op": .string("replace"), "path": .string("/name"), "value": .string("x")]),
                .object(["op": .string("replace"), "path": .string("/type"), "value": .string("chart-monitoring")]),
            ])
            let refused = try await harness.front("PATCH", "/api/v1/sharing-tasks/\(id)", patch)
            #expect(refused.status == 400)
            #expect(
                ProxyHarness.withoutTraceID(refused.json)
                    == #"{"errors":[{"code":"HTTP-400","detail":"[1].path '/type' cannot be patched; expected one of "#
                    + #"/bookmarkId, /dataConnectionID, /description, /enabled, /name, /ownerId, /recipient, "#
                    + #"/recipients, /scheduleOptions, /sharePointFolder, /tags, /templates, /transportChannels","#
                    + #""meta":{"httpCode":400},"title":"Bad Request"}]}"#)
            let after = try await harness.upstream("GET", "/api/v2/scheduler/tasks")
            #expect(after.json == before.json)
        }
    }

    @Test func dryRunReturnsTheConvertedRequestWithoutSending() async throws {
        let task = try Self.task()
        try await ProxyHarness.run(front: .qlikSharing, upstream: .wyn, idMap: Self.idMap) {
            harness in
            let answer = try await harness.front("POST", "/api/v1/sharing-tasks?dryRun=true", task)
            #expect(answer.status == 200)
            #expect(answer.json?["request"]?["method"] == .string("POST"))
            #expect(answer.json?["request"]?["url"] == .string("\(harness.upstreamURL)/api/v2/scheduler/tasks"))
            #expect(answer.json?["schedule"]?["status"] == .string("exact"))
            #expect(answer.json?["verdict"] == .string("lossy"))
            let upstream = try await harness.upstream("GET", "/api/v2/scheduler/tasks")
            #expect(upstream.json?["totalCount"] == .integer(0))
        }
    }

    @Test func upstreamErrorsComeBackInTheFrontShape() async throws {
        try await ProxyHarness.run(front: .qlikSharing, upstream: .wyn) { harness in
            // An id the store never mapped is Qlik's 404, in Qlik's error shape.
            let unknown = try await harness.front("GET", "/api/v1/sharing-tasks/0123456789abcdef01234567")
            #expect(unknown.status == 404)
            #expect(
                ProxyHarness.withoutTraceID(unknown.json)
                    == #"{"errors":[{"code":"HTTP-404","detail":"task 0123456789abcdef01234567 not found","#
                    + #""meta":{"httpCode":404},"title":"Not Found"}]}"#)
        }
    }
}
