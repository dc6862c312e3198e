import Foundation
import TaskgateCore
import TaskgateVendors
import Testing

/// Exact decoded values for both envelope shapes, and the list shapes a file may hold.
@Suite struct FylrDecodingTests {
    let adapter = FylrAdapter()

    @Test func currentEnvelopeDecodesToExactValues() throws {
        let json = try FylrTesting.json(
            at: FylrTesting.examples.appendingPathComponent("01-nightly-purge-current.json"))
        let task = try adapter.decode(json, context: FylrTesting.context)
        #expect(task.identity == TaskIdentity(product: .fylr, name: "Nightly purge of the quarantine pool"))
        #expect(task.enabled)
        #expect(task.action.kind == "delete-objects")
        #expect(task.action.timeoutSeconds == 3600)
        #expect(task.action.parameters["delete_policy"] == .string("purge"))
        #expect(task.deliveries == [])
        #expect(task.onFailure == FailureNotification(emails: ["archive@museum.example"]))
        #expect(task.owner == TaskPrincipal(id: "3", name: "archive-admin <archive@museum.example>"))
        #expect(task.server.id == "41")
        #expect(task.server.status == "done")
        #expect(task.server.nextRun == Instant(parsingRFC3339: "2026-11-24T01:30:00Z"))
        #expect(task.server.fields["task._version"] == .integer(7))
        #expect(task.server.fields["created_at"] == .string("2026-03-02T09:14:27Z"))
        #expect(task.server.fields["task.state"] == .object(["last_object_id": .integer(991_823)]))
        #expect(
            task.extensions[.fylr] == [
                "task.task_module": .string("delete_objects"),
                "task.frontend_prefs": .object(["webfrontend": .object(["title": .string("Quarantine purge")])]),
            ])
        #expect(task.schedule.zone == "Europe/Berlin")
        #expect(
            try task.schedule.nextOccurrences(after: FylrTesting.now, count: 2)
                == [
                    Instant(parsingRFC3339: "2026-11-24T01:30:00Z"), Instant(parsingRFC3339: "2026-11-25T01:30:00Z"),
                ].compactMap { $0 })
    }

    @Test func legacyEnvelopeDecodesToExactValues() throws {
        let json = try FylrTesting.json(
            at: FylrTesting.examples.appendingPathComponent("02-weekday-tagging-legacy.json"))
        let task = try adapter.decode(json, context: FylrTesting.context)
        #expect(task.identity.name == "Tag new drafts every working morning")
        #expect(task.action.kind == "set_unset_tags")
        #expect(task.action.timeoutSeconds == nil)
        #expect(task.deliveries == [.email(EmailDelivery(recipients: ["cat@library.example"], mode: .body))])
        #expect(task.onFailure == nil)
        #expect(task.owner == TaskPrincipal(id: "5", name: "cataloguer <cat@library.example>"))
        #expect(task.server.id == "12")
        #expect(task.server.fields["task.version"] == .integer(3))
        #expect(task.server.fields["task.created_at"] == .string("2025-01-14T08:00:00Z"))
        #expect(
            try task.schedule.nextOccurrences(after: FylrTesting.now, count: 3)
                == [
                    Instant(parsingRFC3339: "2026-11-24T06:15:00Z"), Instant(parsingRFC3339: "2026-11-25T06:15:00Z"),
                    Instant(parsingRFC3339: "2026-11-26T06:15:00Z"),
                ].compactMap { $0 })
    }

    @Test func unknownMembersAreKeptVerbatim() throws {
        let json = try FylrTesting.json(
            at: FylrTesting.examples.appendingPathComponent("10-third-friday-with-extra-fields.json"))
        let task = try adapter.decode(json, context: FylrTesting.context)
        #expect(task.extensions[.fylr]?["task.priority_hint"] == .string("low"))
        #expect(
            task.extensions[.fylr]?["_plugin_marker"]
                == .object(["source": .string("fylr-task-sync"), "revision": .integer(3)]))
    }

    @Test func withoutSchedulesNextRunIsOneRunAndNullIsManual() throws {
        let once = try FylrTesting.json(at: FylrTesting.examples.appendingPathComponent("09-one-shot-start-at.json"))
        let onceTask = try adapter.decode(once, context: FylrTesting.context)
        #expect(onceTask.schedule == Schedule(kind: .once(Instant(secondsSinceEpoch: 1_795_906_800)), zone: "UTC"))
        #expect(onceTask.enabled)
        let manual = try FylrTesting.json(at: FylrTesting.examples.appendingPathComponent("05-manual-no-run.json"))
        let manualTask = try adapter.decode(manual, context: FylrTesting.context)
        #expect(manualTask.schedule == Schedule(kind: .manual, zone: "UTC"))
        #expect(!manualTask.enabled)
    }

    @Test func aPausedScheduleIsDisabledAndKeepsItsRules() throws {
        let json = try FylrTesting.json(at: FylrTesting.examples.appendingPathComponent("06-paused-schedule.json"))
        let task = try adapter.decode(json, context: FylrTesting.context)
        #expect(!task.enabled)
        #expect(task.schedule.rules.count == 1)
        let encoded = adapter.encode(task, context: FylrTesting.context)
        #expect(encoded.json?["task"]?["next_run_at"] == .null)
    }

    @Test func fileShapesListTheirTasksWithPaths() throws {
        let legacy = try FylrTesting.json(at: FylrTesting.examples.appendingPathComponent("03-legacy-list-array.json"))
        #expect(try adapter.taskDocuments(in: legacy).map(\.path.description) == ["[0]", "[1]"])
        let current = try FylrTesting.json(
            at: FylrTesting.examples.appendingPathComponent("04-current-list-envelope.json"))
        #expect(try adapter.taskDocuments(in: current).map(\.path.description) == ["objects[0]", "objects[1]"])
        let single = try FylrTesting.json(at: FylrTesting.examples.appendingPathComponent("05-manual-no-run.json"))
        #expect(try adapter.taskDocuments(in: single).map(\.path.description) == ["$"])
    }

    @Test func wholeNumbersWrittenAsDecimalsAreIntegers() throws {
        let json = try FylrTesting.json(
            #"{"task": {"_id": 5.0, "_version": 2.0, "task_module": "search", "task_timeout_sec": 60.0}}"#)
        let task = try adapter.decode(json, context: FylrTesting.context)
        #expect(task.server.id == "5")
        #expect(task.action.timeoutSeconds == 60)
    }
}
