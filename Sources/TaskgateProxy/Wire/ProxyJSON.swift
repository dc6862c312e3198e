import Foundation
import TaskgateCore

/// JSON text ↔ ``JSONValue`` for bodies the proxy reads and writes.
enum ProxyJSON {
    /// Reads JSON text; `nil` when it is not JSON.
    static func decode(_ bytes: some Collection<UInt8>) -> JSONValue? {
        JSONReader.value(bytes)
    }

    /// Writes JSON with sorted keys, so that equal values give equal text.
    static func encode(_ value: JSONValue) -> [UInt8] {
        JSONWriter.bytes(value)
    }

    /// Writes JSON as a string.
    static func string(_ value: JSONValue) -> String {
        JSONWriter.text(value)
    }
}
