import TaskgateCore
import TaskgateEmulators
import TaskgateMigration
import TaskgateStore
import TaskgateUpstream
import TaskgateVendors
import Testing

/// A run interrupted between journaling "creating" and hearing the answer: the rerun adopts what
/// arrived, creates what did not, and never creates a task twice.
@Suite("Resuming an interrupted migration")
struct ResumeMigrationTests {
    @Test(arguments: [EmulatedProduct.fylr, .qlikSharing, .wyn])
    func rerunAdoptsAndCreatesNothingTwice(_ emulated: EmulatedProduct) async throws {
        let product = try #require(Product(rawValue: emulated.rawValue))
        try await MigrationHarness.withEmulators([emulated, emulated]) { urls, client in
            let seeded = try await MigrationHarness.seed(product, at: urls[0], count: 30, client: client)
            let source = MigrationEndpoint(product: product, baseURL: urls[0], token: "secret")
            let target = MigrationEndpoint(product: product, baseURL: urls[1], token: "secret")
            let plan = try await MigrationHarness.plan(from: source, to: product, client: client)
            let store = try SQLiteStore()
            let run = MigrationRunner.runName(from: source, to: target)
            let entries = try await store.planMigration(run: run, taskSourceIDs: plan.map(\.sourceID))
            // The killed run: tasks 0–4 were created but their answers were lost; 5–9 were journaled
            // "creating" and the process died before the request left; 10–11 were fully created.
            var createdEarlier: [String] = []
            for (index, task) in plan.prefix(12).enumerated() {
                _ = try await store.recordStep(run: run, taskSourceID: task.sourceID, step: .creating)
                guard index < 5 || index >= 10 else { continue }
                let body = try #require(task.encoded?.json)
                let response = try await client.send(
                    UpstreamRequest(
                        method: "POST", url: target.collectionURL, headers: MigrationHarness.headers(product),
                        body: JSONWriter.bytes(body), idempotencyKey: entries[index].idempotencyKey))
                #expect((200..<300).contains(response.status))
                if index >= 10 {
                    let id = try #require(
                        MigrationRunnerTesting.id(response, product: product))
                    _ = try await store.recordStep(
                        run: run, taskSourceID: task.sourceID, step: .created(upstreamID: id))
                    createdEarlier.append(id)
                }
            }
            let runner = MigrationRunner(
                client: client, store: store, target: target, context: MigrationHarness.context(), run: run,
                logger: MigrationHarness.quiet)
            let outcomes = try await runner.apply(plan)
            let summary = MigrationSummary(outcomes)
            #expect(summary.adopted == 5)
            #expect(summary.resumed == 2)
            #expect(summary.created == seeded - 7)
            #expect(summary.verified == seeded)
            #expect(outcomes.filter { $0.action == .resumed }.compactMap(\.targetID) == createdEarlier)
            #expect(try await TaskListing(client: client, endpoint: target).all().count == seeded)
            #expect(
                try await store.history(run: run, taskSourceID: plan[0].sourceID) == [
                    .planned, .creating, .created(upstreamID: try #require(outcomes[0].targetID)),
                    .verified(upstreamID: try #require(outcomes[0].targetID)),
                ])

            let again = try await runner.apply(plan)
            #expect(MigrationSummary(again).resumed == seeded)
            #expect(MigrationSummary(again).verified == seeded)
            #expect(try await TaskListing(client: client, endpoint: target).all().count == seeded)
        }
    }
}

/// Reads a created task's id the way the runner does.
enum MigrationRunnerTesting {
    static func id(_ response: UpstreamResponse, product: Product) -> String? {
        guard let json = JSONReader.value(response.body) else { return nil }
        let adapter = ProductAdapters.adapter(for: product)
        return (try? adapter.decode(json, context: MigrationHarness.context()).server.id) ?? json["id"]?.stringValue
    }
}
