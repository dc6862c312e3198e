import Foundation
import TaskgateCore
import TaskgateEmulators
import TaskgateMigration
import TaskgateProxy
import TaskgateTestSupport
import TaskgateVendors
import Testing

/// `serve` between every two products (20 pairs), end to end over sockets: every example task of the
/// front product is created through the proxy (lenient, so lossy conversions go through with their
/// header). What the dry run says it sends lands upstream field by field; the landed task fires at the
/// source's instants (or, for a lossy conversion, at what was sent); it reads back through the front by
/// its front id; an impossible one is refused with 422 and nothing lands. The tasks created and refused
/// per pair are the golden file `Fixtures/pairs/FRONT-UPSTREAM.txt` (`TASKGATE_RECORD=1` rewrites it and fails).
@Suite("serve between every two products")
struct EveryPairTests {
    /// A front, an upstream, and the kind the id map gives the objects the tasks point at.
    struct Pair: Sendable, CustomTestStringConvertible {
        var front: Product
        var upstream: Product
        var kind: String?
        var testDescription: String { "\(front.rawValue) → \(upstream.rawValue)" }
        var fixture: URL {
            ProxyHarness.repository.appendingPathComponent(
                "Tests/TaskgateProxyTests/Fixtures/pairs/\(front.rawValue)-\(upstream.rawValue).txt")
        }
    }

    /// Every ordered pair, with the kinds the migration tests give them.
    static let pairs: [Pair] = MappedObjectKind.pairs.map { front, upstream in
        Pair(front: front, upstream: upstream, kind: MappedObjectKind.kind(from: front, to: upstream))
    }

