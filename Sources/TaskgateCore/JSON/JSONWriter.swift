/// Writes ``JSONValue`` as JSON text, byte for byte as `JSONEncoder` with sorted keys and unescaped
/// slashes writes it (and, pretty, as it writes with `.prettyPrinted`), several times faster.
///
/// Members in key order; `"`, `\` and control characters escaped (`\b \f \n \r \t`, others `\u00xx`),
/// everything else as is; whole doubles without `.0` (`1e+20`, `0.1`, `-0`). A differential test holds
/// it to `JSONEncoder`.
public enum JSONWriter {
    /// The value as UTF-8 JSON text: compact, or pretty (two-space indents, `"key" : value`).
    ///
    /// Pretty text for a value nested `level` deep in a larger document has its inner lines indented for
    /// that place (its first line is not indented: it follows its key or the caller's indent).
    public static func bytes(_ value: JSONValue, pretty: Bool = false, level: Int = 0) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, into: &output, pretty: pretty, level: level)
        return output
    }

    /// The value as JSON text.
    public static func text(_ value: JSONValue, pretty: Bool = false) -> String {
        String(decoding: bytes(value, pretty: pretty), as: UTF8.self)
    }

    /// Appends the text of `value` to `output`, as ``bytes(_:pretty:level:)`` gives it.
    public static func write(_ value: JSONValue, into output: inout [UInt8], pretty: Bool, level: Int) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): output.append(contentsOf: String(number).utf8)
        case .double(let number): output.append(contentsOf: text(of: number).utf8)
        case .string(let text): quote(text, into: &output)
        case .array(let elements):
            var array = Container.array(into: &output, pretty: pretty, level: level)
            for element in elements {
                array.nextElement(into: &output)
                write(element, into: &output, pretty: pretty, level: array.innerLevel)
            }
            array.close(into: &output)
        case .object(let members):
            var object = Container.object(into: &output, pretty: pretty, level: level)
            for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                object.member(key, value, into: &output)
            }
            object.close(into: &output)
        }
    }

    /// A double as `JSONEncoder` writes it: Swift's shortest form, without a `.0` on whole numbers.
    static func text(of number: Double) -> String {
        let text = number.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    static func indent(_ level: Int, into output: inout [UInt8]) {
        for _ in 0..<(2 * level) { output.append(UInt8(ascii: " ")) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    static let prettyKeySeparator = Array(" : ".utf8)

    /// `text` in quotes, escaped as `JSONEncoder` escapes it. Runs of bytes that need no escape are copied whole.
    static func quote(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                escape(byte, into: &output)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The escape of a quote, a backslash or a control character.
    private static func escape(_ byte: UInt8, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        }
    }
}
