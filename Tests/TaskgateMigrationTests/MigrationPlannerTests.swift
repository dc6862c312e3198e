import Foundation
import TaskgateCore
import TaskgateMigration
import TaskgateVendors
import Testing

/// The planner's order, ids and `--only`, over enough documents to be converted on several child tasks.
@Suite("MigrationPlanner")
struct MigrationPlannerTests {
    /// 200 copies of one Wyn example (ids t0 … t199, t7 twice) and one document Wyn cannot read.
    static func documents() throws -> [JSONValue] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../examples/wyn/01-seed-cash-flow-report.json")
        let example = try #require(JSONReader.value(Array(try Data(contentsOf: url))))
        var documents: [JSONValue] = (0..<200).map { number in
            var task = example.objectValue ?? [:]
            task["id"] = .string("t\(number == 150 ? 7 : number)")
            task["description"] = .string("task \(number)")
            return .object(task)
        }
        documents.insert(.object(["id": .string("broken"), "trigger": .string("never")]), at: 100)
        return documents
    }

    @Test func everyDocumentIsPlannedInOrderWithUniqueIDs() async throws {
        let documents = try Self.documents()
        let plan = await MigrationHarness.planner(from: .wyn, to: .wyn).plan(documents)
        #expect(plan.count == 201)
        #expect(plan.map(\.sourceID).prefix(3) == ["t0", "t1", "t2"])
        #expect(plan[100].sourceID == "broken")
        #expect(plan[100].encoded == nil)
        // The second t7 (document 151, after the broken one) gets its index.
        #expect(plan[151].sourceID == "t7#151")
        #expect(plan[151].name == "task 150")
        #expect(plan.filter { $0.decision == .create }.count == 200)
    }

    @Test func onlyKeepsTheNamedTasksUnderTheirUniqueIDs() async throws {
        let documents = try Self.documents()
        let wyn = ProductAdapters.adapter(for: .wyn)
        let planner = MigrationPlanner(
            source: wyn, target: wyn, context: MigrationHarness.context(idMap: IDMap()),
            only: ["t7#151", "t199", "broken"]
        ) { _ in .create }
        let plan = await planner.plan(documents)
        #expect(plan.map(\.sourceID) == ["broken", "t7#151", "t199"])
        #expect(plan.map(\.name) == ["", "task 150", "task 199"])
        #expect(plan[1].encoded?.status == .exact)
    }
}
