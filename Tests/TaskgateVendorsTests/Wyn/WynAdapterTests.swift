import Foundation
import TaskgateCore
import TaskgateVendors
import Testing

@Suite("Wyn adapter")
struct WynAdapterTests {
    let adapter = WynAdapter()

    /// The seed's own request body (wyn.md §8.1), field by field.
    @Test func seedDecodesToExactCanonicalValues() throws {
        let json = try VendorTesting.json(
            VendorTesting.fixtures.appendingPathComponent("wyn/seed-000-create-request.json"))
        let task = try adapter.decode(json, context: VendorTesting.context())
        #expect(task.identity == TaskIdentity(product: .wyn, name: "Cash Flow Report Task"))
        #expect(task.enabled)
        #expect(task.target == TaskTarget(kind: "report", id: "b1d3027c-f808-4a0b-b8d8-b398cc18631a"))
        #expect(
            task.action
                == TaskAction(
                    kind: "export", format: "pdf",
                    parameters: [
                        "isEmailBody": .bool(false), "parameters": .object([:]), "bursting": .null,
                        "settings": .object([:]), "exportFormat": .string("pdf"),
                    ]))
        #expect(task.schedule.zone == "America/New_York")
        #expect(task.schedule.window.start == .instant(Instant(secondsSinceEpoch: 1_775_278_800)))
        #expect(task.schedule.window.end == nil)
        #expect(
            try task.schedule.nextOccurrences(after: VendorTesting.now, count: 2).map(\.description) == [
                "2026-11-23T13:00:00Z", "2026-11-24T13:00:00Z",
            ])
        #expect(
            task.deliveries == [
                .email(
                    EmailDelivery(
                        recipients: ["enea.gega@wynenterprise.com", "experts@wynenterprise.com"],
                        subject: "Cash Flow Report",
                        body: "Please find the Cash Flow Report attached as a pdf document.", mode: .attachment)),
                .storage(
                    StorageDelivery(
                        kind: "wyn-document-store",
                        settings: ["allowAnonymous": .bool(false), "storePolicy": .object(["forever": .bool(true)])])),
            ])
        let extensions = try #require(task.extensions[.wyn])
        #expect(extensions["templateId"] == .string(""))
        #expect(extensions["historyDataExpiryDuration"] == .string("0:never_expire"))
        #expect(extensions["deployTo.emailAttach.settings.replyTo"] == .string("enea.gega@wynenterprise.com"))
        #expect(extensions["deployTo.emailAttach.settings.bodyForEmptyDocument"] == .string(""))
        #expect(extensions["task.parameters"] == .string("{}"))
        #expect(task.server == ServerState())
    }

    @Test func everyFileDecodesAsItsGolden() throws {
        try AdapterLaws.decodeGoldens(adapter, folder: "wyn")
    }

    @Test func roundTripGivesTheSameJSON() throws {
        let count = try AdapterLaws.roundTrip(adapter, folder: "wyn", normalise: Self.normalise)
        #expect(count == 14)
    }

    @Test func everyFileConvertsToVcoAsItsGolden() throws {
        try AdapterLaws.crossGoldens(adapter, folder: "wyn", to: VcoAdapter()) { task in
            guard let target = task.target else { return IDMap() }
            return IDMap(entries: [
                IDMap.Entry(from: .wyn, fromID: target.id, to: .vco, toID: "wf-" + target.id.prefix(8))
            ])
        }
    }

    /// Without a workflow in the id map nothing can be written, and the loss says why.
    @Test func toVcoWithoutAWorkflowMappingWritesNothing() throws {
        let json = try VendorTesting.json(
            VendorTesting.fixtures.appendingPathComponent("wyn/seed-000-create-request.json"))
        let task = try adapter.decode(json, context: VendorTesting.context())
        let encoded = VcoAdapter().encode(task, context: VendorTesting.context())
        #expect(encoded.json == nil)
        #expect(encoded.status == .impossible)
        #expect(
            encoded.losses.first { $0.path == "documentId" }
                == Loss(
                    path: "documentId", value: .string("b1d3027c-f808-4a0b-b8d8-b398cc18631a"),
                    reason:
                        "no vco workflow is mapped to wyn report 'b1d3027c-f808-4a0b-b8d8-b398cc18631a'; add it to --id-map"
                ))
    }

    @Test(arguments: [
        (
            #"{"documentId":"d","task":{"taskType":"RptExport","payload":"{}","documentId":"d"},"trigger":{"explicit":true}}"#,
            "wyn: description is missing; expected a string"
        ),
        (
            #"{"description":"x","documentId":"d","task":{"taskType":"RptExport","payload":"{}","documentId":"d"},"trigger":{"explicit":true,"once":"2026-05-04T07:00:00Z"}}"#,
            "wyn: trigger: an object is not valid; expected exactly one of explicit, once, pattern, templateId (found 2)"
        ),
        (
            #"{"description":"x","documentId":"d","task":{"taskType":"RptMail","payload":"{}","documentId":"d"},"trigger":{"explicit":true}}"#,
            "wyn: task.taskType: 'RptMail' is not valid; expected a task type named in mappings/vocabulary.yaml: RptExport, DashExport, DatasetRefresh, DataSourceExtract, DatasetCleanup, DataModelRefresh, CompoundTask, RptPreviewCache, DataflowRefresh, RptServerPrint"
        ),
        (
            #"{"description":"x","documentId":"d","task":{"taskType":"RptExport","payload":"pdf","documentId":"d"},"trigger":{"explicit":true}}"#,
            "wyn: task.payload: 'pdf' is not valid; expected a JSON object serialised into a string"
        ),
        (
            #"{"description":"x","documentId":"d","task":{"taskType":"RptExport","payload":"{}","documentId":"d"},"trigger":{"pattern":{"patterns":["0 0 8 ? * MON *","0 0 8 * * MON-FRI"],"startDate":"2026-01-01T00:00:00Z","timeZoneId":"Eastern Standard Time"}}}"#,
            "WYN-PATTERN"
        ),
        (
            #"{"description":"x","documentId":"d","task":{"taskType":"RptExport","payload":"{}","documentId":"d"},"trigger":{"pattern":{"patterns":["0 0 8 ? * MON *"],"startDate":"2026-01-01T00:00:00Z","timeZoneId":"Mars/Olympus"}}}"#,
            "wyn: trigger.pattern.timeZoneId: 'Mars/Olympus' is not valid; expected an IANA name such as Europe/Berlin or a Windows zone id"
        ),
        (
            #"{"description":"x","documentId":"d","task":{"taskType":"RptExport","payload":"{}","documentId":"d"},"trigger":{"pattern":{"patterns":["0 0 8 ? * MON *"],"startDate":"tomorrow"}}}"#,
            "wyn: trigger.pattern.startDate: 'tomorrow' is not valid; expected an RFC 3339 instant in UTC such as 2026-04-04T05:00:00Z"
        ),
        (
            #"{"description":"x","isActive":"yes","documentId":"d","task":{"taskType":"RptExport","payload":"{}","documentId":"d"},"trigger":{"explicit":true}}"#,
            "wyn: isActive: 'yes' is not valid; expected true or false"
        ),
        (
            #"{"description":"x","documentId":"d","trigger":{"explicit":true}}"#,
            "wyn: task is missing; expected a TaskInfo object (required unless compoundTask is true)"
        ),
        (
            #"{"description":"x","documentId":"d","task":{"taskType":"RptExport","payload":"{}","documentId":"d"},"trigger":{"explicit":true},"deployTo":{"emailAttach":{"settings":{"mailTo":"a@example.com"}}}}"#,
            "wyn: deployTo.emailAttach.settings.mailTo: 'a@example.com' is not valid; expected an array of strings"
        ),
    ])
    func decodingErrorsNameThePathTheValueAndTheExpectation(input: String, message: String) throws {
        let expected =
            message == "WYN-PATTERN"
            ? "wyn: trigger.pattern.patterns[1]: '0 0 8 * * MON-FRI' is not valid; expected a Quartz cron expression (\(Self.patternError))"
            : message
        let actual = try AdapterLaws.decodingError(adapter, input)
        #expect(actual == expected, "actual: \(actual)")
    }

    static let patternError =
        "quartz-net: day-of-week (field 6, column 11) 'MON-FRI': day-of-month is restricted too; one of the two day fields must be '?'"

    @Test func aFileOfNeitherShapeIsRefused() throws {
        #expect(
            throws: TaskDecodingError(
                product: .wyn, path: .root, value: .integer(3),
                expected: "a Wyn task object, an array of tasks, or {\"tasks\": [...]}")
        ) {
            try adapter.taskDocuments(in: .integer(3))
        }
    }

    /// Server-set members are read and never written; defaults a body may leave out are filled.
    static func normalise(_ json: JSONValue) -> JSONValue {
        guard case .object(var object) = json else { return json }
        for key in ["id", "taskId", "createdDate", "modifiedDate", "nextRunTime", "lastRunTime", "status"] {
            object[key] = nil
        }
        if case .object(var trigger)? = object["trigger"], case .object(var pattern)? = trigger["pattern"] {
            pattern["endDate"] = pattern["endDate"] ?? .null
            trigger["pattern"] = .object(pattern)
            object["trigger"] = .object(trigger)
        }
        return .object(object)
    }
}

