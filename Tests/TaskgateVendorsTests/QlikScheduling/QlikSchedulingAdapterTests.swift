import Foundation
import TaskgateCore
import Testing

@testable import TaskgateVendors

@Suite struct QlikSchedulingAdapterTests {
    let adapter = QlikSchedulingAdapter()
    let context = QlikTestSupport.context()

    func decode(_ name: String) throws -> CanonicalTask {
        try adapter.decode(QlikTestSupport.fixture("qlik-scheduling", name), context: context)
    }

    func iso(_ line: String) throws -> Schedule {
        try Dialect.iso8601.parse([line], context: DialectContext(zone: "UTC", reference: QlikTestSupport.now))
    }

    @Test func decodesTheSeedDatasetUpdatedTask() throws {
        let task = try decode("seed-task.json")
        #expect(
            task.identity
                == TaskIdentity(
                    product: .qlikScheduling, name: "TaskExample", description: "this is an example of task response"))
        #expect(task.enabled)
        #expect(task.target == TaskTarget(kind: "app", id: "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"))
        #expect(task.action == TaskAction(kind: "refresh", parameters: ["partial": .bool(false)]))
        #expect(
            task.schedule
                == Schedule(kind: .event("dataset.updated appId=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"), zone: "UTC"))
        #expect(task.owner == TaskPrincipal(id: "0"))
        #expect(task.server.id == "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
        #expect(task.server.status == "SUCCEEDED")
        #expect(task.server.lastRun == Instant(parsingRFC3339: "2025-08-31T23:28:04Z"))
        #expect(
            task.server.fields["metadata.trigger"]
                == .object(["id": .string("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"), "type": .integer(4)]))
        let extensions = task.extensions[.qlikScheduling] ?? [:]
        #expect(
            extensions.keys.map(\.description).sorted() == [
                "events", "keepActive", "metadata.spaceId", "metadata.usage", "specVersion", "states", "version",
            ])
    }

    @Test func decodesTheRecurrenceFormThroughTheISO8601Dialect() throws {
        let task = try decode("weekday-reload-berlin.json")
        #expect(
            task.schedule
                == (try iso(
                    #"{"endDateTime":"2026-06-30T23:59:59","recurrence":"RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=6;BYMINUTE=30;BYSECOND=0","startDateTime":"2025-09-01T06:30:00","timezone":"Europe/Berlin"}"#
                )))
        let window = try task.schedule.nextOccurrences(
            after: Instant(parsingRFC3339: "2025-10-24T00:00:00Z") ?? QlikTestSupport.now, count: 2)
        #expect(window.map(\.description) == ["2025-10-24T04:30:00Z", "2025-10-27T05:30:00Z"])
        #expect(task.enabled)
        #expect(task.action.parameters == ["partial": .bool(false)])
    }

    @Test func decodesTheStringIntervalAsUTC() throws {
        let task = try decode("interval-string.json")
        #expect(task.schedule == (try iso("R/2025-09-01T00:00:00Z/PT4H")))
    }

    @Test func decodesTheCronObjectAndAChain() throws {
        let cron = try decode("cron-object.json")
        #expect(cron.schedule.zone == "America/New_York")
        #expect(cron.action.parameters == ["partial": .bool(true)])
        let chain = try decode("chain-after-staging.json")
        #expect(
            chain.schedule
                == Schedule(
                    kind: .event("system-events.task id=9b1d2c3e-0000-4000-8000-00000000abcd status=SUCCEEDED"),
                    zone: "UTC"))
    }

    @Test func readsTheServerView() throws {
        let task = try decode("server-view.json")
        #expect(task.server.id == "3c1e9a70-5b2d-4f8e-9c41-0a1b2c3d4e5f")
        #expect(task.server.fields["resourceId"] == .string("2f0c7b8e-4a51-4c9e-9a0e-5d7f1c2b3a44"))
        #expect(task.target?.name == "Sales")
        #expect(task.owner == TaskPrincipal(id: "u_8Jd2kQ"))
        #expect(task.server.lastRun == Instant(parsingRFC3339: "2025-09-01T04:30:02Z"))
    }

    @Test func readsTheListEnvelope() throws {
        let documents = try adapter.taskDocuments(in: QlikTestSupport.fixture("qlik-scheduling", "seed-list.json"))
        #expect(documents.map(\.path.description) == ["data[0]"])
    }

    @Test func refusesBothErrorEnvelopesWordForWord() throws {
        func message(_ name: String) throws -> String {
            do {
                _ = try adapter.taskDocuments(in: QlikTestSupport.fixture("qlik-scheduling", name))
                return "read"
            } catch let error as TaskDecodingError {
                return error.description
            }
        }
        #expect(
            try message("error-documented.json")
                == "qlik-scheduling: $: an object is not valid; expected a scheduling task, an array of them or a list "
                + "response; the file holds a Qlik error response: 400 Bad request — task has 0 states instead of 1; "
                + "trace 0af7651916cd43dd8448eb211c80319c")
        #expect(
            try message("error-cho.json")
                == "qlik-scheduling: $: an object is not valid; expected a scheduling task, an array of them or a list "
                + "response; the file holds a Qlik error response (HTTP 400): CHO-017 schedule rejected: end is in the "
                + "past — CreateTask")
    }

    /// decode → encode to the same product gives the create form of every fixture back.
    @Test(arguments: QlikTestSupport.fixtureNames("qlik-scheduling").filter { !$0.hasPrefix("error-") })
    func roundTrip(name: String) throws {
        let json = try QlikTestSupport.fixture("qlik-scheduling", name)
        for (_, document) in try adapter.taskDocuments(in: json) {
            let task = try adapter.decode(document, context: context)
            let encoded = adapter.encode(task, context: context)
            #expect(
                QlikTestSupport.text(encoded.json)
                    == QlikTestSupport.text(QlikTestSupport.schedulingCreateForm(document)))
            #expect(encoded.losses == [])
            #expect(encoded.schedule.status == .exact)
        }
    }

    @Test func errorsNameThePathTheValueAndWhatWasExpected() throws {
        func message(_ text: String) -> String {
            do {
                let json = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
                _ = try adapter.decode(json, context: context)
                return "decoded"
            } catch let error as TaskDecodingError {
                return error.description
            } catch {
                return "\(error)"
            }
        }
        let states =
            #""states":[{"name":"reload","type":"event","onEvents":[{"eventRefs":[],"actions":[{"name":"r","functionRef":{"refName":"app.reload","arguments":{"appId":"a1"}}}]}]}]"#
        #expect(
            message("{\"name\":\"n\",\(states)}")
                == "qlik-scheduling: specVersion is missing; expected a Serverless Workflow version such as \"0.8\"")
        #expect(
            message("{\"name\":\"n\",\"specVersion\":\"0.8\",\"states\":[]}")
                == "qlik-scheduling: states: an array of 0 is not valid; expected one event state (qlik-scheduling.md §3.4)"
        )
        #expect(
            message(
                "{\"name\":\"n\",\"specVersion\":\"0.8\",\(states.replacingOccurrences(of: "app.reload", with: "automation.run"))}"
            )
                == "qlik-scheduling: states[0].onEvents[0].actions[0].functionRef.refName: 'automation.run' is not valid; "
                + "expected one of app.reload")
        #expect(
            message("{\"name\":\"n\",\"specVersion\":\"0.8\",\"start\":{\"schedule\":\"R/PT4X\"},\(states)}")
                == "qlik-scheduling: start.schedule: 'R/PT4X' is not valid; expected a schedule Qlik and Serverless "
                + "Workflow 0.8 accept (iso8601: duration (column 6) 'X': 'X' is not a duration designator here; expected "
                + "H, M or S after T)")
        #expect(
            message(
                "{\"name\":\"n\",\"specVersion\":\"0.8\",\"start\":{\"schedule\":{\"recurrence\":\"RRULE:FREQ=DAILY\",\"timezone\":\"Mars/Olympus\"}},\(states)}"
            )
                == "qlik-scheduling: start.schedule.timezone: 'Mars/Olympus' is not valid; expected an IANA zone name "
                + "such as Europe/Berlin")
    }

    /// Every example decodes and round-trips; there are at least ten.
    @Test func examples() throws {
        let files = QlikTestSupport.examples("qlik-scheduling")
        #expect(files.count >= 10)
        var tasks = 0
        for file in files {
            let json = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: file))
            for (_, document) in try adapter.taskDocuments(in: json) {
                let task = try adapter.decode(document, context: context)
                let encoded = adapter.encode(task, context: context)
                #expect(
                    QlikTestSupport.text(encoded.json)
                        == QlikTestSupport.text(QlikTestSupport.schedulingCreateForm(document)),
                    "\(file.lastPathComponent)")
                tasks += 1
            }
        }
        #expect(tasks == 11)
    }
}
