import Foundation
import Hummingbird
import Logging
import TaskgateCore
import TaskgateEmulators
import TaskgateMappings
import TaskgateProxy
import TaskgateStore
import TaskgateUpstream
import TaskgateVendors

/// A proxy and an emulator of its upstream, both on real loopback sockets, and a client for each.
struct ProxyHarness: Sendable {
    /// The front token every test uses.
    static let frontToken = "front-secret-1"
    /// The upstream token the emulator checks.
    static let upstreamToken = "upstream-secret-2"
    /// The proxy's upstream client: two attempts, 1 ms apart, so that fault tests stay fast.
    static let upstreamSettings = UpstreamConfiguration(
        retry: UpstreamRetryPolicy(maximumAttempts: 2, baseDelay: .milliseconds(1), maximumRetryAfter: .zero))
    /// "Now" for the adapters: 2026-04-01T00:00:00Z.
    static let now = Instant(secondsSinceEpoch: 1_775_001_600)

    /// The proxy's origin.
    var proxyURL: String
    /// The emulator's origin.
    var upstreamURL: String
    /// The configuration the proxy runs with.
    var configuration: ProxyConfiguration
    /// An HTTP client (libcurl) for both.
    var client: UpstreamClient

    /// A reply read as text and JSON.
    struct Reply: Sendable {
        var status: Int
        var headers: [UpstreamHeader]
        var text: String
        var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
    }

    /// Runs `body` with a fresh emulator of `upstream` behind a proxy serving `front`; `configuredUpstream`
    /// turns the emulator's origin into the upstream URL the proxy is configured with (user info, a dead port).
    static func run(
        front: Product, upstream: Product, lossPolicy: ProxyConfiguration.LossPolicy = .strict,
        maximumBodyBytes: Int = 64 * 1024, idMap: IDMap = IDMap(), logHandler: (any LogHandler)? = nil,
        faults: FaultSpec = FaultSpec(), configuredUpstream: @Sendable (String) -> String = { $0 },
        mappings: URL? = nil, credentials: [ProxyConfiguration.FrontCredential] = [], passCredential: Bool = false,
        _ body: @Sendable (ProxyHarness) async throws -> Void
    ) async throws {
        var logger = Logger(label: "proxy-test")
        if let logHandler {
            logger = Logger(label: "proxy-test") { _ in logHandler }
        }
        logger.logLevel = logHandler == nil ? .critical : .trace
        let emulated = EmulatedProduct(rawValue: upstream.rawValue) ?? .wyn
        try await withThrowingTaskGroup(of: Void.self) { group in
            let (emulatorPorts, emulatorContinuation) = AsyncStream.makeStream(of: Int.self)
            var emulatorConfiguration = EmulatorConfiguration(product: emulated, token: upstreamToken)
            emulatorConfiguration.faults = faults
            let emulatorApp = Emulator.application(
                emulatorConfiguration,
                database: try EmulatorDatabase(path: nil),
                logger: Logger(label: "emulator") { _ in SwiftLogNoOpLogHandler() },
                onServerRunning: { port in emulatorContinuation.yield(port) },
                // The harness's "now" upstream too: next runs must not depend on the hour the tests run at
                // (a Qlik next run at 08:00 failed when the suite ran at 08:07 UTC).
                clock: { now })
            group.addTask { try await emulatorApp.runService() }
            var emulatorIterator = emulatorPorts.makeAsyncIterator()
            let upstreamURL = "http://127.0.0.1:\(await emulatorIterator.next() ?? 0)"
            var configuration = ProxyConfiguration(
                front: front, upstream: upstream, upstreamURL: configuredUpstream(upstreamURL), frontToken: frontToken,
                upstreamToken: upstreamToken, lossPolicy: lossPolicy, maximumBodyBytes: maximumBodyBytes,
                adapterContext: try context(idMap: idMap, mappings: mappings))
            configuration.credentials = credentials
            configuration.passesFrontCredential = passCredential
            // The test client never retries: it sees each answer of the proxy as it is.
            let client = try UpstreamClient(
                configuration: UpstreamConfiguration(retry: UpstreamRetryPolicy(maximumAttempts: 1)), logger: logger)
            let (proxyPorts, proxyContinuation) = AsyncStream.makeStream(of: Int.self)
            let proxyApp = Proxy.application(
                configuration, port: 0, client: try UpstreamClient(configuration: upstreamSettings, logger: logger),
                store: try SQLiteStore(),
                metrics: ProxyMetrics(), logger: logger, clock: { now }
            ) { port in proxyContinuation.yield(port) }
            group.addTask { try await proxyApp.runService() }
            var proxyIterator = proxyPorts.makeAsyncIterator()
            let proxyURL = "http://127.0.0.1:\(await proxyIterator.next() ?? 0)"
            defer { group.cancelAll() }
            try await body(
                ProxyHarness(proxyURL: proxyURL, upstreamURL: upstreamURL, configuration: configuration, client: client)
            )
        }
    }

