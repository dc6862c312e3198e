import Foundation
import TaskgateCore

/// JSON text ↔ ``JSONValue`` for request bodies, responses and the store's body column.
enum JSONText {
    /// Reads JSON text; `nil` when it is not JSON.
    static func decode(_ bytes: some Collection<UInt8>) -> JSONValue? {
        JSONReader.value(bytes)
    }

    /// Writes JSON with sorted keys, so that equal values give equal text.
    static func encode(_ value: JSONValue) -> Data {
        Data(JSONWriter.bytes(value))
    }

    /// Writes JSON as a string.
    static func string(_ value: JSONValue) -> String {
        JSONWriter.text(value)
    }
}
