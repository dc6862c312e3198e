import Foundation
import TaskgateCore
import TaskgateProxy
import TaskgateTestSupport
import TaskgateUpstream
import TaskgateVendors
import Testing

/// Wyn's API in front of Qlik sharing, with the Wyn report mapped to a Qlik chart: a PDF export
/// mailed on weekdays converts exactly, so strict mode lets it through.
@Suite struct ExactPairTests {
    static let idMap = IDMap(entries: [
        IDMap.Entry(
            from: .wyn, fromID: "b1d3027c-f808-4a0b-b8d8-b398cc18631a", to: .qlikSharing,
            toID: "0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e", toKind: "chart"),
        IDMap.Entry(
            from: .qlikSharing, fromID: "0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e", to: .wyn,
            toID: "b1d3027c-f808-4a0b-b8d8-b398cc18631a"),
    ])

    static let task = WynExampleTask.named("Hourly ops snapshot")

    /// The Qlik sharing task the Wyn task becomes.
    static let upstreamBody =
        #"{"enabled":true,"name":"Hourly ops snapshot","recipients":{"emailAddresses":["noc@example.com"]},"#
        + #""scheduleOptions":{"recurrence":["RRULE:FREQ=DAILY;BYSECOND=0;"#
        + #"BYMINUTE=0;BYHOUR=8,9,10,11,12,13,14,15,16,17;BYDAY=MO,TU,WE,TH,FR"],"startDateTime":"2026-04-01T00:00:00","#
        + #""timezone":"Etc/UTC"},"state":{"selections":[]},"templates":[{"chartData":{"appId":"#
        + #""0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e"},"type":"chart"}],"transportChannels":["email"],"#
        + #""type":"template-sharing"}"#

    @Test func dryRunShowsTheQlikRequestAndTheProof() async throws {
        try await ProxyHarness.run(front: .wyn, upstream: .qlikSharing, idMap: Self.idMap) { harness in
            let dry = try await harness.front("POST", "/api/v2/scheduler/tasks?dryRun=true", Self.task)
            #expect(dry.status == 200)
            #expect(
                dry.text
                    == #"{"losses":[],"request":{"body":"# + Self.upstreamBody
                    + #","method":"POST","url":"\#(harness.upstreamURL)/api/v1/sharing-tasks"},"#
                    + #""schedule":{"notes":["Java Quartz stops firing after 2126 (the current year + 100); the target "#
                    + #"keeps no such cap"],"proof":{"differences":0,"from":"2026-04-01T00:00:00Z","#
                    + #""sourceOccurrences":5224,"targetOccurrences":5224,"through":"2028-03-31T11:38:24Z"},"#
                    + #""status":"exact","target":["RRULE:FREQ=DAILY;BYSECOND=0;BYMINUTE=0;"#
                    + #"BYHOUR=8,9,10,11,12,13,14,15,16,17;BYDAY=MO,TU,WE,TH,FR"]},"verdict":"exact"}"#)
            let upstream = try await harness.upstream("GET", "/api/v1/sharing-tasks")
            #expect(upstream.json?["totalCount"] == .integer(0))
        }
    }

