import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import TaskgateCore
import TaskgateEmulators
import TaskgateProxy
import TaskgateStore
import TaskgateStorePostgres
import TaskgateUpstream
import TaskgateVendors
import UnixSignals

/// `taskgate serve`: one product's task API in front of another's, converting every request.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve one product's task API in front of another product's server, converting each request.",
        discussion: """
            Without flags: the Wyn API on 127.0.0.1:8080 in front of a built-in Qlik sharing emulator, with the
            id map in ./taskgate.sqlite. --upstream PRODUCT (no URL) also runs a built-in emulator.
            Environment: TASKGATE_FRONT_TOKEN, TASKGATE_UPSTREAM_TOKEN.
            """
    )

    @Option(help: "The product whose task API is served: wyn, qlik-sharing, qlik-scheduling, fylr, vco.")
    var front: String?

    @Option(help: "The upstream: PRODUCT=URL (e.g. qlik-sharing=https://tenant.qlikcloud.com), or PRODUCT alone.")
    var upstream: String?

    @Option(help: "Port to listen on (default 8080).")
    var port: Int?

    @Option(help: "Host to bind (default 127.0.0.1).")
    var host: String?

    @Option(
        help:
            "The id map and idempotency keys: an SQLite file (default taskgate.sqlite) or postgres://USER:PASSWORD@HOST:PORT/DB, shared by replicas."
    )
    var store: String?

    @Option(name: .customLong("front-token"), help: "The credential front clients send (else generated).")
    var frontToken: String?

    @Option(name: .customLong("upstream-token"), help: "The credential sent upstream.")
    var upstreamToken: String?

    @Flag(help: "Refuse conversions that are not exact with 422 (default), or let them through with a header.")
    var lossPolicy: LossPolicyFlag?

    @Flag(help: "Turn off upstream TLS verification (a warning is logged).")
    var insecure = false

    @Flag(
        name: .customLong("pass-credential"),
        help: "Send a front credential that is not configured upstream as it came, for the upstream to judge.")
    var passCredential = false

    @Option(help: "A YAML file of settings (front, upstream, host, port, store, front-token, upstream-token, …).")
    var config: String?

    @Option(
        name: .customLong("id-map"),
        help: "A JSON id map of the objects tasks point at (reports, apps), as for convert and migrate.")
    var idMap: String?

    @OptionGroup var mappings: MappingsOption

    /// `--strict` or `--lenient`.
    enum LossPolicyFlag: String, EnumerableFlag {
        case strict, lenient
    }

    /// The settings from the config file, the environment and the flags.
    func settings(environment: [String: String]) throws -> ServeSettings {
        var settings = ServeSettings()
        if let config {
            let text = try String(contentsOfFile: config, encoding: .utf8)
            try settings.apply(yaml: text, file: config)
        }
        if let token = environment["TASKGATE_FRONT_TOKEN"], !token.isEmpty { settings.frontToken = token }
        if let token = environment["TASKGATE_UPSTREAM_TOKEN"], !token.isEmpty { settings.upstreamToken = token }
        if let front {
            guard let product = Product(rawValue: front) else {
                throw SettingsError(
                    "--front: '\(front)' is not a product; expected one of "
                        + Product.allCases.map(\.rawValue).joined(separator: ", "))
            }
            settings.front = product
        }
        if let upstream { (settings.upstream, settings.upstreamURL) = try ServeSettings.upstream(upstream) }
        if let port { settings.port = port }
        if let host { settings.host = host }
        if let store { settings.store = store }
        if let frontToken { settings.frontToken = frontToken }
        if let upstreamToken { settings.upstreamToken = upstreamToken }
        if let lossPolicy { settings.lenient = lossPolicy == .lenient }
        if insecure { settings.insecure = true }
        if passCredential { settings.passCredential = true }
        return settings
    }

    func run() async throws {
        LoggingSystem.bootstrap { ServerLogHandler(label: $0) }
        defer { LogLineBatcher.standardError.flush() }
        let logger = Logger(label: "taskgate.serve")
        let settings: ServeSettings
        let storeLocation: StoreLocation
        do {
            settings = try self.settings(environment: ProcessInfo.processInfo.environment)
            storeLocation = try StoreLocation(settings.store)
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let frontToken = settings.frontToken ?? Self.generatedToken()
        let upstreamToken = settings.upstreamToken ?? Self.generatedToken()
        var services: [any Service] = []
        let upstreamURL: @Sendable () async -> String?
        if let configured = settings.upstreamURL {
            upstreamURL = { configured }
        } else {
            // The built-in emulator of the upstream product, on a port the system chooses: the proxy
            // starts once it is known.
            let (ports, announce) = AsyncStream.makeStream(of: Int.self)
            let emulated = EmulatedProduct(rawValue: settings.upstream.rawValue) ?? .qlikSharing
            services.append(
                Emulator.application(
                    EmulatorConfiguration(product: emulated, port: 0, token: upstreamToken),
                    database: try EmulatorDatabase(path: nil), logger: logger,
                    onServerRunning: { port in
                        announce.yield(port)
                        announce.finish()
                    }))
            upstreamURL = { await ports.first { _ in true }.map { "http://127.0.0.1:\($0)" } }
        }
        let context = AdapterContext(
            vocabulary: try mappings.vocabulary(), idMap: try idMap.map(IDMapFile.load) ?? IDMap(),
            zones: try mappings.zoneLookup().resolver,
            now: Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down))))
        let client = try UpstreamClient(
            configuration: UpstreamConfiguration(insecure: settings.insecure), logger: logger)
        defer { client.shutdown() }
        try await storeLocation.withStore(logger: logger) { store in
            let proxy = ServiceStartedLater {
                guard let url = await upstreamURL() else { return nil }
                var configuration = ProxyConfiguration(
                    front: settings.front, upstream: settings.upstream, upstreamURL: url, frontToken: frontToken,
                    upstreamToken: upstreamToken, lossPolicy: settings.lenient ? .lenient : .strict,
                    adapterContext: context)
                configuration.credentials = settings.credentials
                configuration.passesFrontCredential = settings.passCredential
                return Proxy.application(
                    configuration, host: settings.host, port: settings.port, client: client, store: store,
                    metrics: ProxyMetrics(), logger: logger,
                    onServerRunning: { boundPort in
                        let announcement = Self.announcement(
                            settings, port: boundPort, frontToken: frontToken, generated: settings.frontToken == nil)
                        FileHandle.standardOutput.write(Data(announcement.utf8))
                    })
            }
            let group = ServiceGroup(
                configuration: .init(
                    services: services + [proxy], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
    }

    /// What is printed once the proxy listens on `port` (the bound one, so `--port 0` names the port the
    /// system chose): the address, the token if generated, three curls.
    static func announcement(_ settings: ServeSettings, port: Int, frontToken: String, generated: Bool) -> String {
        let base =
            "http://\(settings.host):\(port)\(EmulatedProduct(rawValue: settings.front.rawValue)?.basePath ?? "")"
        // Standard output is the service's log: a configured token is named by its variable, the
        // upstream URL is shown without user info.
        let header = settings.front == .wyn ? "Reference-Token: " : "Authorization: Bearer "
        let auth = generated ? "-H '\(header)\(frontToken)'" : "-H \"\(header)$TASKGATE_FRONT_TOKEN\""
        var lines = [
            "taskgate serve: \(settings.front) API at \(base) in front of \(settings.upstream) at "
                + (settings.upstreamURL.map(SecretRedaction.redact(url:)) ?? "a built-in emulator")
        ]
        if generated { lines.append("front token (generated): \(frontToken)") }
        lines += [
            "Try:",
            "  curl -s \(auth) \(base)",
            "  curl -s \(auth) -H 'Content-Type: application/json' -d @examples/\(settings.front.rawValue)/"
                + "\(settings.front == .wyn ? "01-seed-cash-flow-report.json" : "TASK.json") '\(base)?dryRun=true'",
            "  curl -s http://\(settings.host):\(port)/metrics",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// 32 random hex digits.
    static func generatedToken() -> String { RandomHex.text(digits: 32) }
}
