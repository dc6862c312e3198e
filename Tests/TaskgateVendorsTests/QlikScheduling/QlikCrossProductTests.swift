import Foundation
import TaskgateCore
import Testing

@testable import TaskgateVendors

/// Sharing → scheduling and scheduling → sharing: what is written and every loss, word for word.
@Suite struct QlikCrossProductTests {
    let sharing = QlikSharingAdapter()
    let scheduling = QlikSchedulingAdapter()

    func losses(_ encoded: EncodedTask) -> [String] {
        encoded.losses.map {
            "\($0.path) = \(QlikTestSupport.text($0.value).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "  ", with: "")): \($0.reason)"
        }
    }

    @Test func threeRuleSharingTaskIntoScheduling() throws {
        let context = QlikTestSupport.context()
        let task = try sharing.decode(
            QlikTestSupport.fixture("qlik-sharing", "ops-three-rules-response.json"), context: context)
        let encoded = scheduling.encode(task, context: context)
        #expect(encoded.json == nil)
        #expect(encoded.status == .impossible)
        #expect(
            losses(encoded) == [
                #"emailContent.body = "Handover sheets attached.": qlik-scheduling reloads an app; it sends no e-mail"#,
                #"emailContent.subject = "Shift digest": qlik-scheduling reloads an app; it sends no e-mail"#,
                #"owner = "pXVNKqotgEMwbKwhz2agPE4yFelnPcWO": qlik-scheduling makes the caller the owner (H31)"#,
                #"recipients = ["shift-leads@example.com","pXVNKqotgEMwbKwhz2agPE4yFelnPcWO"]: "#
                    + "qlik-scheduling reloads an app; it sends no e-mail",
                #"scheduleOptions = "RRULE:FREQ=WEEKLY;BYSECOND=0;BYMINUTE=0;BYHOUR=22;BYDAY=SA,SU": "#
                    + "qlik-scheduling holds one recurrence per task (H16): this rule needs a separate task",
                #"sharePointFolder = "/sites/ops/Shared Documents/Digests": "#
                    + "qlik-scheduling reloads an app; it stores no output",
                #"state = {"selections" : [{"isNumeric" : false,"name" : "Warehouse","stateName" : "$","values" : "#
                    + #"["Leipzig"]}]}: qlik-scheduling has no field for qlik-sharing's 'state'"#,
                #"tags = ["ops","shift"]: qlik-scheduling has no field for qlik-sharing's 'tags'"#,
                #"templates = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a": no Qlik app is mapped to qlik-sharing id "#
                    + "'3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a' (--id-map)",
                #"templates = [{"fileName" : "ops-digest","fileTimeStamp" : "yyyy-MM-dd_HH-mm","multiSheetData" : "#
                    + #"[{"appId" : "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a","resizeType" : "autofit","sheetId" : "#
                    + #""aa11bb22-cc33-4d44-8e55-ff6677889900"}],"subType" : "pdf","type" : "multi-sheet"}]: "#
                    + "qlik-scheduling has no field for qlik-sharing's 'templates'",
                #"templates[0].subType = "pdf": an app reload has no output format"#,
                #"type = "export": qlik-scheduling only reloads apps; it has no action 'export' on target kind 'sheet'"#,
            ])
        // The first two rules merge into one (6:00 and 14:00 daily); the weekend rule needs a second task.
        #expect(
            encoded.schedule.target?.lines == [
                "RRULE:FREQ=DAILY;BYSECOND=0;BYMINUTE=0;BYHOUR=6,14",
                "RRULE:FREQ=WEEKLY;BYSECOND=0;BYMINUTE=0;BYHOUR=22;BYDAY=SA,SU",
            ])
        #expect(encoded.schedule.status == .exact)
    }

    @Test func reloadIntoSharing() throws {
        let context = QlikTestSupport.context()
        let task = try scheduling.decode(
            QlikTestSupport.fixture("qlik-scheduling", "weekday-reload-berlin.json"), context: context)
        let encoded = sharing.encode(task, context: context)
        #expect(encoded.json == nil)
        #expect(
            losses(encoded) == [
                #"metadata.spaceId = "6650f0c2a1b2c3d4e5f60718": qlik-sharing has no field for qlik-scheduling's "#
                    + "'metadata.spaceId'",
                #"metadata.usage = "ANALYTICS": qlik-sharing has no field for qlik-scheduling's 'metadata.usage'"#,
                #"specVersion = "0.8": qlik-sharing has no field for qlik-scheduling's 'specVersion'"#,
                #"states[0].onEvents[0].actions[0].functionRef.arguments.appId = "2f0c7b8e-4a51-4c9e-9a0e-5d7f1c2b3a44": "#
                    + "no Qlik app is mapped to qlik-scheduling id '2f0c7b8e-4a51-4c9e-9a0e-5d7f1c2b3a44' (--id-map)",
                "states[0].onEvents[0].actions[0].functionRef.arguments.partial = false: qlik-sharing has no field for "
                    + "qlik-scheduling's 'partial'",
                #"states[0].onEvents[0].actions[0].functionRef.refName = "refresh": qlik-sharing has no task type for "#
                    + "the action 'refresh' on target kind 'app'",
                #"version = "1.0.0": qlik-sharing has no field for qlik-scheduling's 'version'"#,
            ])
        #expect(encoded.schedule.status == .exact)
        #expect(
            encoded.schedule.target?.lines == ["RRULE:FREQ=WEEKLY;BYSECOND=0;BYMINUTE=30;BYHOUR=6;BYDAY=MO,TU,WE,TH,FR"]
        )
    }

    /// A task as another product's adapter hands it over: a Wyn report export, mapped to Qlik ids.
    func wynTask() throws -> CanonicalTask {
        let schedule = try Dialect.quartzNet.parse(
            ["0 0 8 ? * MON-FRI"],
            context: DialectContext(
                zone: "Europe/Berlin", start: LocalDateTime(parsing: "2026-12-01T00:00:00"),
                reference: QlikTestSupport.now))
        return CanonicalTask(
            identity: TaskIdentity(product: .wyn, name: "Daily sales PDF", description: "Sales by region"),
            target: TaskTarget(kind: "report", id: "wyn-doc-42", name: "Sales"),
            action: TaskAction(
                kind: "export", format: "pdf", parameters: ["pageSize": .string("A4")], timeoutSeconds: 600),
            schedule: schedule,
            deliveries: [
                .email(
                    EmailDelivery(
                        recipients: ["sales@example.com"], copies: ["cfo@example.com"], subject: "Daily sales",
                        body: "Attached.")),
                .storage(StorageDelivery(kind: "wyn-document-store", location: "/Reports/Sales")),
            ],
            owner: TaskPrincipal(id: "7", name: "admin"),
            extensions: [.wyn: ["deployTo.emailAttach.settings.replyTo": .string("noreply@example.com")]],
            provenance: [
                .schedule: "trigger.pattern.patterns", .target: "documentId", .action: "taskType",
                .actionParameters: "parameters", .emailRecipients: "deployTo.emailAttach.settings.mailTo",
                .emailCopies: "deployTo.emailAttach.settings.cc", .storage: "deployTo.localStore", .owner: "owner",
                .timeout: "timeout",
            ])
    }

    @Test func wynReportIntoSharing() throws {
        let context = QlikTestSupport.context(
            idMap: IDMap(entries: [.init(from: .wyn, fromID: "wyn-doc-42", to: .qlikSharing, toID: "rpt-template-9")]))
        let encoded = sharing.encode(try wynTask(), context: context)
        let expected: JSONValue = .object([
            "name": .string("Daily sales PDF"), "description": .string("Sales by region"), "enabled": .bool(true),
            "type": .string("template-sharing"),
            "templates": .array([
                .object([
                    "type": .string("pixel-perfect"), "subType": .string("pdf"),
                    "templateId": .string("rpt-template-9"),
                ])
            ]),
            "state": .object(["selections": .array([])]),
            "recipients": .object(["emailAddresses": .array([.string("sales@example.com")])]),
            "emailContent": .object(["subject": .string("Daily sales"), "body": .string("Attached.")]),
            "transportChannels": .array([.string("email")]),
            "scheduleOptions": .object([
                "timezone": .string("Europe/Berlin"),
                "recurrence": .array([.string("RRULE:FREQ=DAILY;BYSECOND=0;BYMINUTE=0;BYHOUR=8;BYDAY=MO,TU,WE,TH,FR")]),
                "startDateTime": .string("2026-12-01T00:00:00"),
            ]),
        ])
        #expect(QlikTestSupport.text(encoded.json) == QlikTestSupport.text(expected))
        #expect(
            losses(encoded) == [
                #"deployTo.emailAttach.settings.cc = ["cfo@example.com"]: qlik-sharing has no Cc"#,
                #"deployTo.emailAttach.settings.replyTo = "noreply@example.com": qlik-sharing has no field for wyn's "#
                    + "'deployTo.emailAttach.settings.replyTo'",
                #"deployTo.localStore = "/Reports/Sales": qlik-sharing stores output only in one SharePoint folder, "#
                    + "not in 'wyn-document-store'",
                #"owner = "7": qlik-sharing makes the caller the owner; an owner cannot be set on create"#,
                #"parameters.pageSize = "A4": qlik-sharing has no field for wyn's 'pageSize'"#,
                "timeout = 600: qlik-sharing has no run time limit",
            ])
        #expect(encoded.schedule.status == .exact)
        #expect(encoded.status == .lossy)
    }

    @Test func wynDatasetRefreshIntoScheduling() throws {
        let context = QlikTestSupport.context(
            idMap: IDMap(entries: [.init(from: .wyn, fromID: "wyn-doc-42", to: .qlikScheduling, toID: "app-1")]))
        var task = try wynTask()
        task.action = TaskAction(kind: "refresh", timeoutSeconds: 600)
        task.target = TaskTarget(kind: "dataset", id: "wyn-doc-42")
        task.deliveries = []
        let encoded = scheduling.encode(task, context: context)
        let state: JSONValue = .object([
            "name": .string("reload"), "type": .string("event"), "end": .bool(true),
            "onEvents": .array([
                .object([
                    "eventRefs": .array([]),
                    "actions": .array([
                        .object([
                            "name": .string("reload-action"),
                            "functionRef": .object([
                                "refName": .string("app.reload"),
                                "arguments": .object(["appId": .string("app-1"), "partial": .bool(false)]),
                            ]),
                        ])
                    ]),
                ])
            ]),
        ])
        let expected: JSONValue = .object([
            "name": .string("Daily sales PDF"), "description": .string("Sales by region"), "enabled": .bool(true),
            "specVersion": .string("0.8"), "metadata": .object(["usage": .string("ANALYTICS")]),
            "start": .object([
                "stateName": .string("reload"),
                "schedule": .object([
                    "recurrence": .string("RRULE:FREQ=DAILY;BYSECOND=0;BYMINUTE=0;BYHOUR=8;BYDAY=MO,TU,WE,TH,FR"),
                    "startDateTime": .string("2026-12-01T00:00:00"),
                    "timezone": .string("Europe/Berlin"),
                ]),
            ]),
            "states": .array([state]),
        ])
        #expect(QlikTestSupport.text(encoded.json) == QlikTestSupport.text(expected))
        #expect(
            losses(encoded) == [
                #"deployTo.emailAttach.settings.replyTo = "noreply@example.com": qlik-scheduling has no field for "#
                    + "wyn's 'deployTo.emailAttach.settings.replyTo'",
                #"owner = "7": qlik-scheduling makes the caller the owner (H31)"#,
                "timeout = 600: qlik-scheduling has no run time limit (a reload fails after three hours)",
            ])
        #expect(encoded.status == .lossy)
    }
}
