import Foundation
import Hummingbird
import Logging
import TaskgateCore
import TaskgateEmulators
import TaskgateUpstream
import Testing

/// Two `taskgate serve` processes (fylr's API, integer ids) in front of one Wyn emulator, sharing one fresh
/// PostgreSQL schema, and a client for all three.
struct ReplicaPair: Sendable {
    /// The PostgreSQL server the test may use, if any.
    static let postgresURL: String? = {
        let value = ProcessInfo.processInfo.environment["TASKGATE_TEST_POSTGRES_URL"] ?? ""
        return value.isEmpty ? nil : value
    }()
    static let frontToken = "front-token-replicas"
    static let upstreamToken = "upstream-token-replicas"
    /// The front collection.
    static let collection = "/api/v1/task"
    /// How fylr updates a task.
    static let updateMethod = "PATCH"
    /// The upstream collection, straight at the emulator.
    static let upstreamCollection = "/api/v2/scheduler/tasks"

    /// The replicas' origins.
    var replicas: [String]
    /// The emulator's origin.
    var upstreamURL: String
    /// A client that never retries.
    var client: UpstreamClient

    /// A reply.
    struct Reply: Sendable {
        var status: Int
        var headers: [UpstreamHeader]
        var text: String
        var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
    }

    /// Runs `body` with a fresh emulator, a fresh schema and two replicas on it, stopped afterwards.
    static func run(_ body: @Sendable (ReplicaPair) async throws -> Void) async throws {
        let executable = try #require(ServeProcess.executable(), "no taskgate executable next to the tests")
        let base = try #require(postgresURL)
        let schema = "r_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let store = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        try await withThrowingTaskGroup(of: Void.self) { group in
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            let emulator = Emulator.application(
                EmulatorConfiguration(product: .wyn, token: upstreamToken), database: try EmulatorDatabase(path: nil),
                logger: Logger(label: "emulator") { _ in SwiftLogNoOpLogHandler() }
            ) { port in continuation.yield(port) }
            group.addTask { try await emulator.runService() }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            let upstreamURL = "http://127.0.0.1:\(await iterator.next() ?? 0)"
            let arguments = [
                "--front", "fylr", "--upstream", "wyn=\(upstreamURL)", "--store", store, "--front-token", frontToken,
                "--upstream-token", upstreamToken, "--lenient",
            ]
            // Both start at once: their schema migrations race too.
            async let first = ServeProcess(executable: executable, arguments: arguments, port: ServeProcess.freePort())
            async let second = ServeProcess(executable: executable, arguments: arguments, port: ServeProcess.freePort())
            let processes = try await [first, second]
            defer { for process in processes { process.stop() } }
            let client = try UpstreamClient(
                configuration: UpstreamConfiguration(retry: UpstreamRetryPolicy(maximumAttempts: 1)),
                logger: Logger(label: "replica-test") { _ in SwiftLogNoOpLogHandler() })
            defer { client.shutdown() }
            try await body(ReplicaPair(replicas: processes.map(\.origin), upstreamURL: upstreamURL, client: client))
        }
    }

    /// A fylr task to create (or, with `id`, to update), named `name`.
    static func task(named name: String, id: String? = nil) throws -> JSONValue {
        // examples/fylr/11-new-york-daily-minimal.json, named by its description.
        var inner: JSONObject = [
            "task_module": .string("search"),
            "task_params": .object(["search": .object(["type": .string("object"), "search": .array([])])]),
            "description": .string(name),
            "schedules": .array([
                .object([
                    "minutes": .array([.integer(30)]), "hours": .array([.integer(7)]),
                    "timezone": .string("America/New_York"),
                ])
            ]),
        ]
        if let id, let number = Int64(id) { inner["_id"] = .integer(number) }
        return .object(["task": .object(inner)])
    }

    /// The front id in a fylr answer.
    static func frontID(_ json: JSONValue?) -> String? {
        json?["task"]?["_id"]?.integerValue.map { String($0) }
    }

    /// Sends a request to replica `index` with the front credential.
    func send(
        _ index: Int, _ method: String, _ path: String, body: JSONValue? = nil, key: String? = nil
    ) async throws -> Reply {
        var headers = [UpstreamHeader(name: "Authorization", value: "Bearer \(Self.frontToken)")]
        if let key { headers.append(UpstreamHeader(name: "Idempotency-Key", value: key)) }
        return try await send(method, replicas[index] + path, body: body, headers: headers)
    }

    /// How many tasks the emulator holds.
    func upstreamTaskCount() async throws -> Int {
        let reply = try await send(
            "GET", upstreamURL + Self.upstreamCollection + "?limit=1", body: nil,
            headers: [UpstreamHeader(name: "Reference-Token", value: Self.upstreamToken)])
        return Int(reply.json?["totalCount"]?.integerValue ?? -1)
    }

    private func send(
        _ method: String, _ url: String, body: JSONValue?, headers: [UpstreamHeader]
    ) async throws -> Reply {
        var fields = headers
        var bytes: [UInt8]?
        if let body {
            bytes = Array(try JSONEncoder().encode(body))
            fields.append(UpstreamHeader(name: "Content-Type", value: "application/json"))
        }
        let answer = try await client.send(UpstreamRequest(method: method, url: url, headers: fields, body: bytes))
        return Reply(status: answer.status, headers: answer.headers, text: String(decoding: answer.body, as: UTF8.self))
    }
}
