import TaskgateCore
import TaskgateVendors
import Testing

/// Bad documents: each gets its precise message (path, value, what was expected), word for word.
@Suite struct FylrDecodingErrorTests {
    let adapter = FylrAdapter()

    func message(decoding text: String) throws -> String {
        let json = try FylrTesting.json(text)
        do {
            _ = try adapter.decode(json, context: FylrTesting.context)
            return "decoded"
        } catch {
            return error.description
        }
    }

    @Test(arguments: [
        (
            #"{"task": {"description": "x"}}"#,
            "fylr: task.task_module is missing; expected a module name such as delete_objects, metadata, search, set_unset_tags, consolidate_objects"
        ),
        (
            #"{"task": {"task_module": "search", "_id": "41"}}"#,
            "fylr: task._id: '41' is not valid; expected an integer"
        ),
        (#"{"task": {"task_module": "search", "_id": 4.5}}"#, "fylr: task._id: 4.5 is not valid; expected an integer"),
        (
            #"{"task": {"task_module": "search", "next_run_at": "tomorrow"}}"#,
            "fylr: task.next_run_at: 'tomorrow' is not valid; expected an RFC 3339 instant such as 2026-05-30T12:00:10Z"
        ),
        (
            #"{"task": {"task_module": "search", "status": "paused"}}"#,
            "fylr: task.status: 'paused' is not valid; expected one of new, running, done, canceled, error"
        ),
        (
            #"{"task": {"task_module": "search", "task_timeout_sec": -5}}"#,
            "fylr: task.task_timeout_sec: -5 is not valid; expected 0 (no limit) or more seconds"
        ),
        (
            #"{"task": {"task_module": "search", "email": {"recipients": [{"problems_only": true}]}}}"#,
            "fylr: task.email.recipients[0].email is missing; expected an e-mail address"
        ),
        (
            #"{"task": {"task_module": "search", "email": {"recipients": [{"email": "a@b.example", "problems_only": "yes"}]}}}"#,
            "fylr: task.email.recipients[0].problems_only: 'yes' is not valid; expected true or false"
        ),
        (
            #"{"_basetype": "user", "task": {"task_module": "search"}}"#,
            "fylr: _basetype: 'user' is not valid; expected 'task'"
        ),
        (#"{"_user": {"_id": 3}}"#, "fylr: task is missing; expected the task object"),
        (#"{"task": []}"#, "fylr: task: an array of 0 is not valid; expected the task object"),
        (
            #"{"_user": {"_id": "x"}, "task": {"task_module": "search"}}"#,
            "fylr: _user._id: 'x' is not valid; expected an integer"
        ),
    ])
    func badDocumentsAreNamed(text: String, expected: String) throws {
        #expect(try message(decoding: text) == expected)
    }

    @Test func aBadScheduleNamesItsPlace() throws {
        let weekday = try message(
            decoding:
                #"{"task": {"task_module": "search", "next_run_at": null, "schedules": [{"minutes": [0], "hours": [7], "weekdays": ["someday"], "timezone": "UTC"}]}}"#
        )
        #expect(
            weekday
                == "fylr: task.schedules[0].weekdays[0]: 'someday' is not valid; expected a weekday: sunday, monday, "
                + "tuesday, wednesday, thursday, friday, saturday or their first three letters")
        let zones = try message(
            decoding:
                #"{"task": {"task_module": "search", "next_run_at": null, "schedules": [{"minutes": [0], "hours": [7], "timezone": "UTC"}, {"minutes": [0], "hours": [8], "timezone": "Europe/Berlin"}]}}"#
        )
        #expect(
            zones
                == "fylr: task.schedules[1].timezone: 'Europe/Berlin' is not valid; expected a schedule taskgate can "
                + "read; schedules[0] is in UTC and schedules[1] in Europe/Berlin; the schedules of one task must "
                + "share one zone")
        let minute = try message(
            decoding:
                #"{"task": {"task_module": "search", "next_run_at": null, "schedules": [{"minutes": [60], "hours": [7], "timezone": "UTC"}]}}"#
        )
        #expect(minute == "fylr: task.schedules[0].minutes[0]: 60 is not valid; expected an integer 0-59")
    }

    @Test func aFileOfNoKnownShapeIsRefused() throws {
        do {
            _ = try adapter.taskDocuments(in: .string("hello"))
            Issue.record("accepted a string")
        } catch {
            #expect(
                error.description
                    == #"fylr: $: 'hello' is not valid; expected a task envelope {"task": {…}}, an array of them, or a list {"objects": […]}"#
            )
        }
        do {
            _ = try adapter.taskDocuments(in: .object(["objects": .integer(3)]))
            Issue.record("accepted objects: 3")
        } catch {
            #expect(error.description == "fylr: objects: 3 is not valid; expected an array of task envelopes")
        }
    }
}
