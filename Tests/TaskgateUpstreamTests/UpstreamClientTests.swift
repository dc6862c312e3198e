import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Testing

@testable import TaskgateUpstream

func makeClient(_ configuration: UpstreamConfiguration = UpstreamConfiguration()) throws -> UpstreamClient {
    try UpstreamClient(configuration: configuration, logger: Logger(label: "test-upstream"))
}

func text(_ response: UpstreamResponse) -> String { String(decoding: response.body, as: UTF8.self) }

@Suite("UpstreamClient over loopback")
struct UpstreamClientTests {
    @Test func getPostPutDeleteWithBodiesAndHeaders() async throws {
        try await TestServer.with { base, _ in
            let client = try makeClient()
            let get = try await client.send(
                UpstreamRequest(
                    method: "GET", url: base + "/echo?page=2", headers: [UpstreamHeader(name: "X-Marker", value: "m1")])
            )
            #expect(get.status == 200)
            #expect(text(get) == "GET page=2 m1")
            #expect(get.headers.first(named: "content-type") == "text/plain")
            for method in ["POST", "PUT", "DELETE"] {
                let response = try await client.send(
                    UpstreamRequest(method: method, url: base + "/echo", body: Array(#"{"name":"nightly"}"#.utf8)))
                #expect(response.status == 201)
                #expect(text(response) == #"\#(method) application/json {"name":"nightly"}"#)
                #expect(response.headers.first(named: "X-Reply") == "yes")
            }
            let typed = try await client.send(
                UpstreamRequest(
                    method: "POST", url: base + "/echo",
                    headers: [UpstreamHeader(name: "Content-Type", value: "text/csv")],
                    body: Array("a,b".utf8)))
            #expect(text(typed) == "POST text/csv a,b")
            let large = try await client.send(
                UpstreamRequest(method: "PUT", url: base + "/echo", body: Array(repeating: 66, count: 2_000_000)))
            #expect(large.body.count == "PUT application/json ".utf8.count + 2_000_000)
        }
    }

    @Test func manyConcurrentRequestsComplete() async throws {
        try await TestServer.with { base, _ in
            let client = try makeClient()
            let statuses = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<250 {
                    group.addTask {
                        let response = try await client.send(
                            UpstreamRequest(method: "GET", url: base + "/echo?i=\(index)"))
                        return text(response)
                    }
                }
                var texts: Set<String> = []
                for try await text in group { texts.insert(text) }
                return texts
            }
            #expect(statuses.count == 250)
            #expect(statuses.contains("GET i=249 "))
        }
    }

    @Test func totalTimeoutFails() async throws {
        try await TestServer.with { base, _ in
            let client = try makeClient(
                UpstreamConfiguration(totalTimeout: .milliseconds(200), retry: UpstreamRetryPolicy(maximumAttempts: 1)))
            let error = await #expect(throws: UpstreamError.self) {
                try await client.send(UpstreamRequest(method: "GET", url: base + "/slow"))
            }
            #expect(error?.kind == .timedOut)
            #expect(error?.description.hasPrefix("GET \(base)/slow: timed out: Operation timed out after") == true)
        }
    }

    @Test func connectionRefusedNamesMethodURLAndCurlMessage() async throws {
        let client = try makeClient(UpstreamConfiguration(retry: UpstreamRetryPolicy(maximumAttempts: 1)))
        let error = await #expect(throws: UpstreamError.self) {
            try await client.send(UpstreamRequest(method: "GET", url: "http://127.0.0.1:1/tasks"))
        }
        #expect(error?.kind == .connectionFailed)
        #expect(
            error?.description
                == "GET http://127.0.0.1:1/tasks: connection failed: Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server"
                || error?.description.hasPrefix(
                    "GET http://127.0.0.1:1/tasks: connection failed: Failed to connect to 127.0.0.1 port 1 after")
                    == true
        )
    }

    /// A header with a line break would let a value smuggle a header of its own: it is refused before anything
    /// is sent, a lone carriage return or line feed as well as both.
    @Test(arguments: ["a\r\nX-Injected: 1", "a\nb", "a\rb"])
    func aHeaderWithALineBreakIsRefused(value: String) async throws {
        let client = try makeClient(UpstreamConfiguration(retry: UpstreamRetryPolicy(maximumAttempts: 1)))
        let error = await #expect(throws: UpstreamError.self) {
            try await client.send(
                UpstreamRequest(
                    method: "GET", url: "http://127.0.0.1:1/tasks",
                    headers: [UpstreamHeader(name: "X-Note", value: value)]))
        }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.description == "GET http://127.0.0.1:1/tasks: invalid request: a header contains a line break")
    }

    @Test func tooManyRequestsIsRetriedAfterRetryAfter() async throws {
        try await TestServer.with { base, _ in
            let client = try makeClient()
            let response = try await client.send(UpstreamRequest(method: "GET", url: base + "/limited"))
            #expect(response.status == 200)
            #expect(text(response) == "after 2")
            #expect(response.attempts == 2)
        }
    }

    @Test func retryAfterBeyondTheCapReturnsTheResponse() async throws {
        try await TestServer.with { base, _ in
            let client = try makeClient()
            let response = try await client.send(UpstreamRequest(method: "GET", url: base + "/later"))
            #expect(response.status == 503)
            #expect(text(response) == "1")
            #expect(response.attempts == 1)
        }
    }

    @Test func postWithoutKeyIsNotRetriedButWithKeyIs() async throws {
        try await TestServer.with { base, _ in
            let policy = UpstreamRetryPolicy(
                maximumAttempts: 3, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(2))
            let client = try makeClient(UpstreamConfiguration(retry: policy))
            let once = try await client.send(UpstreamRequest(method: "POST", url: base + "/unavailable", body: []))
            #expect(once.status == 503)
            #expect(text(once) == "1")
            #expect(once.attempts == 1)
            let keyed = try await client.send(
                UpstreamRequest(method: "POST", url: base + "/unavailable", body: [], idempotencyKey: "k-1"))
            #expect(keyed.status == 503)
            #expect(text(keyed) == "4")
            #expect(keyed.attempts == 3)
        }
    }

    @Test func responseBodyLimitIsAClearError() async throws {
        try await TestServer.with { base, _ in
            let client = try makeClient(UpstreamConfiguration(maximumResponseBodyBytes: 1000))
            let error = await #expect(throws: UpstreamError.self) {
                try await client.send(UpstreamRequest(method: "GET", url: base + "/big"))
            }
            #expect(error?.kind == .responseBodyTooLarge(limit: 1000))
            #expect(error?.description.hasPrefix("GET \(base)/big: response body larger than 1000 bytes: ") == true)
        }
    }

    @Test func redirectIsNotFollowed() async throws {
        try await TestServer.with { base, _ in
            let client = try makeClient()
            let response = try await client.send(UpstreamRequest(method: "GET", url: base + "/redirect"))
            #expect(response.status == 302)
            #expect(response.headers.first(named: "Location") == "/echo")
        }
    }

    @Test func secretsNeverAppearInErrors() async throws {
        let client = try makeClient(UpstreamConfiguration(retry: UpstreamRetryPolicy(maximumAttempts: 1)))
        let error = await #expect(throws: UpstreamError.self) {
            try await client.send(
                UpstreamRequest(
                    method: "GET", url: "http://alice:hunter2secret@127.0.0.1:1/tasks?access_token=tok-SECRET-1&page=3",
                    headers: [UpstreamHeader(name: "Authorization", value: "Bearer bearer-SECRET-2")]))
        }
        let description = error?.description ?? ""
        #expect(description.hasPrefix("GET http://127.0.0.1:1/tasks?access_token=REDACTED&page=3: connection failed: "))
        for secret in ["hunter2secret", "alice", "tok-SECRET-1", "bearer-SECRET-2"] {
            #expect(!description.contains(secret))
        }
    }

    @Test func secretsNeverReachTheLog() async throws {
        try await TestServer.with { base, _ in
            let captured = CapturedLog()
            let logger = Logger(label: "capture") { _ in CapturingLogHandler(log: captured) }
            let client = try UpstreamClient(configuration: UpstreamConfiguration(insecure: true), logger: logger)
            let response = try await client.send(
                UpstreamRequest(
                    method: "GET", url: base + "/limited?access_token=tok-SECRET-3",
                    headers: [UpstreamHeader(name: "Authorization", value: "Bearer bearer-SECRET-4")]))
            #expect(response.status == 200)
            let text = captured.text
            #expect(text.contains("upstream request retried"))
            #expect(text.contains("access_token=REDACTED"))
            #expect(text.contains("upstream TLS verification is off"))
            #expect(!text.contains("SECRET"))
        }
    }

    @Test func tlsIsVerifiedAndAPlainServerFailsTheHandshake() async throws {
        try await RawListener.with(scheme: "https", answer: RawListener.plainTextBadRequest) { base, _ in
            let client = try makeClient(UpstreamConfiguration(retry: UpstreamRetryPolicy(maximumAttempts: 1)))
            let secureURL = base + "/echo"
            let error = await #expect(throws: UpstreamError.self) {
                try await client.send(UpstreamRequest(method: "GET", url: secureURL))
            }
            #expect(error?.kind == .tlsFailed)
            #expect(error?.description.hasPrefix("GET \(secureURL): TLS failed: ") == true)
        }
    }

    @Test func refusedConnectionsOfAGetAreRetriedWithBackoff() async throws {
        let captured = CapturedLog()
        let logger = Logger(label: "capture") { _ in CapturingLogHandler(log: captured) }
        let policy = UpstreamRetryPolicy(
            maximumAttempts: 3, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(4))
        let client = try UpstreamClient(configuration: UpstreamConfiguration(retry: policy), logger: logger)
        let error = await #expect(throws: UpstreamError.self) {
            try await client.send(UpstreamRequest(method: "GET", url: "http://127.0.0.1:1/tasks"))
        }
        #expect(error?.kind == .connectionFailed)
        #expect(captured.text.components(separatedBy: "upstream request retried").count - 1 == 2)
        #expect(captured.text.contains(#"(key: "tg.attempt", value: 2)"#))
    }

    @Test func aGetWhoseAnswerWasLostIsRetriedAndAPostIsNot() async throws {
        let answer = "HTTP/1.1 200 OK\r\nContent-Length: 8\r\nConnection: close\r\n\r\nanswered"
        let policy = UpstreamRetryPolicy(
            maximumAttempts: 4, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(4))
        let client = try makeClient(UpstreamConfiguration(retry: policy))
        try await RawListener.with(hangUps: 2, answer: answer) { base, connections in
            let response = try await client.send(UpstreamRequest(method: "GET", url: base + "/tasks/1"))
            #expect(text(response) == "answered")
            #expect(response.attempts == 3)
            #expect(connections() == 3)
        }
        try await RawListener.with(answer: nil) { base, connections in
            let request = UpstreamRequest(
                method: "POST", url: base + "/tasks", body: Array("{}".utf8), idempotencyKey: "k1")
            let error = await #expect(throws: UpstreamError.self) { try await client.send(request) }
            #expect(error?.kind == .connectionLost)
            #expect(error?.description.hasPrefix("POST \(base)/tasks: connection lost: ") == true)
            #expect(connections() == 1)
        }
    }

    @Test func cancellingAWaitingTaskRemovesItsTransfer() async throws {
        try await TestServer.with { base, counters in
            let client = try makeClient()
            let task = Task { try await client.send(UpstreamRequest(method: "GET", url: base + "/slow")) }
            var arrivals = counters.arrivals.makeAsyncIterator()
            #expect(await arrivals.next() == "slow")
            task.cancel()
            let result = await task.result
            let error = #expect(throws: UpstreamError.self) { try result.get() }
            #expect(error?.description == "GET \(base)/slow: cancelled: the waiting task was cancelled")
            let after = try await client.send(UpstreamRequest(method: "GET", url: base + "/echo?x=1"))
            #expect(text(after) == "GET x=1 ")
        }
    }
}

@Suite("Retry-After and redaction")
struct RetryAfterTests {
    @Test func secondsAndHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(UpstreamRetryPolicy.retryAfter("120", now: now) == .seconds(120))
        #expect(UpstreamRetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now: now) == .milliseconds(30_000))
        #expect(UpstreamRetryPolicy.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now: now) == .milliseconds(0))
        #expect(UpstreamRetryPolicy.retryAfter("soon", now: now) == nil)
    }

    @Test func urlRedaction() {
        #expect(
            SecretRedaction.redact(url: "https://u:p@host:8443/a/b?apiKey=1&x=2&sig=3#f")
                == "https://host:8443/a/b?apiKey=REDACTED&x=2&sig=REDACTED#f")
    }

    @Test func retryEligibility() {
        #expect(UpstreamRequest(method: "put", url: "http://h/").isRetryable)
        #expect(!UpstreamRequest(method: "POST", url: "http://h/").isRetryable)
        #expect(UpstreamRequest(method: "POST", url: "http://h/", idempotencyKey: "k").isRetryable)
        #expect(!UpstreamRequest(method: "PATCH", url: "http://h/").isRetryable)
    }
}
