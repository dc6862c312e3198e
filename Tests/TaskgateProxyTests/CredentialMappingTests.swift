import TaskgateCore
import TaskgateProxy
import TaskgateTestSupport
import TaskgateUpstream
import Testing

/// Each front credential is sent upstream as the upstream credential configured for it, or — when
/// the proxy passes credentials on — as it came; a credential the proxy cannot place is its own 401.
@Suite struct CredentialMappingTests {
    static let pairs = [
        ProxyConfiguration.FrontCredential(frontToken: "team-b", upstreamToken: ProxyHarness.upstreamToken),
        ProxyConfiguration.FrontCredential(frontToken: "team-c", upstreamToken: "revoked-upstream-token"),
    ]

    @Test func eachFrontCredentialGoesUpstreamAsItsOwnUpstreamCredential() async throws {
        try await ProxyHarness.run(front: .qlikSharing, upstream: .qlikScheduling, credentials: Self.pairs) {
            harness in
            let teamB = try await harness.front("GET", "/api/v1/sharing-tasks", token: "team-b")
            #expect(teamB.status == 200)
            #expect(teamB.json?["sharingTasks"] == .array([]))
            // team-c's upstream credential is refused upstream: the upstream's 401, in Qlik sharing's shape.
            let teamC = try await harness.front("GET", "/api/v1/sharing-tasks", token: "team-c")
            #expect(teamC.status == 401)
            #expect(
                ProxyHarness.withoutTraceID(teamC.json)
                    == #"{"errors":[{"code":"HTTP-401","detail":"qlik-scheduling answered 401: "#
                    + #"missing or invalid credentials","meta":{"httpCode":401},"title":"Unauthorized"}]}"#)
            // A credential nobody configured never reaches the upstream.
            let stranger = try await harness.front("GET", "/api/v1/sharing-tasks", token: ProxyHarness.upstreamToken)
            #expect(stranger.status == 401)
            #expect(
                ProxyHarness.withoutTraceID(stranger.json)
                    == #"{"errors":[{"code":"HTTP-401","detail":"missing or invalid credentials","#
                    + #""meta":{"httpCode":401},"title":"Unauthorized"}]}"#)
        }
    }

    @Test func passedCredentialsAreJudgedUpstream() async throws {
        try await ProxyHarness.run(front: .qlikSharing, upstream: .qlikScheduling, passCredential: true) { harness in
            // Qlik's two task APIs share their users: the tenant's token works on both.
            let same = try await harness.front("GET", "/api/v1/sharing-tasks", token: ProxyHarness.upstreamToken)
            #expect(same.status == 200)
            let wrong = try await harness.front("GET", "/api/v1/sharing-tasks", token: "not-a-tenant-token")
            #expect(wrong.status == 401)
            #expect(
                ProxyHarness.withoutTraceID(wrong.json)
                    == #"{"errors":[{"code":"HTTP-401","detail":"qlik-scheduling answered 401: "#
                    + #"missing or invalid credentials","meta":{"httpCode":401},"title":"Unauthorized"}]}"#)
            // Without any credential the proxy answers itself.
            let none = try await harness.front("GET", "/api/v1/sharing-tasks", token: nil)
            #expect(none.status == 401)
            #expect(none.headers.first(named: "WWW-Authenticate") == "Bearer")
        }
    }

    /// An Idempotency-Key belongs to its caller: the same key from two credentials makes two tasks.
    @Test func idempotencyKeysAreScopedToTheCaller() async throws {
        let pairs = [
            ProxyConfiguration.FrontCredential(frontToken: "team-b", upstreamToken: ProxyHarness.upstreamToken)
        ]
        try await ProxyHarness.run(front: .wyn, upstream: .wyn, credentials: pairs) { harness in
            let key = UpstreamHeader(name: "Idempotency-Key", value: "same-key")
            let first = try await harness.front(
                "POST", "/api/v2/scheduler/tasks", WynExampleTask.named("A"), headers: [key])
            let second = try await harness.front(
                "POST", "/api/v2/scheduler/tasks", WynExampleTask.named("A"), token: "team-b", headers: [key])
            let again = try await harness.front(
                "POST", "/api/v2/scheduler/tasks", WynExampleTask.named("A"), token: "team-b", headers: [key])
            #expect(first.status == 200)
            #expect(second.status == 200)
            #expect(again.headers.first(named: "Idempotent-Replayed") == "true")
            #expect(first.json?["id"] != second.json?["id"])
            #expect(again.json?["id"] == second.json?["id"])
            let upstream = try await harness.upstream("GET", "/api/v2/scheduler/tasks")
            #expect(upstream.json?["totalCount"] == .integer(2))
        }
    }
}
