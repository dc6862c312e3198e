import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TaskgateCore

@testable import TaskgateEmulators

/// Runs an emulator on a real loopback socket and speaks JSON to it.
struct EmulatorHarness {
    /// The fixed "now" of every test: 2026-04-01T00:00:00Z.
    static let now = Instant(secondsSinceEpoch: 1_775_001_600)

    /// A reply: status, headers and the body read as JSON (`nil` when empty or not JSON).
    struct Reply {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var json: JSONValue?
        var text: String
    }

    /// A live client with the product's credential pre-set.
    struct Client {
        var client: any TestClientProtocol
        var credential: HTTPFields

        func send(
            _ method: HTTPRequest.Method, _ uri: String, _ body: JSONValue? = nil, headers: HTTPFields? = nil
        ) async throws -> Reply {
            let buffer = body.map { ByteBuffer(bytes: JSONWriter.bytes($0)) }
            var fields = headers ?? credential
            if body != nil { fields[.contentType] = "application/json" }
            return try await client.execute(uri: uri, method: method, headers: fields, body: buffer) { response in
                let text = String(buffer: response.body)
                return Reply(
                    status: response.status, headers: response.headers,
                    json: JSONReader.value(Array(text.utf8)), text: text)
            }
        }
    }

    /// The credential header each product takes.
    static func credential(_ product: EmulatedProduct, token: String = "secret") -> HTTPFields {
        switch product {
        case .wyn: [.referenceToken: token]
        case .qlikSharing, .qlikScheduling, .fylr: [.authorization: "Bearer \(token)"]
        case .vco: [.authorization: "Basic " + Data("admin:\(token)".utf8).base64EncodedString()]
        }
    }

    /// Runs `body` against a live emulator of `product`.
    static func run<Value: Sendable>(
        _ product: EmulatedProduct, database: EmulatorDatabase? = nil, faults: FaultSpec = FaultSpec(),
        _ body: @Sendable (Client) async throws -> Value
    ) async throws -> Value {
        var configuration = EmulatorConfiguration(product: product, token: "secret")
        configuration.faults = faults
        let database = try database ?? EmulatorDatabase(path: nil)
        let router = Emulator.makeRouter(configuration, database: database, clock: { now })
        let application = Application(router: router)
        return try await application.test(.live) { client async throws in
            try await body(Client(client: client, credential: credential(product)))
        }
    }

    /// A fixture under `Fixtures/<product>/`.
    static func fixture(_ product: EmulatedProduct, _ name: String) throws -> JSONValue {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(product.rawValue)/\(name)")
        let data = try Data(contentsOf: url)
        guard let value = JSONReader.value(Array(data)) else { throw FixtureError(name: name) }
        return value
    }

    struct FixtureError: Error { var name: String }
}

extension JSONValue {
    /// The value with one key removed from an object (for random trace ids).
    func removing(_ key: String) -> JSONValue {
        guard var object = objectValue else { return self }
        object.removeValue(forKey: key)
        return .object(object)
    }

    /// The value with `key` set, for building request bodies.
    func setting(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard var object = objectValue else { return self }
        object[key] = value
        return .object(object)
    }
}
