import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import TaskgateUpstream

/// Requests per second of `UpstreamClient` against a local Hummingbird server with N requests in flight,
/// and of AsyncHTTPClient (the baseline, a NIO event-loop client) against the same server in the same run.
///
/// Usage: upstream-bench [CONCURRENCY default 64] [REQUESTS default 20000]
@main
struct UpstreamBench {
    static func main() async throws {
        let arguments = CommandLine.arguments
        let concurrency = arguments.count > 1 ? Int(arguments[1]) ?? 64 : 64
        let requests = arguments.count > 2 ? Int(arguments[2]) ?? 20_000 : 20_000
        let router = Router()
        router.get("/ping") { _, _ in "pong" }
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "bench-server")
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            var iterator = stream.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            let url = "http://127.0.0.1:\(port)/ping"

            let client = try UpstreamClient(logger: Logger(label: "bench-upstream"))
            var httpConfiguration = HTTPClient.Configuration()
            httpConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = concurrency
            let baseline = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)

            let ours: @Sendable () async throws -> Int = {
                try await client.send(UpstreamRequest(method: "GET", url: url)).body.count
            }
            let theirs: @Sendable () async throws -> Int = {
                var request = HTTPClientRequest(url: url)
                request.method = .GET
                let response = try await baseline.execute(request, timeout: .seconds(30))
                return try await response.body.collect(upTo: 1 << 20).readableBytes
            }
            // Warm both (connections, caches), then measure each twice, alternating; keep the best.
            _ = try await measure(ours, concurrency: concurrency, requests: requests / 10)
            _ = try await measure(theirs, concurrency: concurrency, requests: requests / 10)
            var oursBest = 0.0
            var theirsBest = 0.0
            for _ in 0..<2 {
                oursBest = max(oursBest, try await measure(ours, concurrency: concurrency, requests: requests))
                theirsBest = max(theirsBest, try await measure(theirs, concurrency: concurrency, requests: requests))
            }
            print("concurrency \(concurrency), \(requests) GET requests per measurement")
            print(String(format: "UpstreamClient (libcurl multi):   %10.0f requests/s", oursBest))
            print(String(format: "AsyncHTTPClient 1.37 (baseline):  %10.0f requests/s", theirsBest))
            print(String(format: "ratio UpstreamClient / baseline:  %10.2f", oursBest / theirsBest))
            try await baseline.shutdown()
            client.shutdown()
            group.cancelAll()
        }
    }

    /// Runs `requests` calls with `concurrency` in flight; returns requests per second.
    static func measure(
        _ call: @escaping @Sendable () async throws -> Int, concurrency: Int, requests: Int
    ) async throws -> Double {
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            let perWorker = requests / concurrency
            for _ in 0..<concurrency {
                group.addTask {
                    for _ in 0..<perWorker {
                        let count = try await call()
                        if count != 4 { throw CancellationError() }
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - start
        let (seconds, attoseconds) = elapsed.components
        return Double(requests / concurrency * concurrency) / (Double(seconds) + Double(attoseconds) / 1e18)
    }
}