@Suite("Wyn trigger members")
struct WynTriggerMemberTests {
    /// `onceTimeZoneId` beside `explicit` has nothing to travel with; it is kept, not dropped.
    @Test func aZoneWithoutOnceIsKeptVerbatim() throws {
        let json = try VendorTesting.json(
            #"{"description":"x","documentId":"d","task":{"taskType":"RptExport","payload":"{}","documentId":"d"},"trigger":{"explicit":true,"onceTimeZoneId":"UTC"}}"#
        )
        let adapter = WynAdapter()
        let task = try adapter.decode(json, context: VendorTesting.context())
        #expect(task.extensions[.wyn]?["trigger.onceTimeZoneId"] == .string("UTC"))
        #expect(adapter.encode(task, context: VendorTesting.context()).json == json)
    }
}

@Suite("Wyn server-set members")
struct WynServerMemberTests {
    /// The members the emulator (and an ASP.NET Wyn server) sets on a returned task are read as
    /// server state and never written back on create, so a migrated task does not carry them.
    @Test func ownerAndLastModifiedTimeAreReadAndNeverWritten() throws {
        let json = try VendorTesting.json(
            """
            {"id": "7", "description": "Daily pack", "owner": "admin", "createdTime": "2026-11-01T00:00:00Z",
             "lastModifiedTime": "2026-11-02T00:00:00Z", "documentId": "doc-1",
             "task": {"taskType": "RptExport", "payload": "{}", "documentId": "doc-1"},
             "trigger": {"pattern": {"patterns": ["0 0 8 * * ?"], "startDate": "2026-01-01T00:00:00Z",
                                     "endDate": null, "timeZoneId": "UTC"}}}
            """)
        let adapter = WynAdapter()
        let task = try adapter.decode(json, context: VendorTesting.context())
        #expect(task.server.fields["owner"] == .string("admin"))
        #expect(task.server.fields["lastModifiedTime"] == .string("2026-11-02T00:00:00Z"))
        guard case .object(let written)? = adapter.encode(task, context: VendorTesting.context()).json else {
            Issue.record("nothing written")
            return
        }
        #expect(written["owner"] == nil)
        #expect(written["lastModifiedTime"] == nil)
        #expect(written["createdTime"] == nil)
    }
}
