import Foundation
import TaskgateCore
import TaskgateEmulators
import TaskgateMigration
import TaskgateUpstream
import TaskgateVendors
import Testing

@testable import taskgate

/// `--filter`: the conditions read, their errors word for word, and the plan they leave.
@Suite("migrate --filter")
struct TaskFilterTests {
    @Test func conditionsRead() throws {
        let filter = try TaskFilter(parsing: ["enabled=true", "name~Report", "id!=7", "target-kind=app", "name=a=b"])
        #expect(
            filter.conditions == [
                TaskFilter.Condition(field: .enabled, comparison: .equal, value: "true"),
                TaskFilter.Condition(field: .name, comparison: .contains, value: "Report"),
                TaskFilter.Condition(field: .id, comparison: .notEqual, value: "7"),
                TaskFilter.Condition(field: .targetKind, comparison: .equal, value: "app"),
                TaskFilter.Condition(field: .name, comparison: .equal, value: "a=b"),
            ])
        #expect(filter.description == "enabled=true and name~Report and id!=7 and target-kind=app and name=a=b")
    }

    @Test(arguments: [
        (
            "colour=red",
            "filter 'colour=red': field 'colour' is unknown; expected one of id, name, enabled, action, target, "
                + "target-kind, owner, verdict"
        ),
        ("name", "filter 'name': no comparison; expected FIELD=VALUE, FIELD!=VALUE or FIELD~TEXT"),
        ("name!x", "filter 'name!x': '!x' is no comparison; expected =, != or ~"),
        ("enabled=yes", "filter 'enabled=yes': enabled is 'yes'; expected true or false"),
        ("verdict=fine", "filter 'verdict=fine': verdict is 'fine'; expected exact, lossy or impossible"),
    ])
    func aConditionThatDoesNotReadSaysWhy(_ text: String, _ message: String) {
        #expect(throws: TaskFilterError.self) { try TaskFilter(parsing: [text]) }
        do {
            _ = try TaskFilter(parsing: [text])
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func anUnreadableTaskPassesOnlyConditionsOnItsID() throws {
        #expect(try TaskFilter(parsing: ["id=#3"]).matches(id: "#3", task: nil, verdict: nil))
        #expect(!(try TaskFilter(parsing: ["id=#3", "enabled=true"]).matches(id: "#3", task: nil, verdict: nil)))
        #expect(TaskFilter().matches(id: "#3", task: nil, verdict: nil))
    }

    @Test func theDryRunPlansOnlyTheTasksPassingEveryCondition() async throws {
        try await MigrationHarness.withEmulators([.fylr, .wyn]) { urls, client in
            let seeded = try await MigrationHarness.seed(.fylr, at: urls[0], count: 1, client: client)
            let source = MigrationEndpoint(product: .fylr, baseURL: urls[0], token: "secret")
            let target = MigrationEndpoint(product: .wyn, baseURL: urls[1], token: "secret")
            func planned(_ conditions: [String]) async throws -> [String] {
                let run = MigrateRun(
                    source: source, target: target, context: MigrationHarness.context(), dryRun: true,
                    planPath: nil, only: nil, policy: .allow, journalPath: "/nonexistent/journal.sqlite",
                    reportPath: nil, rate: nil, insecure: false, json: false, progress: false,
                    filter: try TaskFilter(parsing: conditions))
                return try await run.execute().report.tasks.map { "\($0.sourceID) \($0.name)" }
            }
            let all = try await planned([])
            #expect(all.count == seeded)
            #expect(all.count == 13)
            #expect(
                try await planned(["enabled=false"]) == [
                    "7 Restore the records deleted from pool 22 (run by hand)",
                    "8 Weekly licence check (paused during the audit)",
                ])
            #expect(try await planned(["name~PURGE"]) == ["1 Nightly purge of the quarantine pool"])
            #expect(
                try await planned(["enabled=true", "name~e", "id!=1"])
                    == all.filter { !$0.hasPrefix("1 ") && !$0.hasPrefix("7 ") && !$0.hasPrefix("8 ") })
            #expect(
                try await planned(["action=set-tags"]) == [
                    "2 Tag new drafts every working morning",
                    "9 Release embargoed images at noon on weekdays and at 8:00 on the 1st and 15th",
                ])
            #expect(try await planned(["verdict=impossible"]) == all)
            #expect(try await planned(["verdict=exact"]) == [])
        }
    }
}
