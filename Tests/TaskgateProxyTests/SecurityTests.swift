import Foundation
import TaskgateCore
import TaskgateEmulators
import TaskgateProxy
import TaskgateUpstream
import Testing

/// Issue 9, part 5: the front credential on every route of every front, body and header limits,
/// secrets kept out of logs and answers, and an upstream that only the configuration names.
@Suite struct SecurityTests {
    /// The product each front is converted to in these tests.
    static func convertedUpstream(of front: Product) -> Product {
        switch front {
        case .wyn: .qlikSharing
        case .qlikSharing: .wyn
        case .qlikScheduling: .fylr
        case .fylr: .vco
        case .vco: .qlikScheduling
        }
    }

    /// How the front product replaces or edits a task.
    static func updateMethod(of product: Product) -> String {
        switch product {
        case .wyn, .qlikScheduling: "PUT"
        case .vco: "POST"
        case .qlikSharing, .fylr: "PATCH"
        }
    }

    static func basePath(_ product: Product) -> String {
        EmulatedProduct(rawValue: product.rawValue)?.basePath ?? ""
    }

    /// A 401 as compared: status, `WWW-Authenticate` and the body without Qlik's random `traceId`.
    struct Refusal: Hashable, CustomStringConvertible {
        var status: Int
        var challenge: String?
        var body: String

        init(_ reply: ProxyHarness.Reply) {
            status = reply.status
            challenge = reply.headers.first(named: "WWW-Authenticate")
            body = reply.text.isEmpty ? "" : ProxyHarness.withoutTraceID(reply.json)
        }

        var description: String { "\(status) [\(challenge ?? "-")] \(body)" }
    }

    /// Every task route, without a credential, with a wrong one and with the upstream's.
    static func refusals(_ harness: ProxyHarness, front: Product) async throws -> [String: Refusal] {
        let base = basePath(front)
        let routes: [(String, String)] = [
            ("GET", base), ("POST", base), ("GET", base + "/task-1"), (updateMethod(of: front), base + "/task-1"),
            ("DELETE", base + "/task-1"),
        ]
        var answers: [String: Refusal] = [:]
        for (method, path) in routes {
            for token in [nil, "guess-9", ProxyHarness.upstreamToken] {
                let body: JSONValue? = method == "GET" || method == "DELETE" ? nil : .object(["name": .string("x")])
                let reply = try await harness.front(method, path, body, token: token)
                answers["\(method) \(path) token=\(token ?? "none")"] = Refusal(reply)
            }
        }
        return answers
    }

    @Test(arguments: Product.allCases)
    func everyRouteRefusesAMissingOrWrongCredentialInTheFrontShape(front: Product) async throws {
        // The product's own 401, from its emulator, is the shape the proxy must answer in.
        try await ProxyHarness.run(front: front, upstream: front) { harness in
            let direct = try await harness.client.send(
                UpstreamRequest(method: "GET", url: harness.upstreamURL + Self.basePath(front), headers: []))
            let own = Refusal(
                ProxyHarness.Reply(
                    status: direct.status, headers: direct.headers, text: String(decoding: direct.body, as: UTF8.self)))
            #expect(own.status == 401)
            let before = try await harness.upstream("GET", Self.basePath(front)).text
            for (request, refusal) in try await Self.refusals(harness, front: front) {
                #expect(refusal == own, "pass-through \(request)")
            }
            #expect(try await harness.upstream("GET", Self.basePath(front)).text == before)
            try await ProxyHarness.run(front: front, upstream: Self.convertedUpstream(of: front)) { converted in
                let upstreamBase = Self.basePath(converted.configuration.upstream)
                let before = try await converted.upstream("GET", upstreamBase).text
                for (request, refusal) in try await Self.refusals(converted, front: front) {
                    #expect(refusal == own, "converted \(request)")
                }
                #expect(try await converted.upstream("GET", upstreamBase).text == before)
            }
        }
    }

