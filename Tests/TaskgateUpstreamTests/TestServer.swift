import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

let markerField = HTTPField.Name("X-Marker") ?? .accept
let replyField = HTTPField.Name("X-Reply") ?? .accept

/// A Hummingbird app on a free loopback port, serving the routes the client tests call.
struct TestServer {
    static func router(counters: Counters) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/echo") { request, _ -> Response in
            let query = request.uri.query ?? ""
            let marker = request.headers[markerField] ?? ""
            return Response(
                status: .ok, headers: [.contentType: "text/plain"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "GET \(query) \(marker)")))
        }
        for method in [HTTPRequest.Method.post, .put, .delete] {
            router.on("/echo", method: method) { request, _ -> Response in
                let body = try await request.body.collect(upTo: 10_000_000)
                let contentType = request.headers[.contentType] ?? "none"
                let text = "\(method.rawValue) \(contentType) \(String(buffer: body))"
                return Response(
                    status: .created, headers: [replyField: "yes"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
            }
        }
        router.get("/slow") { _, _ -> Response in
            counters.arrived("slow")
            try await Task.sleep(for: .seconds(5))
            return Response(status: .ok)
        }
        router.get("/big") { _, _ -> Response in
            Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(repeating: 65, count: 100_000)))
        }
        router.get("/redirect") { _, _ -> Response in
            Response(status: .found, headers: [.location: "/echo"])
        }
        router.get("/limited") { _, _ -> Response in
            let count = counters.increment("limited")
            if count == 1 {
                return Response(status: .tooManyRequests, headers: [.retryAfter: "0"])
            }
            return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "after \(count)")))
        }
        router.get("/later") { _, _ -> Response in
            let count = counters.increment("later")
            return Response(
                status: .serviceUnavailable, headers: [.retryAfter: "3600"],
                body: .init(byteBuffer: ByteBuffer(string: "\(count)")))
        }
        router.post("/unavailable") { _, _ -> Response in
            let count = counters.increment("unavailable")
            return Response(status: .serviceUnavailable, body: ResponseBody(byteBuffer: ByteBuffer(string: "\(count)")))
        }
        return router
    }

    /// Runs `body` with the base URL of a fresh server, then stops the server.
    static func with<Result: Sendable>(
        _ body: @Sendable (String, Counters) async throws -> Result
    ) async throws -> Result {
        let counters = Counters()
        var serverLogger = Logger(label: "test-server")
        serverLogger.logLevel = .critical
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router(counters: counters),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: serverLogger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            var iterator = stream.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            defer { group.cancelAll() }
            return try await body("http://127.0.0.1:\(port)", counters)
        }
    }
}

/// Counts calls per route, for the retry tests.
final class Counters: Sendable {
    private let storage = NSLockedCounts()
    /// The routes reached, in order, for tests that act while a request is in flight.
    let arrivals: AsyncStream<String>
    private let arrivalsContinuation: AsyncStream<String>.Continuation

    init() {
        (arrivals, arrivalsContinuation) = AsyncStream.makeStream(of: String.self)
    }

    func increment(_ name: String) -> Int { storage.increment(name) }
    func arrived(_ name: String) { arrivalsContinuation.yield(name) }
}

/// Keeps every log line written, to prove secrets never reach one.
final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }
}

struct CapturingLogHandler: LogHandler {
    let log: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        log.append("\(event.level) \(event.message) \(merged.sorted { $0.key < $1.key })")
    }
}

final class NSLockedCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    func increment(_ name: String) -> Int {
        lock.withLock {
            counts[name, default: 0] += 1
            return counts[name, default: 0]
        }
    }
}
