import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TaskgateCore

/// The shared machinery every product router uses: the store, the clock, ids, bodies,
/// pagination and the product's failures.
struct EmulatorCore: Sendable {
    /// The product served.
    var description: any ProductDescription
    /// The task store.
    var store: TaskStore
    /// "Now", injectable for tests.
    var clock: @Sendable () -> Instant
    /// The user every request acts as (emulators have one user).
    var user: String = "taskgate"

    /// The product.
    var product: EmulatedProduct { description.product }

    /// A failure in the product's shape.
    func failure(_ status: HTTPResponse.Status, code: String, message: String) -> EmulatorFailure {
        description.failure(status, code: code, message: message)
    }

    /// The request body as JSON; 400 in the product's shape when it is not JSON.
    func jsonBody(_ request: Request, code: String = "InvalidBody") async throws -> JSONValue {
        var request = request
        let buffer = try await request.collectBody(upTo: 4 * 1024 * 1024)
        guard let value = JSONReader.value(buffer.readableBytesView) else {
            throw failure(.badRequest, code: code, message: "the request body is not valid JSON")
        }
        return value
    }

    /// The request body as a JSON object; 400 when it is something else.
    func objectBody(_ request: Request, code: String = "InvalidBody") async throws -> JSONObject {
        let value = try await jsonBody(request, code: code)
        guard let object = value.objectValue else {
            throw failure(
                .badRequest, code: code, message: "the request body must be a JSON object, not \(value.typeName)")
        }
        return object
    }

    /// A stored task, or the product's 404.
    func requireTask(_ id: String, code: String, message: String) async throws -> StoredTask {
        guard let task = try await store.task(product: product, id: id) else {
            throw failure(.notFound, code: code, message: message)
        }
        return task
    }

    /// `http://host` of the request, for absolute links.
    func origin(_ request: Request) -> String {
        "http://" + (request.head.authority ?? "localhost")
    }
}

/// Responses.
enum Reply {
    /// A JSON response.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(
            status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: JSONWriter.bytes(value))))
    }

    /// A stored task's JSON text, without decoding and encoding it again.
    static func stored(_ task: StoredTask, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: task.text)))
    }

    /// A page: `envelope` with the stored tasks as the array member `key`, their texts spliced in as
    /// stored; the same bytes as ``json(_:status:headers:)`` of the whole page, without decoding and
    /// encoding every task again.
    static func page(_ envelope: JSONObject, _ tasks: [StoredTask], at key: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: pageBytes(envelope, tasks, at: key))))
    }

    /// The bytes of ``page(_:_:at:)``: the members in ``JSONWriter``'s order (sorted keys).
    static func pageBytes(_ envelope: JSONObject, _ tasks: [StoredTask], at key: String) -> [UInt8] {
        var members = envelope
        members[key] = .array([])
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, name) in members.keys.sorted().enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += JSONWriter.bytes(.string(name))
            bytes.append(UInt8(ascii: ":"))
            if name == key {
                bytes.append(UInt8(ascii: "["))
                for (position, task) in tasks.enumerated() {
                    if position > 0 { bytes.append(UInt8(ascii: ",")) }
                    bytes += task.text.utf8
                }
                bytes.append(UInt8(ascii: "]"))
            } else if let value = members[name] {
                bytes += JSONWriter.bytes(value)
            }
        }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// A response without a body.
    static func empty(_ status: HTTPResponse.Status) -> Response {
        Response(status: status)
    }
}

/// Random ids in the products' formats.
enum EmulatorID {
    /// A lower-case UUID.
    static func uuid() -> String { RandomUUID.text() }

    /// `count` random lower-case hex digits (Qlik's 24-hex ids, 16-hex trace ids).
    static func hex(_ count: Int) -> String { RandomHex.text(digits: count) }
}

extension Instant {
    /// The current instant, to the second.
    static func now() -> Instant {
        Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// RFC 3339 UTC with milliseconds, as Qlik writes server timestamps.
    var millisecondText: String {
        String(description.dropLast()) + ".000Z"
    }
}
