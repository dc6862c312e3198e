import Foundation

/// JSON printing for `--json`: sorted keys, no escaped slashes, one place for both.
enum JSONOutput {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Prints a value as pretty JSON on standard output.
    static func print(_ value: some Encodable) throws {
        let data = try encoder(pretty: true).encode(value)
        Swift.print(String(decoding: data, as: UTF8.self))
    }

    /// A value as one line of JSON.
    static func line(_ value: some Encodable) throws -> String {
        String(decoding: try encoder(pretty: false).encode(value), as: UTF8.self)
    }
}
