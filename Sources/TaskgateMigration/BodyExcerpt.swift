import Foundation
public import TaskgateCore

/// JSON text for request bodies and from response bodies.
public enum JSONBytes {
    /// The value as compact UTF-8 JSON, keys sorted.
    public static func encode(_ value: JSONValue) -> [UInt8] {
        JSONWriter.bytes(value)
    }

    /// The body read as JSON, or `nil` when it is not JSON.
    public static func decode(_ bytes: [UInt8]) -> JSONValue? {
        JSONReader.value(bytes)
    }

    /// The first 300 characters of a body, for error messages.
    static func excerpt(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(300), as: UTF8.self)
        return bytes.count > 300 ? text + "…" : text
    }
}
