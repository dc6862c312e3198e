import Foundation
import TaskgateCore

/// JSON text ↔ ``JSONValue`` for bodies the proxy reads and writes.
enum ProxyJSON {
    /// Reads JSON text; `nil` when it is not JSON.
    static func decode(_ bytes: some Collection<UInt8>) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    /// Writes JSON with sorted keys, so that equal values give equal text.
    static func encode(_ value: JSONValue) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data("null".utf8))
    }

    /// Writes JSON as a string.
    static func string(_ value: JSONValue) -> String {
        String(decoding: encode(value), as: UTF8.self)
    }
}
