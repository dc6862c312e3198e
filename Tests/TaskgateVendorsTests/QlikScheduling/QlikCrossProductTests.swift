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
}
