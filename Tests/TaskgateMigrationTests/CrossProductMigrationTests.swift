import TaskgateCore
import TaskgateEmulators
import TaskgateMigration
import TaskgateStore
import TaskgateUpstream
import TaskgateVendors
import Testing

/// Migrations from one product to another with an id map for the objects the target needs:
/// every task the plan creates arrives field by field and fires at the converted instants.
@Suite("Migration between two products")
struct CrossProductMigrationTests {
    /// A source product, a target product, and the kind the id map gives the mapped objects.
    struct Pair: Sendable, CustomTestStringConvertible {
        var from: EmulatedProduct
        var to: EmulatedProduct
        var kind: String?
        var testDescription: String { "\(from.rawValue) → \(to.rawValue)" }
    }

    static let pairs: [Pair] = [
        Pair(from: .wyn, to: .qlikScheduling, kind: "app"),
        Pair(from: .wyn, to: .qlikSharing, kind: nil),
    ]

    @Test(arguments: pairs)
    func everyCreatableTaskArrives(_ pair: Pair) async throws {
        let from = try #require(Product(rawValue: pair.from.rawValue))
        let to = try #require(Product(rawValue: pair.to.rawValue))
        try await MigrationHarness.withEmulators([pair.from, pair.to]) { urls, client in
            let seeded = try await MigrationHarness.seed(from, at: urls[0], count: 250, client: client)
            let source = MigrationEndpoint(product: from, baseURL: urls[0], token: "secret")
            let target = MigrationEndpoint(product: to, baseURL: urls[1], token: "secret")
            let unmapped = try await MigrationHarness.plan(from: source, to: to, client: client)
            let idMap = MigrationHarness.idMap(for: unmapped, from: from, to: to, kind: pair.kind)
            let plan = try await MigrationHarness.plan(from: source, to: to, client: client, idMap: idMap)
            #expect(plan.count == seeded)
            let creatable = plan.filter { $0.decision == .create }.count
            #expect(creatable > 0)
            let runner = MigrationRunner(
                client: client, store: try SQLiteStore(), target: target,
                context: MigrationHarness.context(idMap: idMap), run: "cross", logger: MigrationHarness.quiet)
            let outcomes = try await runner.apply(plan)
            let summary = MigrationSummary(outcomes)
            let problems = outcomes.filter { $0.action == .failed || ($0.targetID != nil && !$0.verified) }
                .prefix(3).map { "\($0.sourceID): \($0.message ?? "")" }
            #expect(summary.created == creatable)
            #expect(problems == [])
            #expect(summary.verified == creatable)
            #expect(summary.skipped == seeded - creatable)
            #expect(try await TaskListing(client: client, endpoint: target).all().count == creatable)
        }
    }
}
