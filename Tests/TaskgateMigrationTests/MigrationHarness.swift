import Foundation
import Hummingbird
import Logging
import TaskgateCore
import TaskgateEmulators
import TaskgateMappings
import TaskgateMigration
import TaskgateStore
import TaskgateUpstream
import TaskgateVendors

/// Two live emulators on loopback sockets, an upstream client, and the repository's mappings.
enum MigrationHarness {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let mappings: (Vocabulary, ZoneResolver) = {
        let directory = repository.appendingPathComponent("mappings")
        do {
            return (try VocabularyLoader.vocabulary(in: directory), try ZoneMappingLoader.resolver(in: directory))
        } catch {
            return (Vocabulary(), ZoneResolver())
        }
    }()

    /// "Now" for the adapters: the clock, since the emulators check dates against theirs.
    static let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))

    /// Proofs and verifications over 60 days and at least 30 runs: the same algebra as the standard
    /// horizon, fast enough for hundreds of tasks on two shared cores.
    static let horizon = VerificationHorizon(seconds: 60 * 86_400, minimumOccurrences: 30)

    static func context(idMap: IDMap = IDMap()) -> AdapterContext {
        AdapterContext(vocabulary: mappings.0, idMap: idMap, zones: mappings.1, now: now, horizon: horizon)
    }

    static var quiet: Logger {
        var logger = Logger(label: "taskgate.migration.tests")
        logger.logLevel = .critical
        return logger
    }

    /// Runs `body` with the base URLs of one emulator per product in `products` (a database each),
    /// each with the faults at its index in `faults` (none by default).
    static func withEmulators<Result: Sendable>(
        _ products: [EmulatedProduct], databases: [EmulatorDatabase]? = nil, faults: [FaultSpec] = [],
        _ body: @Sendable ([String], UpstreamClient) async throws -> Result
    ) async throws -> Result {
        let databases = try databases ?? products.map { _ in try EmulatorDatabase(path: nil) }
        let client = try UpstreamClient(logger: quiet)
        defer { client.shutdown() }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            var urls: [String] = []
            for (index, product) in products.enumerated() {
                let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
                var configuration = EmulatorConfiguration(product: product, token: "secret")
                if index < faults.count { configuration.faults = faults[index] }
                let application = Emulator.application(
                    configuration, database: databases[index], logger: quiet,
                    onServerRunning: { port in continuation.yield(port) })
                group.addTask { try await application.runService() }
                var iterator = stream.makeAsyncIterator()
                urls.append("http://127.0.0.1:\(await iterator.next() ?? 0)")
            }
            defer { group.cancelAll() }
            return try await body(urls, client)
        }
    }

    /// The example tasks of a product (examples/<product>/*.json), decoded.
    static func examples(_ product: Product) throws -> [CanonicalTask] {
        let adapter = ProductAdapters.adapter(for: product)
        let folder = repository.appendingPathComponent("examples/\(product.rawValue)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            .sorted()
        var tasks: [CanonicalTask] = []
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            guard let json = JSONReader.value([UInt8](data)) else { continue }
            for document in (try? adapter.taskDocuments(in: json)) ?? [] {
                if let task = try? adapter.decode(document.task, context: context()) { tasks.append(task) }
            }
        }
        return tasks
    }

    /// Creates `count` tasks in the emulator at `url`, cycling through the examples the emulator
    /// accepts, each named apart; returns the tasks created.
    @discardableResult
    static func seed(
        _ product: Product, at url: String, count: Int, client: UpstreamClient
    ) async throws -> Int {
        let adapter = ProductAdapters.adapter(for: product)
        let endpoint = MigrationEndpoint(product: product, baseURL: url, token: "secret")
        var bodies: [CanonicalTask] = []
        for task in try examples(product) {
            guard let json = adapter.encode(task, context: context()).json else { continue }
            let response = try await client.send(
                UpstreamRequest(
                    method: "POST", url: endpoint.collectionURL, headers: headers(product),
                    body: JSONWriter.bytes(json)))
            if (200..<300).contains(response.status) { bodies.append(task) }
        }
        guard !bodies.isEmpty else { throw SeedError(product: product) }
        var created = bodies.count
        var index = 0
        while created < count {
            var task = bodies[index % bodies.count]
            task.identity.name += " #\(index)"
            index += 1
            guard let json = adapter.encode(task, context: context()).json else { continue }
            let response = try await client.send(
                UpstreamRequest(
                    method: "POST", url: endpoint.collectionURL, headers: headers(product),
                    body: JSONWriter.bytes(json)))
            if (200..<300).contains(response.status) { created += 1 }
        }
        return created
    }

    static func headers(_ product: Product) -> [UpstreamHeader] {
        switch product {
        case .wyn: [UpstreamHeader(name: "Reference-Token", value: "secret")]
        case .qlikSharing, .qlikScheduling, .fylr, .vco: [UpstreamHeader(name: "Authorization", value: "Bearer secret")]
        }
    }

    struct SeedError: Error { var product: Product }

    /// The plan of every task at `source`, for `target`.
    static func plan(
        from source: MigrationEndpoint, to target: Product, client: UpstreamClient, idMap: IDMap = IDMap()
    ) async throws -> [PlannedTask] {
        let documents = try await TaskListing(client: client, endpoint: source).all()
        return await planner(from: source.product, to: target, idMap: idMap).plan(documents)
    }

    /// A planner creating exact and lossy tasks and skipping impossible ones (`--lossy allow`).
    static func planner(from source: Product, to target: Product, idMap: IDMap = IDMap()) -> MigrationPlanner {
        MigrationPlanner(
            source: ProductAdapters.adapter(for: source), target: ProductAdapters.adapter(for: target),
            context: context(idMap: idMap)
        ) { status in
            switch status {
            case .exact, .lossy: .create
            case .impossible: .skip(reason: "impossible")
            }
        }
    }

    /// The name of the example a seeded task was made from: its name without the ` #12` `seed` added.
    static func exampleName(_ name: String) -> String {
        guard let range = name.range(of: " #", options: .backwards),
            !name[range.upperBound...].isEmpty, name[range.upperBound...].allSatisfy(\.isNumber)
        else { return name }
        return String(name[..<range.lowerBound])
    }

    /// An id map sending the target id of every source document that reads to a made-up target id of
    /// `kind` (the plan's own reading of the documents).
    static func idMap(for documents: [JSONValue], from: Product, to: Product, kind: String?) -> IDMap {
        let adapter = ProductAdapters.adapter(for: from)
        var entries: [IDMap.Entry] = []
        var seen: Set<String> = []
        for document in documents {
            guard let id = (try? adapter.decode(document, context: context()))?.target?.id,
                seen.insert(id).inserted
            else { continue }
            entries.append(IDMap.Entry(from: from, fromID: id, to: to, toID: "mapped-\(id)", toKind: kind))
        }
        return IDMap(entries: entries)
    }

    /// An id map sending every source target id to a made-up target id of `kind`.
    static func idMap(for plan: [PlannedTask], from: Product, to: Product, kind: String?) -> IDMap {
        var entries: [IDMap.Entry] = []
        var seen: Set<String> = []
        for task in plan {
            guard let id = task.source?.target?.id, seen.insert(id).inserted else { continue }
            entries.append(IDMap.Entry(from: from, fromID: id, to: to, toID: "mapped-\(id)", toKind: kind))
        }
        return IDMap(entries: entries)
    }
}
