import Foundation
import TaskgateCore
import TaskgateEmulators
import TaskgateMigration
import TaskgateStore
import TaskgateTestSupport
import TaskgateUpstream
import TaskgateVendors
import Testing

/// Migrations between every two products, with an id map for the objects the target needs: every
/// task the plan creates arrives field by field (read back and compared with what was sent) and
/// fires at the converted instants; every other task is skipped for exactly the reason expected.
@Suite("Migration between two products")
struct CrossProductMigrationTests {
    /// A source product, a target product, and the kind the id map gives the mapped objects. The
    /// examples the plan skips, one line each (the example's name, then the reason as the plan gives
    /// it), are the golden file `Fixtures/skips/FROM-TO.txt`; `TASKGATE_RECORD=1` rewrites it and fails.
    struct Pair: Sendable, CustomTestStringConvertible {
        var from: EmulatedProduct
        var to: EmulatedProduct
        var kind: String?
        var testDescription: String { "\(from.rawValue) → \(to.rawValue)" }
        var fixture: URL {
            MigrationHarness.repository.appendingPathComponent(
                "Tests/TaskgateMigrationTests/Fixtures/skips/\(from.rawValue)-\(to.rawValue).txt")
        }
    }

    static let pairs: [Pair] = MappedObjectKind.pairs.compactMap { source, target in
        guard let from = EmulatedProduct(rawValue: source.rawValue), let to = EmulatedProduct(rawValue: target.rawValue)
        else { return nil }
        return Pair(from: from, to: to, kind: MappedObjectKind.kind(from: source, to: target))
    }

    @Test(arguments: pairs)
    func everyCreatableTaskArrives(_ pair: Pair) async throws {
        let from = try #require(Product(rawValue: pair.from.rawValue))
        let to = try #require(Product(rawValue: pair.to.rawValue))
        try await MigrationHarness.withEmulators([pair.from, pair.to]) { urls, client in
            let seeded = try await MigrationHarness.seed(from, at: urls[0], count: 250, client: client)
            let source = MigrationEndpoint(product: from, baseURL: urls[0], token: "secret")
            let target = MigrationEndpoint(product: to, baseURL: urls[1], token: "secret")
            // Pages of 40: seven or more pages of the product's own pagination.
            let documents = try await TaskListing(client: client, endpoint: source, pageSize: 40).all()
            #expect(documents.count == seeded)
            let idMap = MigrationHarness.idMap(for: documents, from: from, to: to, kind: pair.kind)
            let plan = await MigrationHarness.planner(from: from, to: to, idMap: idMap).plan(documents)
            #expect(plan.count == seeded)
            let skips = Set(
                plan.compactMap { task -> String? in
                    guard case .skip(let reason) = task.decision else { return nil }
                    return MigrationHarness.exampleName(task.name) + ": " + reason
                }
            ).sorted()
            let actual = skips.map { $0 + "\n" }.joined()
            if ProcessInfo.processInfo.environment["TASKGATE_RECORD"] == "1" {
                try FileManager.default.createDirectory(
                    at: pair.fixture.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: pair.fixture, atomically: true, encoding: .utf8)
                Issue.record("recorded \(pair.fixture.lastPathComponent); run again without TASKGATE_RECORD")
            }
            #expect(actual == (try String(contentsOf: pair.fixture, encoding: .utf8)))
            let creatable = plan.filter { $0.decision == .create }.count
            let runner = MigrationRunner(
                client: client, store: try SQLiteStore(), target: target,
                context: MigrationHarness.context(idMap: idMap), run: "cross", logger: MigrationHarness.quiet)
            let outcomes = try await runner.apply(plan)
            let summary = MigrationSummary(outcomes)
            let problems = outcomes.filter { $0.action == .failed || ($0.targetID != nil && !$0.verified) }
                .prefix(3).map { "\($0.sourceID): \($0.message ?? "")" }
            #expect(problems == [])
            #expect(summary.created == creatable)
            #expect(summary.verified == creatable)
            #expect(summary.skipped == seeded - creatable)
            #expect(summary.failed == 0)
            let arrived = try await TaskListing(client: client, endpoint: target, pageSize: 40).all()
            #expect(arrived.count == creatable)
            #expect(Set(outcomes.compactMap(\.targetID)).count == creatable)
        }
    }
}