    /// The example tasks of `product`, each named by its file and path in the file.
    static func examples(of product: Product) throws -> [(name: String, task: JSONValue)] {
        let folder = ProxyHarness.repository.appendingPathComponent("examples/\(product.rawValue)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        let adapter = ProductAdapters.adapter(for: product)
        return try files.sorted().flatMap { file in
            let json = try ProxyHarness.example(product, file)
            return try adapter.taskDocuments(in: json).map { ("\(file) \($0.path)", $0.task) }
        }
    }

    /// Every object the examples point at, mapped both ways to a made-up upstream object of `kind`.
    static func idMap(for examples: [JSONValue], pair: Pair) throws -> IDMap {
        let adapter = ProductAdapters.adapter(for: pair.front)
        let context = try ProxyHarness.context(idMap: IDMap())
        var entries: [IDMap.Entry] = []
        var seen: Set<String> = []
        for example in examples {
            guard let target = (try? adapter.decode(example, context: context))?.target,
                seen.insert(target.id).inserted
            else { continue }
            let mapped = "mapped-\(target.id)"
            entries.append(
                IDMap.Entry(from: pair.front, fromID: target.id, to: pair.upstream, toID: mapped, toKind: pair.kind))
            entries.append(
                IDMap.Entry(from: pair.upstream, fromID: mapped, to: pair.front, toID: target.id, toKind: target.kind))
        }
        return IDMap(entries: entries)
    }

    @Test(arguments: pairs)
    func everyExampleLandsFieldByFieldAndInstantByInstant(_ pair: Pair) async throws {
        let examples = try Self.examples(of: pair.front)
        let idMap = try Self.idMap(for: examples.map(\.task), pair: pair)
        let context = try ProxyHarness.context(idMap: idMap)
        let base = try #require(EmulatedProduct(rawValue: pair.front.rawValue)).basePath
        try await ProxyHarness.run(front: pair.front, upstream: pair.upstream, lossPolicy: .lenient, idMap: idMap) {
            harness in
            let listing = TaskListing(
                client: harness.client,
                endpoint: MigrationEndpoint(
                    product: pair.upstream, baseURL: harness.upstreamURL, token: ProxyHarness.upstreamToken))
            var landedIDs: Set<String> = []
            var outcomes: [String] = []
            for (name, task) in examples {
                let dry = try await harness.front("POST", base + "?dryRun=true", task)
                guard dry.status == 200, let verdict = dry.json?["verdict"]?.stringValue else {
                    // The front itself refuses the example (a shape it only reads, such as a server view).
                    let created = try await harness.front("POST", base, task)
                    #expect(created.status == dry.status, "\(name)")
                    outcomes.append("\(name): refused \(dry.status)")
                    continue
                }
                let created = try await harness.front("POST", base, task)
                let all = try await listing.all()
                let fresh = all.filter {
                    Self.upstreamID(of: $0, pair.upstream).map { !landedIDs.contains($0) } ?? false
                }
                guard verdict != "impossible" else {
                    #expect(created.status == 422, "\(name)")
                    #expect(fresh.isEmpty, "\(name): an impossible conversion landed upstream")
                    outcomes.append("\(name): impossible, refused")
                    continue
                }
                #expect((200..<300).contains(created.status), "\(name): \(created.text)")
                try #require(fresh.count == 1, "\(name): \(fresh.count) tasks landed")
                let landed = fresh[0]
                landedIDs.insert(Self.upstreamID(of: landed, pair.upstream) ?? "")
                let sent = try #require(dry.json?["request"]?["body"])
                #expect(
                    JSONSubset.firstDifference(
                        sent: sent, stored: landed, ignoring: listing.endpoint.serverOwnedMembers) == nil,
                    "\(name): what was sent is not what landed")
                // Instant by instant: the landed task fires as the source (exact) or as what was sent (lossy).
                let upstreamAdapter = ProductAdapters.adapter(for: pair.upstream)
                let landedSchedule = try upstreamAdapter.decode(landed, context: context).schedule
                let expected =
                    verdict == "exact"
                    ? try ProductAdapters.adapter(for: pair.front).decode(task, context: context).schedule
                    : try upstreamAdapter.decode(sent, context: context).schedule
                let report = try EquivalenceCheck().compare(expected, with: landedSchedule, from: ProxyHarness.now)
                #expect(report.isExact, "\(name): \(report.differences.first.map(\.description) ?? "")")
                // Read back through the front, by the front id.
                let frontID = try #require(Self.frontID(in: created.json, pair.front), "\(name): no front id")
                let read = try await harness.front("GET", "\(base)/\(frontID)")
                #expect(read.status == 200, "\(name): \(read.text)")
                #expect(Self.frontID(in: read.json, pair.front) == frontID, "\(name)")
                // Renamed through the front, the way the front edits, from the task as read.
                let upstreamID = Self.upstreamID(of: landed, pair.upstream) ?? ""
                let newName = "Renamed \(outcomes.count)"
                let edit = Self.rename(read.json ?? .null, front: pair.front, to: newName)
                let edited = try await harness.front(edit.method, "\(base)/\(frontID)", edit.body)
                #expect((200..<300).contains(edited.status), "\(name): rename answered \(edited.text)")
                let afterEdit = try await listing.all().first { Self.upstreamID(of: $0, pair.upstream) == upstreamID }
                #expect(
                    afterEdit.flatMap { Self.name(of: $0, pair.upstream) } == newName,
                    "\(name): the upstream task is not renamed")
                // Deleted through the front: gone upstream, and gone for the front.
                let deleted = try await harness.front("DELETE", "\(base)/\(frontID)")
                #expect((200..<300).contains(deleted.status), "\(name): delete answered \(deleted.text)")
                let remaining = try await listing.all().compactMap { Self.upstreamID(of: $0, pair.upstream) }
                #expect(!remaining.contains(upstreamID), "\(name): still upstream after the delete")
                #expect(try await harness.front("GET", "\(base)/\(frontID)").status == 404, "\(name)")
                outcomes.append("\(name): \(verdict), created")
            }
            let actual = outcomes.map { $0 + "\n" }.joined()
            if ProcessInfo.processInfo.environment["TASKGATE_RECORD"] == "1" {
                try FileManager.default.createDirectory(
                    at: pair.fixture.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: pair.fixture, atomically: true, encoding: .utf8)
                Issue.record("recorded \(pair.fixture.lastPathComponent); run again without TASKGATE_RECORD")
            }
            #expect(actual == (try String(contentsOf: pair.fixture, encoding: .utf8)))
        }
    }

    /// The front request that renames `task` (as the front read it): Wyn and Qlik scheduling PUT the whole
    /// task, vCO POSTs it, fylr PATCHes it with the next `_version`, Qlik sharing sends a JSON Patch.
    static func rename(_ task: JSONValue, front: Product, to name: String) -> (method: String, body: JSONValue) {
        var object = task.objectValue ?? [:]
        switch front {
        case .wyn:
            object["description"] = .string(name)
            return ("PUT", .object(object))
        case .qlikScheduling:
            object["name"] = .string(name)
            return ("PUT", .object(object))
        case .vco:
            object["name"] = .string(name)
            return ("POST", .object(object))
        case .fylr:
            var inner = object["task"]?.objectValue ?? [:]
            inner["description"] = .string(name)
            inner["_version"] = .integer((inner["_version"]?.integerValue ?? 1) + 1)
            object["task"] = .object(inner)
            return ("PATCH", .object(object))
        case .qlikSharing:
            return (
                "PATCH",
                .array([.object(["op": .string("replace"), "path": .string("/name"), "value": .string(name)])])
            )
        }
    }

    /// The name of an upstream task as the product holds it.
    static func name(of task: JSONValue, _ product: Product) -> String? {
        switch product {
        case .wyn: task["description"]?.stringValue
        case .fylr: task["task"]?["description"]?.stringValue
        case .qlikSharing, .qlikScheduling, .vco: task["name"]?.stringValue
        }
    }

    /// The id of a listed upstream task.
    static func upstreamID(of task: JSONValue, _ product: Product) -> String? {
        switch product {
        case .fylr: task["task"]?["_id"]?.integerValue.map(String.init)
        case .wyn, .qlikSharing, .qlikScheduling, .vco: task["id"]?.stringValue
        }
    }

    /// The front id in a front answer (fylr's integer `task._id`).
    static func frontID(in answer: JSONValue?, _ product: Product) -> String? {
        guard let answer else { return nil }
        return upstreamID(of: answer, product)
    }
}