    /// The 401 of each front, word for word (Wyn's is empty, as Wyn's own).
    static let shapesOf401: [Product: String] = [
        .wyn: "401 [Bearer] ",
        .qlikSharing:
            #"401 [Bearer] {"errors":[{"code":"HTTP-401","detail":"missing or invalid credentials","#
            + #""meta":{"httpCode":401},"title":"Unauthorized"}]}"#,
        .qlikScheduling:
            #"401 [Bearer] {"errors":[{"code":"HTTP-401","status":401,"title":"missing or invalid credentials"}]}"#,
        .fylr:
            #"401 [Bearer] {"code":"UserRequired","error":"missing or invalid credentials","package":"task","#
            + #""parameters":{"realm":"api","statuscode":401},"realm":"api","statuscode":401}"#,
        .vco: #"401 [Basic realm="vco", Bearer] {"message":"missing or invalid credentials","status":401}"#,
    ]

    @Test(arguments: Product.allCases)
    func theFrontShapeOf401(front: Product) async throws {
        try await ProxyHarness.run(front: front, upstream: Self.convertedUpstream(of: front)) { harness in
            let reply = try await harness.front("GET", Self.basePath(front), token: nil)
            #expect(Refusal(reply).description == Self.shapesOf401[front])
        }
    }

    @Test(arguments: Product.allCases)
    func bodiesOverTheLimitAre413WithOrWithoutALength(front: Product) async throws {
        try await ProxyHarness.run(front: front, upstream: Self.convertedUpstream(of: front), maximumBodyBytes: 1024) {
            harness in
            let base = Self.basePath(front)
            let upstreamBase = Self.basePath(harness.configuration.upstream)
            let before = try await harness.upstream("GET", upstreamBase).text
            let big = "{\"name\":\"" + String(repeating: "x", count: 4096) + "\"}"
            let sized = try await harness.front("POST", base, rawBody: Array(big.utf8))
            #expect(sized.status == 413)
            #expect(sized.text.contains("the request body is larger than 1024 bytes"), "\(sized.text)")
            // Chunked: no Content-Length to refuse early, the limit holds while reading.
            let credential = ProxyHarness.credential(front, token: ProxyHarness.frontToken)
            let chunks = stride(from: 0, to: big.utf8.count, by: 512).map { start -> String in
                let piece = String(big.utf8.dropFirst(start).prefix(512)) ?? ""
                return String(piece.utf8.count, radix: 16) + "\r\n" + piece + "\r\n"
            }.joined()
            let chunked = await LoopbackSocket.exchange(
                port: Self.port(harness.proxyURL),
                lines: [
                    "POST \(base) HTTP/1.1", "Host: 127.0.0.1", "\(credential.name): \(credential.value)",
                    "Content-Type: application/json", "Transfer-Encoding: chunked", "Connection: close",
                ],
                body: chunks + "0\r\n\r\n")
            #expect(LoopbackSocket.status(chunked) == 413, "\(chunked.prefix(200))")
            #expect(LoopbackSocket.body(chunked).contains("the request body is larger than 1024 bytes"))
            #expect(try await harness.upstream("GET", upstreamBase).text == before)
        }
    }

    @Test func oversizedHeadersAreRefusedAndTheServerLivesOn() async throws {
        try await ProxyHarness.run(front: .fylr, upstream: .fylr) { harness in
            let port = Self.port(harness.proxyURL)
            let credential = "Authorization: Bearer \(ProxyHarness.frontToken)"
            let oneHuge = await LoopbackSocket.exchange(
                port: port,
                lines: [
                    "GET /api/v1/task HTTP/1.1", "Host: 127.0.0.1", credential,
                    "X-Padding: " + String(repeating: "a", count: 100 * 1024), "Connection: close",
                ])
            #expect(LoopbackSocket.status(oneHuge) == 400, "\(oneHuge.prefix(200))")
            let many = await LoopbackSocket.exchange(
                port: port,
                lines: ["GET /api/v1/task HTTP/1.1", "Host: 127.0.0.1", credential]
                    + (0..<2000).map { "X-Field-\($0): v" } + ["Connection: close"])
            #expect(LoopbackSocket.status(many) == 400, "\(many.prefix(200))")
            let normal = try await harness.front("GET", "/api/v1/task")
            #expect(normal.status == 200)
        }
    }

    static func port(_ origin: String) -> Int {
        Int(origin.split(separator: ":").last ?? "") ?? 0
    }
}

