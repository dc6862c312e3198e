import Foundation
import TaskgateCore
import TaskgateEmulators
import TaskgateMigration
import TaskgateUpstream
import TaskgateVendors
import Testing

@testable import taskgate

/// `taskgate migrate --dry-run` lists, plans and writes the plan file, and changes nothing remotely.
@Suite("migrate --dry-run")
struct DryRunTests {
    @Test func dryRunWritesThePlanAndNothingRemotely() async throws {
        try await MigrationHarness.withEmulators([.fylr, .fylr]) { urls, client in
            let seeded = try await MigrationHarness.seed(.fylr, at: urls[0], count: 120, client: client)
            let source = MigrationEndpoint(product: .fylr, baseURL: urls[0], token: "secret")
            let target = MigrationEndpoint(product: .fylr, baseURL: urls[1], token: "secret")
            let before = try await TaskListing(client: client, endpoint: source).all()
            let planPath = FileManager.default.temporaryDirectory
                .appendingPathComponent("taskgate-plan-\(UUID().uuidString).json").path
            defer { try? FileManager.default.removeItem(atPath: planPath) }
            let run = MigrateRun(
                source: source, target: target, context: MigrationHarness.context(), dryRun: true,
                planPath: planPath, only: nil, policy: .allow, journalPath: "/nonexistent/journal.sqlite",
                reportPath: nil, rate: nil, insecure: false, json: false, progress: false)
            let result = try await run.execute()
            #expect(result.exitCode == 0)
            #expect(result.report.dryRun)
            #expect(result.report.tasks.count == seeded)
            #expect(result.report.tasks.allSatisfy { $0.decision == "create" && $0.outcome == nil })
            #expect(FileManager.default.fileExists(atPath: planPath))
            #expect(try await TaskListing(client: client, endpoint: source).all() == before)
            #expect(try await TaskListing(client: client, endpoint: target).all() == [])
            #expect(result.standardOutput.hasPrefix("source id                  verdict     action  target schedule"))
        }
    }

    @Test func applyThroughTheCommandReportsAndExitsZero() async throws {
        try await MigrationHarness.withEmulators([.vco, .vco]) { urls, client in
            let seeded = try await MigrationHarness.seed(.vco, at: urls[0], count: 40, client: client)
            let journal = FileManager.default.temporaryDirectory
                .appendingPathComponent("taskgate-journal-\(UUID().uuidString).sqlite").path
            defer { try? FileManager.default.removeItem(atPath: journal) }
            let run = MigrateRun(
                source: MigrationEndpoint(product: .vco, baseURL: urls[0], token: "secret"),
                target: MigrationEndpoint(product: .vco, baseURL: urls[1], token: "admin:secret"),
                context: MigrationHarness.context(), dryRun: false, planPath: nil, only: nil, policy: .allow,
                journalPath: journal, reportPath: nil, rate: nil, insecure: false, json: false, progress: false)
            let result = try await run.execute()
            #expect(result.exitCode == 0)
            #expect(result.report.summary?.created == seeded)
            #expect(result.report.summary?.verified == seeded)
            let rerun = try await run.execute()
            #expect(rerun.report.summary?.resumed == seeded)
            #expect(try await TaskListing(client: client, endpoint: run.target).all().count == seeded)
            #expect(
                rerun.standardOutput == """
                    outcome     tasks
                    created         0
                    adopted         0
                    resumed        \(seeded)
                    skipped         0
                    failed          0
                    verified       \(seeded)
                    unverified      0

                    """)
        }
    }
}
