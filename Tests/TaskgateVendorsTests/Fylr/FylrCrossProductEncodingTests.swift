import TaskgateCore
import TaskgateVendors
import Testing

/// Tasks from other products written as fylr tasks: what lands, and every loss, word for word.
@Suite struct FylrCrossProductEncodingTests {
    let adapter = FylrAdapter()

    /// A Qlik-sharing-like task with a report target, a mail with subject and copies, and a store.
    func foreignTask(action: String, enabled: Bool = true, schedule: Schedule) -> CanonicalTask {
        CanonicalTask(
            identity: TaskIdentity(product: .qlikSharing, name: "Weekly sales", description: "For the board"),
            enabled: enabled,
            target: TaskTarget(kind: "app", id: "app-42"),
            action: TaskAction(kind: action, format: "pdf", parameters: ["sheet": .string("s1")], timeoutSeconds: 600),
            schedule: schedule,
            deliveries: [
                .email(
                    EmailDelivery(
                        recipients: ["board@corp.example"], copies: ["cfo@corp.example"], subject: "Sales",
                        body: "Attached.")),
                .storage(StorageDelivery(kind: "sharepoint", location: "/reports")),
            ],
            runAs: TaskPrincipal(name: "svc-reports"),
            onFailure: FailureNotification(emails: ["ops@corp.example"]),
            provenance: [
                .target: "appId", .actionParameters: "templates[0]", .description: "description",
                .runAs: "owner", .emailCopies: "recipients.cc", .emailSubject: "emailSubject",
                .emailBody: "emailBody", .storage: "deployTo.sharepoint", .schedule: "trigger",
            ])
    }

    /// Mondays at 07:00 in Berlin, read as a cron line.
    var mondays: Schedule {
        get throws {
            try Dialect.cron.parse(
                ["0 7 * * 1"], context: DialectContext(zone: "Europe/Berlin", reference: FylrTesting.now))
        }
    }

    var vocabularyContext: AdapterContext {
        var context = FylrTesting.context
        context.vocabulary = Vocabulary(actions: [
            .fylr: [ActionTerm(values: ["task_module": "search"], action: "search", target: "search")]
        ])
        return context
    }

    @Test func aMappedActionIsWrittenWithEveryLossNamed() throws {
        let encoded = adapter.encode(foreignTask(action: "search", schedule: try mondays), context: vocabularyContext)
        #expect(encoded.status == .lossy)
        #expect(encoded.schedule.status == .exact)
        #expect(
            encoded.json
                == (try FylrTesting.json(
                    #"""
                    {"_basetype": "task", "task": {"_version": 1, "task_module": "search", "task_params": {},
                     "task_timeout_sec": 600, "description": "Weekly sales", "next_run_at": "2026-11-30T06:00:00Z",
                     "email": {"recipients": [{"email": "board@corp.example", "problems_only": false},
                                              {"email": "ops@corp.example", "problems_only": true}]},
                     "schedules": [{"minutes": [0], "hours": [7], "weekdays": ["monday"], "days_of_month": [],
                                    "timezone": "Europe/Berlin"}],
                     "frontend_prefs": {"taskgate": {"source": "qlik-sharing", "name": "Weekly sales",
                       "description": "For the board", "target": {"kind": "app", "id": "app-42"},
                       "action": {"kind": "search", "format": "pdf", "parameters": {"sheet": "s1"}}}}}}
                    """#)))
        #expect(
            encoded.losses.map(\.description) == [
                "appId: fylr modules work on searches; a app target cannot be held",
                "deployTo.sharepoint: fylr tasks write no files to stores",
                "description: fylr has only description, which holds the task's name",
                "emailBody: fylr mails carry the task log, no text",
                "emailSubject: fylr mails have no subject",
                "owner: a fylr task always runs as the user who creates it",
                "recipients.cc: fylr mails go To: only",
                "templates[0]: fylr module parameters are module-defined; the source's action settings cannot be held",
            ])
    }

    @Test func anActionWithoutAModuleIsImpossible() throws {
        let encoded = adapter.encode(foreignTask(action: "export", schedule: try mondays), context: FylrTesting.context)
        #expect(encoded.status == .impossible)
        #expect(encoded.json == nil)
        #expect(
            encoded.losses.first?.description
                == "$: fylr runs built-in modules only; no module in mappings/vocabulary.yaml stands for 'export' "
                + "(fylr.md §11.6)")
    }

    @Test func aScheduleFylrCannotHoldIsImpossible() throws {
        let quarterly = try Dialect.cron.parse(
            ["0 7 1 1,4,7,10 *"], context: DialectContext(zone: "UTC", reference: FylrTesting.now))
        let encoded = adapter.encode(foreignTask(action: "search", schedule: quarterly), context: vocabularyContext)
        #expect(encoded.status == .impossible)
        #expect(encoded.json == nil)
        #expect(encoded.schedule.reason?.contains("fylr has no month field") == true)
    }

    @Test func aDisabledSingleRunLosesItsTime() throws {
        let once = Schedule(kind: .once(FylrTesting.now.adding(seconds: 3600)), zone: "UTC")
        let encoded = adapter.encode(
            foreignTask(action: "search", enabled: false, schedule: once), context: vocabularyContext)
        #expect(encoded.json?["task"]?["next_run_at"] == .null)
        #expect(
            encoded.losses.contains(
                Loss(
                    path: "trigger", value: .string("2026-11-23T16:00:00Z"),
                    reason: "fylr has no enabled flag: a disabled single run is next_run_at null, and its time "
                        + "cannot be kept (fylr.md §5.2 item 10)")))
    }
}