/// The upstream is the configured origin whatever a request names: a `Host`, forwarding headers,
/// an absolute request target, URLs in the body or the query, odd paths. A decoy listener on
/// another loopback port counts every connection made to it.
@Suite struct UpstreamOriginTests {
    /// Requests naming the decoy, every way a request can, to a front at `base`.
    static func attacks(base: String, decoy: String, credential: UpstreamHeader, body: String) -> [[String]] {
        let auth = "\(credential.name): \(credential.value)"
        let json = ["Content-Type: application/json", "Content-Length: \(body.utf8.count)"]
        return [
            ["POST \(base) HTTP/1.1", "Host: \(decoy)", auth] + json,
            ["POST \(base)?dryRun=true HTTP/1.1", "Host: \(decoy)", auth] + json,
            ["GET \(base) HTTP/1.1", "Host: 127.0.0.1", "X-Forwarded-Host: \(decoy)", "X-Forwarded-Proto: http", auth],
            ["GET \(base) HTTP/1.1", "Host: 127.0.0.1", "Forwarded: host=\(decoy);proto=http", auth],
            ["GET \(base) HTTP/1.1", "Host: 127.0.0.1", "X-Original-URL: http://\(decoy)\(base)", auth],
            ["GET \(base) HTTP/1.1", "Host: 127.0.0.1", "X-Rewrite-URL: http://\(decoy)\(base)", auth],
            ["GET http://\(decoy)\(base) HTTP/1.1", "Host: \(decoy)", auth],
            ["POST http://\(decoy)\(base) HTTP/1.1", "Host: \(decoy)", auth] + json,
            ["GET \(base)/@\(decoy)/x HTTP/1.1", "Host: 127.0.0.1", auth],
            ["GET \(base)/..%2F..%2F..%2F@\(decoy) HTTP/1.1", "Host: 127.0.0.1", auth],
            ["GET //\(decoy)\(base) HTTP/1.1", "Host: 127.0.0.1", auth],
            ["GET \(base)?url=http://\(decoy)/&next=http://\(decoy)/&host=\(decoy) HTTP/1.1", "Host: 127.0.0.1", auth],
            ["GET \(base)/1 HTTP/1.1", "Host: \(decoy)", auth],
        ]
    }

    /// A task whose every string field that could be taken for a link names the decoy.
    static func body(_ task: JSONValue, decoy: String) -> String {
        var object = task.objectValue ?? [:]
        for key in ["url", "href", "self", "callbackUrl", "webhook", "server", "host", "baseUrl"] {
            object[key] = .string("http://\(decoy)/api/v1/task")
        }
        object["links"] = .object(["self": .object(["href": .string("http://\(decoy)/")])])
        return ProxyHarness.text(.object(object))
    }

    func attack(front: Product, upstream: Product, task: JSONValue) async throws {
        let decoy = try DecoyListener()
        let decoyAuthority = "127.0.0.1:\(decoy.port)"
        try await ProxyHarness.run(front: front, upstream: upstream) { harness in
            let base = SecurityTests.basePath(front)
            let body = Self.body(task, decoy: decoyAuthority)
            let credential = ProxyHarness.credential(front, token: ProxyHarness.frontToken)
            var statuses: [Int?] = []
            for lines in Self.attacks(base: base, decoy: decoyAuthority, credential: credential, body: body) {
                let isPost = lines[0].hasPrefix("POST")
                let answer = await LoopbackSocket.exchange(
                    port: SecurityTests.port(harness.proxyURL), lines: lines + ["Connection: close"],
                    body: isPost ? body : "")
                statuses.append(LoopbackSocket.status(answer))
                if lines[0].contains("dryRun=true") {
                    // The plan names the configured upstream, not the Host the request gave.
                    let plan = ProxyHarness.decode(LoopbackSocket.body(answer))
                    #expect(
                        plan?["request"]?["url"]?.stringValue?.hasPrefix(harness.upstreamURL + "/") == true,
                        "\(answer.prefix(300))")
                }
            }
            #expect(statuses.allSatisfy { $0 != nil }, "\(statuses)")
            // The configured upstream still answers; the decoy saw nothing (below).
            let list = try await harness.upstream("GET", SecurityTests.basePath(upstream))
            #expect(list.status == 200)
        }
        #expect(decoy.pendingConnections() == 0)
        // The decoy counts: one connection made here is seen.
        _ = await LoopbackSocket.exchange(port: decoy.port, lines: ["GET / HTTP/1.1", "Host: x"], body: "")
        #expect(decoy.pendingConnections() == 1)
    }

    @Test func passThroughNeverConnectsElsewhere() async throws {
        try await attack(
            front: .fylr, upstream: .fylr, task: try ProxyHarness.example(.fylr, "01-nightly-purge-current.json"))
    }

    @Test func convertedNeverConnectsElsewhere() async throws {
        try await attack(
            front: .wyn, upstream: .qlikSharing,
            task: try ProxyHarness.example(.wyn, "01-seed-cash-flow-report.json"))
    }
}