    /// The repository's root folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The adapters' context: the vocabulary and zone tables of `mappings` (default: the repository's).
    static func context(idMap: IDMap, mappings: URL? = nil) throws -> AdapterContext {
        let mappings = mappings ?? repository.appendingPathComponent("mappings")
        return AdapterContext(
            vocabulary: try VocabularyLoader.vocabulary(in: mappings),
            idMap: idMap, zones: try ZoneMappingLoader.resolver(in: mappings), now: now)
    }

    /// An example task from `examples/<product>/<file>`.
    static func example(_ product: Product, _ file: String) throws -> JSONValue {
        let data = try Data(contentsOf: repository.appendingPathComponent("examples/\(product.rawValue)/\(file)"))
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// JSON text with sorted keys, as the proxy writes it.
    static func text(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// JSON text read as a value.
    static func decode(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// A Qlik error body without its random `traceId`.
    static func withoutTraceID(_ value: JSONValue?) -> String {
        var object = value?.objectValue ?? [:]
        object.removeValue(forKey: "traceId")
        return text(.object(object))
    }

    /// The front credential header of `product`.
    static func credential(_ product: Product, token: String) -> UpstreamHeader {
        product == .wyn
            ? UpstreamHeader(name: "Reference-Token", value: token)
            : UpstreamHeader(name: "Authorization", value: "Bearer \(token)")
    }

    /// Sends a request to the proxy with the front credential (unless `token` says otherwise).
    func front(
        _ method: String, _ path: String, _ body: JSONValue? = nil, token: String? = ProxyHarness.frontToken,
        headers: [UpstreamHeader] = [], rawBody: [UInt8]? = nil
    ) async throws -> Reply {
        var fields = headers
        if let token { fields.append(Self.credential(configuration.front, token: token)) }
        return try await send(method, proxyURL + path, body, headers: fields, rawBody: rawBody)
    }

    /// Sends a request straight to the emulator, with the upstream credential.
    func upstream(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> Reply {
        try await send(
            method, upstreamURL + path, body,
            headers: [Self.credential(configuration.upstream, token: Self.upstreamToken)], rawBody: nil)
    }

    private func send(
        _ method: String, _ url: String, _ body: JSONValue?, headers: [UpstreamHeader], rawBody: [UInt8]?
    ) async throws -> Reply {
        var fields = headers
        var bytes = rawBody
        if let body {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            bytes = Array(try encoder.encode(body))
        }
        if bytes != nil { fields.append(UpstreamHeader(name: "Content-Type", value: "application/json")) }
        let answer = try await client.send(UpstreamRequest(method: method, url: url, headers: fields, body: bytes))
        return Reply(status: answer.status, headers: answer.headers, text: String(decoding: answer.body, as: UTF8.self))
    }
}
