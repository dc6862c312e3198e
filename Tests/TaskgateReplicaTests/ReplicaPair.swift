import Foundation
import Hummingbird
import Logging
import TaskgateCore
import TaskgateEmulators
import TaskgateTestSupport
import TaskgateUpstream
import Testing

/// Two `taskgate serve` processes (Wyn's API, strict) in front of one Qlik sharing emulator, sharing one fresh
/// PostgreSQL schema, and a client for all three. The Wyn report is mapped to a Qlik chart, so a Wyn PDF export
/// mailed on weekdays converts exactly (as in the proxy's ExactPairTests).
struct ReplicaPair: Sendable {
    /// The PostgreSQL server the test may use, if any.
    static let postgresURL: String? = {
        let value = ProcessInfo.processInfo.environment["TASKGATE_TEST_POSTGRES_URL"] ?? ""
        return value.isEmpty ? nil : value
    }()
    static let frontToken = "front-token-replicas"
    static let upstreamToken = "upstream-token-replicas"
    /// The front collection.
    static let collection = "/api/v2/scheduler/tasks"
    /// How Wyn updates a task.
    static let updateMethod = "PUT"
    /// The upstream collection, straight at the emulator.
    static let upstreamCollection = "/api/v1/sharing-tasks"
    /// The Wyn report and the Qlik chart it stands for.
    static let idMap = """
        [{"from": "wyn", "fromID": "b1d3027c-f808-4a0b-b8d8-b398cc18631a", "to": "qlik-sharing",
          "toID": "0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e", "toKind": "chart"},
         {"from": "qlik-sharing", "fromID": "0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e", "to": "wyn",
          "toID": "b1d3027c-f808-4a0b-b8d8-b398cc18631a"}]
        """

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
        let executable = URL(
            fileURLWithPath: try #require(TaskgateExecutable.path, "no taskgate executable next to the tests"))
        let base = try #require(postgresURL)
        let schema = "r_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let store = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        let idMapFile = FileManager.default.temporaryDirectory.appendingPathComponent("taskgate-\(schema).json")
        try Data(idMap.utf8).write(to: idMapFile)
        defer { try? FileManager.default.removeItem(at: idMapFile) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            let emulator = Emulator.application(
                EmulatorConfiguration(product: .qlikSharing, token: upstreamToken),
                database: try EmulatorDatabase(path: nil),
                logger: Logger(label: "emulator") { _ in SwiftLogNoOpLogHandler() }
            ) { port in continuation.yield(port) }
            group.addTask { try await emulator.runService() }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            let upstreamURL = "http://127.0.0.1:\(await iterator.next() ?? 0)"
            let arguments = [
                "--front", "wyn", "--upstream", "qlik-sharing=\(upstreamURL)", "--store", store, "--front-token",
                frontToken, "--upstream-token", upstreamToken, "--id-map", idMapFile.path,
            ]
            // Both start at once: their schema migrations race too.
            async let first = ServeProcess(executable: executable, arguments: arguments)
            async let second = ServeProcess(executable: executable, arguments: arguments)
            let processes = try await [first, second]
            defer { for process in processes { process.stop() } }
            let client = try UpstreamClient(
                configuration: UpstreamConfiguration(retry: UpstreamRetryPolicy(maximumAttempts: 1)),
                logger: Logger(label: "replica-test") { _ in SwiftLogNoOpLogHandler() })
            defer { client.shutdown() }
            try await body(ReplicaPair(replicas: processes.map(\.origin), upstreamURL: upstreamURL, client: client))
        }
    }

    /// A Wyn task to create or update, named `name`: an hourly PDF export of the mapped report, mailed.
    static func task(named name: String) -> JSONValue { WynExampleTask.named(name) }

    /// The front id in a Wyn answer.
    static func frontID(_ json: JSONValue?) -> String? {
        json?["id"]?.stringValue
    }

    /// Sends a request to replica `index` with the front credential.
    func send(
        _ index: Int, _ method: String, _ path: String, body: JSONValue? = nil, key: String? = nil
    ) async throws -> Reply {
        var headers = [UpstreamHeader(name: "Reference-Token", value: Self.frontToken)]
        if let key { headers.append(UpstreamHeader(name: "Idempotency-Key", value: key)) }
        return try await send(method, replicas[index] + path, body: body, headers: headers)
    }

    /// How many tasks the emulator holds.
    func upstreamTaskCount() async throws -> Int {
        let reply = try await send(
            "GET", upstreamURL + Self.upstreamCollection, body: nil,
            headers: [UpstreamHeader(name: "Authorization", value: "Bearer \(Self.upstreamToken)")])
        return Int(reply.json?["totalCount"]?.integerValue ?? -1)
    }

    private func send(
        _ method: String, _ url: String, body: JSONValue?, headers: [UpstreamHeader]
    ) async throws -> Reply {
        var fields = headers
        var bytes: [UInt8]?
        if let body {
            // Sorted keys: the same task is the same bytes, as a client's retry would be.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            bytes = Array(try encoder.encode(body))
            fields.append(UpstreamHeader(name: "Content-Type", value: "application/json"))
        }
        let answer = try await client.send(UpstreamRequest(method: method, url: url, headers: fields, body: bytes))
        return Reply(status: answer.status, headers: answer.headers, text: String(decoding: answer.body, as: UTF8.self))
    }
}
