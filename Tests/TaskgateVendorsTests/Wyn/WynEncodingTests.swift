import Foundation
import TaskgateCore
import TaskgateVendors
import Testing

@Suite("Wyn encoding from another product")
struct WynEncodingTests {
    /// A canonical export task as another product would decode it: the id map gives the Wyn
    /// document, the vocabulary the task type, the converter the Quartz pattern; Cc addresses,
    /// settings and the second channel are losses.
    @Test(arguments: [AdapterContext.WynZoneStyle.windows, .iana])
    func aForeignExportTaskEncodesWithItsLosses(style: AdapterContext.WynZoneStyle) throws {
        let schedule = try Dialect.rrule.parse(
            ["RRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=8;BYMINUTE=0;BYSECOND=0"],
            context: DialectContext(
                zone: "Europe/Berlin", start: LocalDateTime(parsing: "2026-01-05T00:00:00"),
                reference: VendorTesting.now))
        let task = CanonicalTask(
            identity: TaskIdentity(product: .qlikSharing, name: "Weekly sales", description: "Monday mornings"),
            target: TaskTarget(kind: "app", id: "app-1"),
            action: TaskAction(kind: "export", format: "pdf", parameters: ["subType": .string("pdf")]),
            schedule: schedule,
            deliveries: [
                .email(EmailDelivery(recipients: ["a@example.com"], copies: ["c@example.com"], subject: "Sales")),
                .storage(StorageDelivery(kind: "wyn-document-store")),
            ],
            provenance: [
                .target: "appId", .actionParameters: "templateFile", .emailRecipients: "recipients",
                .storage: "sharepoint",
            ])
        var context = VendorTesting.context(
            idMap: IDMap(entries: [
                IDMap.Entry(from: .qlikSharing, fromID: "app-1", to: .wyn, toID: "doc-9", toKind: "report")
            ]))
        context.wynZoneStyle = style
        let encoded = WynAdapter().encode(task, context: context)
        let zone = style == .windows ? "W. Europe Standard Time" : "Europe/Berlin"
        #expect(encoded.schedule.status == .exact)
        #expect(
            encoded.json
                == .object([
                    "description": .string("Weekly sales"), "documentId": .string("doc-9"),
                    "task": .object([
                        "taskType": .string("RptExport"), "payload": .string(#"{"exportFormat":"pdf"}"#),
                        "parameters": .string("{}"), "documentId": .string("doc-9"),
                    ]),
                    "trigger": .object([
                        "pattern": .object([
                            "patterns": .array([.string("0 0 8 ? * MON *")]),
                            "startDate": .string("2026-01-04T23:00:00Z"),
                            "endDate": .null, "timeZoneId": .string(zone),
                        ])
                    ]),
                    "deployTo": .object([
                        "emailAttach": .object([
                            "settings": .object([
                                "mailTo": .array([.string("a@example.com")]), "subject": .string("Sales"),
                            ])
                        ])
                    ]),
                ]), "\(encoded.json.map(VendorTesting.text) ?? "none")")
        #expect(
            encoded.losses.map(\.description) == [
                "description: wyn has one title per task (description); the longer description is dropped",
                "recipients: wyn has no Cc: addresses",
                "sharepoint: wyn delivers to one channel per task (deployTo)",
                "templateFile: wyn's task payload keys are not documented; qlik-sharing settings are not carried",
            ])
    }
}
