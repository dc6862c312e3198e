import Foundation
import HTTPTypes
public import Hummingbird
public import Logging
import NIOCore
public import TaskgateCore
public import TaskgateStore
public import TaskgateUpstream
import TaskgateVendors

/// Builds the `taskgate serve` application: the front product's task API in front of the
/// upstream's, plus `/healthz`, `/readyz` and `/metrics`.
public enum Proxy {
    /// A Hummingbird application serving the front API on `host:port` (0 = any free port).
    ///
    /// - Parameters:
    ///   - configuration: products, upstream, credentials, loss policy.
    ///   - client: the upstream HTTP client (libcurl).
    ///   - store: the id map and idempotency keys.
    ///   - metrics: where counters and latencies go; `/metrics` writes them out.
    ///   - logger: the application's logger; requests log with a `tg.request_id`.
    ///   - clock: "now" for the adapters (schedule starts, proofs); the system clock by default.
    ///   - onServerRunning: called with the bound port once the server listens.
    public static func application(
        _ configuration: ProxyConfiguration, host: String = "127.0.0.1", port: Int = 8080,
        client: UpstreamClient, store: any TaskgateStore, metrics: ProxyMetrics, logger: Logger,
        clock: (@Sendable () -> Instant)? = nil,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var configuration = configuration
        // "Now" has whole seconds: the requests of one second that carry the same schedule share one
        // proof (the memo's key holds "now", so a remembered conversion is exactly a new one).
        if configuration.adapterContext.conversions == nil {
            configuration.adapterContext.conversions = ConversionMemo()
        }
        if configuration.adapterContext.parses == nil { configuration.adapterContext.parses = ParseMemo() }
        let handler = ProxyHandler(
            configuration: configuration, client: client, store: store, metrics: metrics,
            clock: clock ?? { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down))) })
        return Application(
            router: makeRouter(handler),
            configuration: .init(address: .hostname(host, port: port), serverName: "taskgate"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    static func makeRouter(_ handler: ProxyHandler) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestLogging(metrics: handler.metrics, basePath: handler.front.basePath))
        router.get("healthz") { _, _ in ProxyHandler.json(.object(["status": .string("ok")]), status: .ok) }
        router.get("readyz") { _, _ in await ready(handler) }
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: handler.metrics.exposition())))
        }
        let base = RouterPath(handler.front.basePath)
        if handler.configuration.isPassThrough {
            let group = router.group(base)
            for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
                group.on("", method: method) { request, context in
                    await handler.respond(request, context: context, route: method == .post ? .create : .list)
                }
                group.on("**", method: method) { request, context in
                    await handler.respond(request, context: context, route: .list)
                }
            }
            return router
        }
        let group = router.group(base)
        group.post { request, context in await handler.respond(request, context: context, route: .create) }
        group.get { request, context in await handler.respond(request, context: context, route: .list) }
        group.get("{id}") { request, context in
            await handler.respond(request, context: context, route: .get(try context.parameters.require("id")))
        }
        group.on("{id}", method: updateMethod(handler.configuration.front)) { request, context in
            await handler.respond(request, context: context, route: .update(try context.parameters.require("id")))
        }
        group.delete("{id}") { request, context in
            await handler.respond(request, context: context, route: .delete(try context.parameters.require("id")))
        }
        if let runPath = runPath(handler.configuration.front) {
            group.post(RouterPath(runPath)) { request, context in
                let id = context.parameters.get("id") ?? ""
                return await handler.respond(request, context: context, route: .run(id))
            }
        }
        return router
    }

    /// How the front product replaces or edits a task.
    static func updateMethod(_ product: Product) -> HTTPRequest.Method {
        switch product {
        case .wyn, .qlikScheduling: .put
        case .vco: .post
        case .qlikSharing, .fylr: .patch
        }
    }

    /// Where the front product starts a task (below its base path); Qlik sharing names the task
    /// in the body (`sharingTaskID`).
    static func runPath(_ product: Product) -> String? {
        switch product {
        case .wyn: "{id}/run"
        case .qlikScheduling: "{id}/actions/start"
        case .qlikSharing: "actions/execute"
        case .fylr, .vco: nil
        }
    }

    /// Ready when the upstream answers its task list with the configured credential (or, when front
    /// credentials are passed on, answers at all).
    static func ready(_ handler: ProxyHandler) async -> Response {
        let upstream = handler.upstream
        let credential = upstream.credentialHeader(handler.configuration.upstreamToken)
        let request = UpstreamRequest(
            method: "GET",
            url: handler.configuration.upstreamURL + upstream.basePath + "?" + upstream.firstPageQuery,
            headers: [UpstreamHeader(name: credential.name, value: credential.value)])
        do {
            let answer = try await handler.client.send(request)
            // Passing front credentials on, the proxy may hold none the upstream takes: any answer but a
            // server error shows the upstream is there.
            let passed = handler.configuration.passesFrontCredential && [401, 403].contains(answer.status)
            guard (200..<300).contains(answer.status) || passed else {
                return ProxyHandler.json(
                    .object(["status": .string("upstream not ready"), "upstreamStatus": .integer(Int64(answer.status))]
                    ),
                    status: .serviceUnavailable)
            }
            return ProxyHandler.json(.object(["status": .string("ready")]), status: .ok)
        } catch {
            return ProxyHandler.json(
                .object(["status": .string("upstream unreachable"), "error": .string(error.description)]),
                status: .serviceUnavailable)
        }
    }
}
