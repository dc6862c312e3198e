import Foundation
import TaskgateCore
import TaskgateEmulators
import TaskgateUpstream
import Testing

/// Credentials, body limits, idempotent creates and operations endpoints.
@Suite struct FrontBehaviourTests {
    @Test func missingOrWrongTokenIsTheFrontProducts401() async throws {
        try await ProxyHarness.run(front: .fylr, upstream: .fylr) { harness in
            let missing = try await harness.front("GET", "/api/v1/task", token: nil)
            #expect(missing.status == 401)
            #expect(
                missing.text
                    == #"{"code":"UserRequired","error":"missing or invalid credentials","package":"task","#
                    + #""parameters":{"realm":"api","statuscode":401},"realm":"api","statuscode":401}"#)
            let wrong = try await harness.front("GET", "/api/v1/task", token: "guess")
            #expect(wrong.status == 401)
            // The upstream token is not the front token.
            let upstreamToken = try await harness.front("GET", "/api/v1/task", token: ProxyHarness.upstreamToken)
            #expect(upstreamToken.status == 401)
        }
        try await ProxyHarness.run(front: .wyn, upstream: .wyn) { harness in
            let missing = try await harness.front("GET", "/api/v2/scheduler/tasks", token: nil)
            #expect(missing.status == 401)
            #expect(missing.text == "")
            #expect(missing.headers.first(named: "WWW-Authenticate") == "Bearer")
        }
    }

    @Test func bodyOverTheLimitIs413() async throws {
        try await ProxyHarness.run(front: .fylr, upstream: .fylr, maximumBodyBytes: 1024) { harness in
            let big = Array(repeating: UInt8(ascii: " "), count: 4096)
            let answer = try await harness.front("POST", "/api/v1/task", rawBody: big)
            #expect(answer.status == 413)
            #expect(
                answer.text
                    == #"{"code":"PayloadTooLarge","error":"the request body is larger than 1024 bytes","#
                    + #""package":"task","parameters":{"realm":"api","statuscode":413},"realm":"api","statuscode":413}"#
            )
            let list = try await harness.upstream("GET", "/api/v1/task")
            #expect(list.json?["count"] == .integer(0))
        }
    }

    @Test func retriedCreateWithIdempotencyKeyMakesOneTask() async throws {
        let task = try ProxyHarness.example(.wyn, "01-seed-cash-flow-report.json")
        try await ProxyHarness.run(front: .wyn, upstream: .wyn) { harness in
            let key = UpstreamHeader(name: "Idempotency-Key", value: "create-cash-flow-1")
            let first = try await harness.front("POST", "/api/v2/scheduler/tasks", task, headers: [key])
            let second = try await harness.front("POST", "/api/v2/scheduler/tasks", task, headers: [key])
            #expect(first.status == 200)
            #expect(second.status == 200)
            #expect(second.text == first.text)
            #expect(second.headers.first(named: "Idempotent-Replayed") == "true")
            let upstream = try await harness.upstream("GET", "/api/v2/scheduler/tasks")
            #expect(upstream.json?["totalCount"] == .integer(1))
            // The same key with another body is refused.
            var other = task.objectValue ?? [:]
            other["description"] = .string("Another task")
            let reused = try await harness.front("POST", "/api/v2/scheduler/tasks", .object(other), headers: [key])
            #expect(reused.status == 422)
            #expect(
                reused.text
                    == #"{"status":422,"title":"the Idempotency-Key was first used with a different request body"}"#)
        }
    }

    @Test func healthReadinessAndMetrics() async throws {
        try await ProxyHarness.run(front: .wyn, upstream: .wyn) { harness in
            let health = try await harness.front("GET", "/healthz", token: nil)
            #expect(health.status == 200)
            #expect(health.text == #"{"status":"ok"}"#)
            let ready = try await harness.front("GET", "/readyz", token: nil)
            #expect(ready.status == 200)
            #expect(ready.text == #"{"status":"ready"}"#)
            _ = try await harness.front("GET", "/api/v2/scheduler/tasks")
            let metrics = try await harness.front("GET", "/metrics", token: nil)
            #expect(metrics.status == 200)
            #expect(metrics.text.contains(#"taskgate_requests_total{route="tasks",method="GET",status="200"} 1"#))
            #expect(metrics.text.contains("taskgate_request_duration_seconds_bucket"))
            #expect(metrics.text.contains("taskgate_upstream_duration_seconds_bucket"))
            #expect(metrics.headers.first(named: "Taskgate-Request-Id") != nil)
        }
    }
}

/// Neither token reaches the log, whatever the request carries.
@Suite struct SecretLoggingTests {
    @Test func noTokenInTheLogs() async throws {
        let capture = LogCapture()
        let task = try ProxyHarness.example(.wyn, "01-seed-cash-flow-report.json")
        try await ProxyHarness.run(front: .wyn, upstream: .wyn, logHandler: capture) { harness in
            _ = try await harness.front("POST", "/api/v2/scheduler/tasks", task)
            _ = try await harness.front("GET", "/api/v2/scheduler/tasks?token=\(ProxyHarness.frontToken)", token: nil)
            _ = try await harness.front("GET", "/api/v2/scheduler/tasks/missing")
            _ = try await harness.front("GET", "/api/v2/scheduler/tasks", token: "wrong-token-3")
        }
        let lines = capture.lines
        #expect(lines.count >= 4)
        #expect(lines.contains { $0.contains("tg.request_id") })
        for secret in [ProxyHarness.frontToken, ProxyHarness.upstreamToken, "wrong-token-3"] {
            #expect(!lines.contains { $0.contains(secret) }, "\(secret) logged")
        }
    }
}

/// Upstream faults come back in the front product's error shape, status and message kept.
@Suite struct UpstreamFaultTests {
    @Test func serverErrorsKeepTheirStatusInTheFrontShape() async throws {
        var faults = FaultSpec()
        faults.serverErrorShare = 1
        try await ProxyHarness.run(front: .qlikSharing, upstream: .fylr, faults: faults) { harness in
            let answer = try await harness.front("GET", "/api/v1/sharing-tasks")
            #expect(answer.status == 503)
            #expect(
                ProxyHarness.withoutTraceID(answer.json)
                    == #"{"errors":[{"code":"HTTP-503","detail":"fylr answered 503: injected fault","#
                    + #""meta":{"httpCode":503},"title":"Service Unavailable"}]}"#)
        }
    }

    @Test func rateLimitsKeepRetryAfter() async throws {
        var faults = FaultSpec()
        faults.rateLimitShare = 1
        faults.retryAfterSeconds = 7
        try await ProxyHarness.run(front: .fylr, upstream: .wyn, faults: faults) { harness in
            let answer = try await harness.front("GET", "/api/v1/task")
            #expect(answer.status == 429)
            #expect(answer.headers.first(named: "Retry-After") == "7")
            #expect(
                answer.text
                    == #"{"code":"Upstream","error":"wyn answered 429: rate limit exceeded","package":"task","#
                    + #""parameters":{"realm":"api","statuscode":429},"realm":"api","statuscode":429}"#)
        }
    }

}
