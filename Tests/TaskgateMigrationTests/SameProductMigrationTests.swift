import TaskgateCore
import TaskgateEmulators
import TaskgateMigration
import TaskgateStore
import TaskgateUpstream
import TaskgateVendors
import Testing

/// Same-product migrations between two live emulators: every one of ≥ 250 tasks, listed over
/// several pages, arrives field by field and fires at the same instants.
@Suite("Migration between two emulators of one product")
struct SameProductMigrationTests {
    @Test(arguments: EmulatedProduct.allCases)
    func everyTaskArrivesAndVerifies(_ emulated: EmulatedProduct) async throws {
        let product = try #require(Product(rawValue: emulated.rawValue))
        try await MigrationHarness.withEmulators([emulated, emulated]) { urls, client in
            let seeded = try await MigrationHarness.seed(product, at: urls[0], count: 260, client: client)
            let source = MigrationEndpoint(product: product, baseURL: urls[0], token: "secret")
            let target = MigrationEndpoint(product: product, baseURL: urls[1], token: "secret")
            let plan = try await MigrationHarness.plan(from: source, to: product, client: client)
            #expect(plan.count == seeded)
            #expect(plan.allSatisfy { $0.decision == .create })
            let runner = MigrationRunner(
                client: client, store: try SQLiteStore(), target: target, context: MigrationHarness.context(),
                run: MigrationRunner.runName(from: source, to: target), logger: MigrationHarness.quiet)
            let outcomes = try await runner.apply(plan)
            let summary = MigrationSummary(outcomes)
            #expect(summary.created == seeded)
            #expect(summary.verified == seeded)
            #expect(summary.exitCode == 0)
            let notVerified = outcomes.filter { !$0.verified || $0.action != .created }.prefix(3).map {
                "\($0.sourceID): \($0.message ?? "")"
            }
            #expect(notVerified == [])
            let arrived = try await TaskListing(client: client, endpoint: target).all()
            #expect(arrived.count == seeded)
            #expect(Set(outcomes.compactMap(\.targetID)).count == seeded)
        }
    }
}