    @Test func strictCreateLandsUpstreamFieldByField() async throws {
        try await ProxyHarness.run(front: .wyn, upstream: .qlikSharing, idMap: Self.idMap) { harness in
            let answer = try await harness.front("POST", "/api/v2/scheduler/tasks", Self.task)
            #expect(answer.status == 200)
            #expect(answer.headers.first(named: "Taskgate-Loss") == nil)
            let id = try #require(answer.json?["id"]?.stringValue)
            #expect(id.count == 36)
            var withoutID = answer.json?.objectValue ?? [:]
            withoutID.removeValue(forKey: "id")
            #expect(
                ProxyHarness.text(.object(withoutID))
                    == #"{"deployTo":{"emailAttach":{"settings":{"mailTo":["noc@example.com"]}}},"#
                    + #""description":"Hourly ops snapshot","documentId":"b1d3027c-f808-4a0b-b8d8-b398cc18631a","#
                    + #""task":{"documentId":"b1d3027c-f808-4a0b-b8d8-b398cc18631a","#
                    + #""payload":"{}","taskType":"RptExport","userDetails":{"id":"taskgate","name":"taskgate"}},"#
                    + #""trigger":{"pattern":{"#
                    + #""endDate":null,"patterns":["0 0 8,9,10,11,12,13,14,15,16,17 ? * MON-FRI *"],"#
                    + #""startDate":"2026-04-01T00:00:00Z","timeZoneId":"UTC"}}}"#)
            let upstream = try await harness.upstream("GET", "/api/v1/sharing-tasks")
            let landed = try #require(upstream.json?["sharingTasks"]?.arrayValue?.first?.objectValue)
            let sent = try #require(ProxyHarness.decode(Self.upstreamBody)?.objectValue)
            for (key, value) in sent where key != "scheduleOptions" {
                #expect(landed[key] == value, "field \(key)")
            }
            for (key, value) in sent["scheduleOptions"]?.objectValue ?? [:] {
                #expect(landed["scheduleOptions"]?[key] == value, "scheduleOptions.\(key)")
            }
            // The Qlik task fires first on the next weekday at 08:00 UTC, as the Wyn pattern does.
            #expect(landed["nextScheduledRun"]?.stringValue?.hasSuffix("T08:00:00Z") == true)
            // Read back by the front id, in Wyn's shape.
            let read = try await harness.front("GET", "/api/v2/scheduler/tasks/\(id)")
            #expect(read.status == 200)
            #expect(read.json == answer.json)
            // A Wyn PUT becomes Qlik's JSON Patch.
            var renamed = Self.task.objectValue ?? [:]
            renamed["description"] = .string("Hourly ops snapshot, renamed")
            let updated = try await harness.front("PUT", "/api/v2/scheduler/tasks/\(id)", .object(renamed))
            #expect(updated.status == 200)
            #expect(updated.json?["description"] == .string("Hourly ops snapshot, renamed"))
            #expect(updated.json?["id"] == .string(id))
            let after = try await harness.upstream("GET", "/api/v1/sharing-tasks")
            #expect(after.json?["sharingTasks"]?.arrayValue?.first?["name"] == .string("Hourly ops snapshot, renamed"))
        }
    }

    /// What the front wrote fills only what the upstream cannot hold: a task switched off and moved in
    /// Qlik itself reads back through the Wyn front switched off and moved, with its Wyn task type kept.
    @Test func changesMadeUpstreamShowThroughTheFront() async throws {
        try await ProxyHarness.run(front: .wyn, upstream: .qlikSharing, idMap: Self.idMap) { harness in
            let answer = try await harness.front("POST", "/api/v2/scheduler/tasks", Self.task)
            let id = try #require(answer.json?["id"]?.stringValue)
            let listed = try await harness.upstream("GET", "/api/v1/sharing-tasks")
            let upstreamID = try #require(listed.json?["sharingTasks"]?.arrayValue?.first?["id"]?.stringValue)
            let patch: JSONValue = .array([
                .object(["op": .string("replace"), "path": .string("/enabled"), "value": .bool(false)]),
                .object([
                    "op": .string("replace"), "path": .string("/scheduleOptions"),
                    "value": .object([
                        "recurrence": .array([.string("RRULE:FREQ=WEEKLY;BYDAY=SA;BYHOUR=9;BYMINUTE=15;BYSECOND=0")]),
                        "startDateTime": .string("2026-04-01T00:00:00"), "timezone": .string("Etc/UTC"),
                    ]),
                ]),
            ])
            let patched = try await harness.upstream("PATCH", "/api/v1/sharing-tasks/\(upstreamID)", patch)
            #expect(patched.status == 204)
            let read = try await harness.front("GET", "/api/v2/scheduler/tasks/\(id)")
            #expect(read.status == 200)
            #expect(read.json?["isActive"] == .bool(false))
            #expect(read.json?["trigger"]?["pattern"]?["patterns"] == .array([.string("0 15 9 ? * SAT *")]))
            #expect(read.json?["task"]?["taskType"] == .string("RptExport"))
            #expect(read.json?["deployTo"] == Self.task["deployTo"])
        }
    }
}