/// Tokens and the password of the upstream URL never reach the log, an answer's body or headers.
@Suite struct SecretRedactionTests {
    static let urlPassword = "url-pass-7"
    static let secrets = [ProxyHarness.frontToken, ProxyHarness.upstreamToken, urlPassword, "wrong-token-3"]

    /// Every answer, status line, headers and body, as text.
    /// The emulator's origin with `gateway:PASSWORD@`.
    @Sendable static func withUserInfo(_ origin: String) -> String {
        origin.replacingOccurrences(of: "http://", with: "http://gateway:\(urlPassword)@")
    }

    /// A closed port, with `gateway:PASSWORD@`.
    @Sendable static func closedPortWithUserInfo(_ origin: String) -> String {
        "http://gateway:\(urlPassword)@127.0.0.1:1"
    }

    static func everything(_ reply: ProxyHarness.Reply) -> String {
        "\(reply.status) " + reply.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n") + "\n" + reply.text
    }

    @Test func reachableUpstreamWithUserInfo() async throws {
        let capture = LogCapture()
        let task = try ProxyHarness.example(.wyn, "01-seed-cash-flow-report.json")
        try await ProxyHarness.run(
            front: .wyn, upstream: .qlikSharing, logHandler: capture,
            configuredUpstream: Self.withUserInfo
        ) { harness in
            let base = "/api/v2/scheduler/tasks"
            let replies = [
                try await harness.front("POST", base + "?dryRun=true", task),
                try await harness.front("POST", base, task),
                try await harness.front("GET", base),
                try await harness.front("GET", base + "/missing"),
                try await harness.front("GET", base + "?token=\(ProxyHarness.frontToken)", token: nil),
                try await harness.front("GET", base, token: "wrong-token-3"),
                try await harness.front("GET", "/readyz", token: nil),
                try await harness.front("GET", "/metrics", token: nil),
            ]
            Self.expectNoSecret(in: replies.map(Self.everything))
            #expect(replies[0].status == 200)
            #expect(
                replies[0].json?["request"]?["url"]
                    == .string("\(harness.upstreamURL)/api/v1/sharing-tasks"))
        }
        Self.expectNoSecret(logged: capture.lines)
    }

    @Test func unreachableUpstreamWithUserInfo() async throws {
        let capture = LogCapture()
        try await ProxyHarness.run(
            front: .fylr, upstream: .qlikScheduling, logHandler: capture,
            configuredUpstream: Self.closedPortWithUserInfo
        ) { harness in
            let replies = [
                try await harness.front("GET", "/api/v1/task"),
                try await harness.front("GET", "/readyz", token: nil),
                try await harness.front(
                    "POST", "/api/v1/task", try ProxyHarness.example(.fylr, "01-nightly-purge-current.json")),
            ]
            #expect(replies.map(\.status) == [502, 503, 422])
            #expect(
                replies[0].text.contains("upstream: GET http://127.0.0.1:1/api/scheduling/tasks"), "\(replies[0].text)")
            Self.expectNoSecret(in: replies.map(Self.everything))
        }
        Self.expectNoSecret(logged: capture.lines)
    }

    static func expectNoSecret(in answers: [String]) {
        for secret in secrets {
            for answer in answers {
                #expect(!answer.contains(secret), "\(secret) answered: \(answer.prefix(400))")
            }
        }
    }

    static func expectNoSecret(logged lines: [String]) {
        #expect(!lines.isEmpty)
        for secret in secrets {
            for line in lines {
                #expect(!line.contains(secret), "\(secret) logged: \(line.prefix(400))")
            }
        }
    }
}
