import Foundation
import TaskgateCore
import Testing

@testable import TaskgateVendors

@Suite struct QlikSharingAdapterTests {
    let adapter = QlikSharingAdapter()
    let context = QlikTestSupport.context()

    func decode(_ name: String) throws -> CanonicalTask {
        try adapter.decode(QlikTestSupport.fixture("qlik-sharing", name), context: context)
    }

    func rrule(_ lines: [String], zone: String, start: String?, end: String? = nil) throws -> Schedule {
        try Dialect.rrule.parse(
            lines,
            context: DialectContext(
                zone: zone, start: start.flatMap { LocalDateTime(parsing: $0) },
                end: end.flatMap { LocalDateTime(parsing: $0) }.map(TimePoint.local), reference: QlikTestSupport.now))
    }

    @Test func decodesTheSeedCreateRequest() throws {
        let task = try decode("seed-create.json")
        #expect(
            task.identity == TaskIdentity(product: .qlikSharing, name: "Example Sharing Task", description: "string"))
        #expect(task.enabled)
        #expect(task.action.kind == "monitor")
        #expect(task.action.format == "pdf")
        #expect(task.target == nil)
        #expect(
            task.schedule
                == (try rrule(["RRULE:FREQ=HOURLY;INTERVAL=2"], zone: "Canada/Pacific", start: "2006-01-02T16:04:05")))
        #expect(
            task.deliveries == [
                .email(EmailDelivery(recipients: [""], subject: "report subject", body: "report body string"))
            ])
        #expect(task.server.nextRun == Instant(parsingRFC3339: "2020-11-20T12:00:55.000Z"))
        #expect(task.server.fields["scheduleOptions.chronosJobID"] == .string("string"))
        #expect(task.server.fields["trigger.chronosJobID"] == .string("string"))
        let extensions = task.extensions[.qlikSharing] ?? [:]
        #expect(
            extensions.keys.map(\.description).sorted() == [
                "appName", "dataConnectionID", "distributionListId", "emailContent", "executeOnCreation", "expiration",
                "message", "recipients", "retentionPolicy", "scheduleOptions", "sharePointFolder", "spaceId",
                "startTime", "subType", "tags", "transportChannels", "trigger",
            ])
    }

    @Test func decodesTheBerlinSheetSubscription() throws {
        let task = try decode("emea-sales-pack.json")
        #expect(task.target == TaskTarget(kind: "sheet", id: "7f1c2a52-3c1e-4d2b-9a53-0b7e4c1d9e10"))
        #expect(task.action.kind == "export")
        #expect(task.action.format == "pdf")
        #expect(
            task.schedule
                == (try rrule(
                    ["RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=7;BYMINUTE=30;BYSECOND=0"], zone: "Europe/Berlin",
                    start: "2026-10-05T07:30:00", end: "2027-03-31T23:59:59")))
        #expect(
            task.deliveries == [
                .email(
                    EmailDelivery(
                        recipients: ["emea-leads@example.com"], userRecipients: ["pXVNKqotgEMwbKwhz2agPE4yFelnPcWO"],
                        subject: "EMEA sales pack", body: "This morning's EMEA sheets are attached."))
            ])
        let first = try task.schedule.nextOccurrences(after: QlikTestSupport.now, count: 2).map(\.description)
        #expect(first == ["2026-11-25T06:30:00Z", "2026-11-27T06:30:00Z"])
    }

    @Test func decodesThePersistedResponseShape() throws {
        let task = try decode("ops-three-rules-response.json")
        #expect(task.server.id == "5da5825325dc9a0dd0260af9")
        #expect(task.server.status == "VALID")
        #expect(task.server.nextRun == Instant(parsingRFC3339: "2026-11-23T21:00:00Z"))
        #expect(task.server.lastRun == Instant(parsingRFC3339: "2026-11-23T13:00:02Z"))
        #expect(task.owner == TaskPrincipal(id: "pXVNKqotgEMwbKwhz2agPE4yFelnPcWO", name: "Dana Ops"))
        #expect(task.server.fields["recipients.groupIds"] != nil)
        #expect(task.server.fields["recipients.emailAddresses[0].enabled"] == .bool(true))
        #expect(
            task.deliveries == [
                .email(
                    EmailDelivery(
                        recipients: ["shift-leads@example.com"], userRecipients: ["pXVNKqotgEMwbKwhz2agPE4yFelnPcWO"],
                        subject: "Shift digest", body: "Handover sheets attached.")),
                .storage(
                    StorageDelivery(
                        kind: "sharepoint", location: "/sites/ops/Shared Documents/Digests",
                        settings: ["dataConnectionID": .string("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d")])),
            ])
        #expect(task.schedule.rules.count == 3)
    }

    @Test func decodesTheLegacyTriggerAsAnAppReloadEvent() throws {
        let task = try decode("kpi-monitor-trigger.json")
        #expect(task.schedule == Schedule(kind: .event("app-reload"), zone: "UTC"))
        #expect(task.provenance[.schedule] == "trigger")
    }

    @Test func readsTheListEnvelope() throws {
        let documents = try adapter.taskDocuments(in: QlikTestSupport.fixture("qlik-sharing", "list-response.json"))
        #expect(documents.map(\.path.description) == ["sharingTasks[0]", "sharingTasks[1]"])
    }

    @Test func refusesTheErrorEnvelopeWordForWord() throws {
        let json = try QlikTestSupport.fixture("qlik-sharing", "error-response.json")
        #expect(throws: TaskDecodingError.self) { try adapter.taskDocuments(in: json) }
        do {
            _ = try adapter.taskDocuments(in: json)
        } catch {
            #expect(
                error.description
                    == "qlik-sharing: $: an object is not valid; expected a sharing task, an array of them or a list "
                    + "response; the file holds a Qlik error response (HTTP 400): HTTP-123 short error message — cause; "
                    + "trace 7975401f3954aa47")
        }
    }

    /// decode → encode to the same product gives the create form of every fixture back.
    @Test(arguments: QlikTestSupport.fixtureNames("qlik-sharing").filter { $0 != "error-response.json" })
    func roundTrip(name: String) throws {
        let json = try QlikTestSupport.fixture("qlik-sharing", name)
        for (_, document) in try adapter.taskDocuments(in: json) {
            let task = try adapter.decode(document, context: context)
            let encoded = adapter.encode(task, context: context)
            #expect(
                QlikTestSupport.text(encoded.json) == QlikTestSupport.text(QlikTestSupport.sharingCreateForm(document)))
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
        let base = #""name":"n","type":"sheet-sharing","state":{},"templates":[]"#
        #expect(
            message("{\"type\":\"sheet-sharing\",\"templates\":[]}")
                == "qlik-sharing: name is missing; expected a string")
        #expect(
            message("{\"name\":\"n\",\"type\":\"pdf-sharing\",\"templates\":[]}")
                == "qlik-sharing: type: 'pdf-sharing' is not valid; expected one of sheet-sharing, chart-sharing, "
                + "template-sharing, chart-monitoring")
        #expect(
            message("{\(base),\"scheduleOptions\":{\"recurrence\":[]}}")
                == "qlik-sharing: scheduleOptions.recurrence: an array of 0 is not valid; expected 1 to 5 RRULE lines "
                + "(qlik-sharing.md §6.2)")
        #expect(
            message("{\(base),\"scheduleOptions\":{\"recurrence\":[\"RRULE:FREQ=DAILY;UNTIL=20270101T000000Z\"]}}")
                == "qlik-sharing: scheduleOptions.recurrence[0]: 'RRULE:FREQ=DAILY;UNTIL=20270101T000000Z' is not valid; "
                + "expected an RRULE line without UNTIL (qlik-sharing.md §6.2: the window is startDateTime and endDateTime)"
        )
        #expect(
            message(
                "{\(base),\"scheduleOptions\":{\"recurrence\":[\"RRULE:FREQ=DAILY\"],\"startDateTime\":\"2026-12-01T08:00:00Z\"}}"
            )
                == "qlik-sharing: scheduleOptions.startDateTime: '2026-12-01T08:00:00Z' is not valid; expected a local "
                + "date-time without offset, YYYY-MM-DDTHH:MM:SS")
        #expect(
            message(
                "{\(base),\"scheduleOptions\":{\"recurrence\":[\"RRULE:FREQ=DAILY\"],\"timezone\":\"Mars/Olympus\"}}")
                == "qlik-sharing: scheduleOptions.timezone: 'Mars/Olympus' is not valid; expected an IANA zone name "
                + "such as Europe/Berlin")
        #expect(
            message("{\(base),\"enabled\":\"yes\"}")
                == "qlik-sharing: enabled: 'yes' is not valid; expected true or false")
    }

    /// Every example decodes and round-trips; there are at least ten.
    @Test func examples() throws {
        let files = QlikTestSupport.examples("qlik-sharing")
        #expect(files.count >= 10)
        var tasks = 0
        for file in files {
            let json = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: file))
            for (_, document) in try adapter.taskDocuments(in: json) {
                let task = try adapter.decode(document, context: context)
                let encoded = adapter.encode(task, context: context)
                #expect(
                    QlikTestSupport.text(encoded.json)
                        == QlikTestSupport.text(QlikTestSupport.sharingCreateForm(document)),
                    "\(file.lastPathComponent)")
                tasks += 1
            }
        }
        #expect(tasks == 12)
    }

    /// An edited canonical task is written from its canonical values, not from the text it was read from.
    @Test func editedScheduleAndRecipientsAreWrittenAfresh() throws {
        var task = try decode("emea-sales-pack.json")
        task.schedule = try rrule(
            ["RRULE:FREQ=DAILY;BYHOUR=9;BYMINUTE=15;BYSECOND=0"], zone: "Europe/Berlin", start: "2026-12-01T09:15:00")
        task.deliveries = [.email(EmailDelivery(recipients: ["new@example.com"], subject: "EMEA sales pack"))]
        let encoded = adapter.encode(task, context: context)
        #expect(
            encoded.json?["scheduleOptions"]
                == .object([
                    "timezone": .string("Europe/Berlin"),
                    "recurrence": .array([.string("RRULE:FREQ=DAILY;BYSECOND=0;BYMINUTE=15;BYHOUR=9")]),
                    "startDateTime": .string("2026-12-01T09:15:00"),
                ]))
        #expect(encoded.json?["recipients"] == .object(["emailAddresses": .array([.string("new@example.com")])]))
        #expect(encoded.json?["emailContent"] == .object(["subject": .string("EMEA sales pack")]))
        #expect(encoded.losses == [])
        #expect(encoded.schedule.status == .exact)
    }

    @Test func sixRulesAreImpossible() throws {
        var task = try decode("tokyo-ops-deck.json")
        task.schedule = try rrule(
            (1...6).map { "RRULE:FREQ=MONTHLY;BYMONTHDAY=\($0 * 3);BYHOUR=\($0 + 5);BYMINUTE=0;BYSECOND=0" },
            zone: "Asia/Tokyo", start: "2027-02-01T00:00:00")
        let encoded = adapter.encode(task, context: context)
        #expect(encoded.status == .impossible)
        #expect(encoded.schedule.reason == "qlik-sharing holds at most 5 line(s); the schedule needs 6")
        #expect(
            encoded.losses.map(\.description) == [
                "scheduleOptions: qlik-sharing holds at most 5 line(s); the schedule needs 6"
            ])
    }

    @Test func documentsThatAreNoTasks() throws {
        #expect(throws: TaskDecodingError.self) { try adapter.taskDocuments(in: .string("x")) }
        do {
            _ = try adapter.decode(.integer(1), context: context)
        } catch {
            #expect(error.description == "qlik-sharing: $: 1 is not valid; expected an object")
        }
        do {
            _ = try adapter.taskDocuments(in: .object(["sharingTasks": .object([:])]))
        } catch {
            #expect(
                error.description
                    == "qlik-sharing: sharingTasks: an object is not valid; expected an array of sharing tasks")
        }
    }
}
