import Foundation
import TaskgateTestSupport
import Testing

@testable import TaskgateCore

/// `JSONReader` and `JSONWriter` against `JSONDecoder` and `JSONEncoder`, the implementation they replace:
/// the same values from the same texts (and the same refusals), the same bytes from the same values.
@Suite struct JSONReaderWriterTests {
    /// What `JSONDecoder` reads from `text`, or `nil`.
    static func foundation(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    static func encoded(_ value: JSONValue, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static let oddCases = [
        "5.0", "1e3", "1E3", "-0", "-0.0", "0.5", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "1.5e300", "1e400", "01", "1.", "-", ".5", "+1", "[1,]",
        "{\"a\":1,\"a\":2}", "\"\\ud800\"", "\"\\u00e9\"", "\"a\\/b\"", "\"\u{1}\"", "true ", "  null", "nul", "[]x",
        "\"\\x\"", "1e-400", "123456789012345678901234567890", "2.5e1", "1.0e0", "1e18", "1e19", "[1 2]", "{\"a\" 1}",
        "\"\\ud83d\\ude00\"", "\"\\uDE00\"", "tru", "[[[[]]]]", "{\"a\":1,}", "[,]", "[1,,]", "{,}", "\"\\u0000\"",
        "\u{FEFF}[1]", "[1]  ", "", "\"\\u12\"", "{\"b\":1,\"a\":2,}", "1 2", "\"\\ud83d\"", "-01", "0e5", "0.0e-0",
        "1E+2", "[-]", "[1e]", "{\"a\":}", "{1:2}", "\"\\ud83d\\u0041\"", "\"é\u{2028}\"", " \t\r\n[ 1 , { } ]\n",
        "-1.5E-3", "1e-7", "\"unterminated", "[", "{\"a\":[1,{\"b\":null}]}", "falsey", "nulll", "[true,false,null]",
        "9223372036854775808.0", "-9223372036854775808.0", "-9223372036854775809.0", "9.01459556722305e+18",
        "0.99999999999999999999", "1.000000000000000000001e3", "12e-1", "120e-1", "0e400", "0.0", "-0e-5", "1e100000",
        "999999999999999999", "-999999999999999999", "1000000000000000000", "-1000000000000000000", "[7,-42,0]",
        "\"\u{FFFD}\"", "\"a\u{FFFD}\\n\u{1F600}\"",
    ]

    @Test func theOddCasesReadAsJSONDecoderReadsThem() {
        for text in Self.oddCases {
            let bytes = Array(text.utf8)
            #expect(JSONReader.value(bytes) == Self.foundation(bytes), "\(text.debugDescription)")
        }
        var invalidUTF8 = Array("\"ab".utf8)
        invalidUTF8 += [0xFF, UInt8(ascii: "\"")]
        #expect(JSONReader.value(invalidUTF8) == nil)
        #expect(Self.foundation(invalidUTF8) == nil)
        // A lone continuation byte, a cut four-byte sequence (three bytes, as long as the U+FFFD that
        // replaces it), an encoded surrogate and an overlong slash, each plain and before an escape.
        for bad: [UInt8] in [[0x80], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
            for tail in ["\"", "\\n\""] {
                let text = Array("[\"é".utf8) + bad + Array(tail.utf8) + [UInt8(ascii: "]")]
                #expect(JSONReader.value(text) == nil, "\(text)")
                #expect(Self.foundation(text) == nil, "\(text)")
            }
        }
    }

    @Test func nestingStopsAt512() {
        let deepest = Array((String(repeating: "[", count: 512) + String(repeating: "]", count: 512)).utf8)
        let deeper = Array((String(repeating: "[", count: 513) + String(repeating: "]", count: 513)).utf8)
        #expect(JSONReader.value(deepest) != nil)
        #expect(JSONReader.value(deeper) == nil)
        #expect((try? JSONReader.parse(deeper)) == nil)
        let error = #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(deeper) }
        #expect(error?.description == "at byte 512 ('['): nested deeper than 512")
        let hostile = Array(String(repeating: "[", count: 100_000).utf8)
        #expect(JSONReader.value(hostile) == nil)
    }

    @Test func errorsNameTheByte() {
        let error = #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(Array("[1 2]".utf8)) }
        #expect(error?.description == "at byte 3 ('2'): expected ',' or ']'")
        let end = #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(Array("{\"a\":".utf8)) }
        #expect(end?.description == "at byte 5 (the end of the text): expected a value")
        let number = #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(Array("[1e999]".utf8)) }
        #expect(number?.description == "at byte 1 ('1'): a number out of range")
        let raw = #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(Array("\"a\tb\"".utf8)) }
        #expect(raw?.description == "at byte 2 (byte 0x09): a control character must be escaped in a string")
    }

    @Test func generatedDocumentsAreWrittenAndReadAsFoundationDoes() throws {
        var generator = SplitMix64(seed: 0x4A50_4E)
        for index in 0..<4_000 {
            let value = Self.document(depth: 0, using: &generator)
            for pretty in [false, true] {
                let ours = JSONWriter.bytes(value, pretty: pretty)
                let theirs = try Self.encoded(value, pretty: pretty)
                #expect(
                    ours == theirs, "document \(index) pretty \(pretty): \(String(decoding: theirs, as: UTF8.self))")
                #expect(JSONReader.value(ours) == Self.foundation(ours), "document \(index) read back")
            }
            // One byte changed, removed or added: both read the same, or both refuse.
            let text = Self.mutated(JSONWriter.bytes(value), using: &generator)
            #expect(
                JSONReader.value(text) == Self.foundation(text),
                "mutated document \(index): \(String(decoding: text, as: UTF8.self))")
        }
    }

    /// `member(_:in:)` answers as reading the whole text and taking the member: on every member of generated
    /// objects (and a name none has), on those objects with a byte changed, removed or added, and on the odd
    /// cases (wrapped as a member's value, so that skipping and reading both meet them).
    @Test func aMemberIsReadAsTheWholeTextGivesIt() {
        var generator = SplitMix64(seed: 0x4D45_4D)
        var texts: [[UInt8]] = Self.oddCases.flatMap { odd in
            ["{\"a\":\(odd),\"id\":7}", "{\"id\":\(odd)}", "{\"id\":\"x\",\"id\":\(odd)}", odd].map { Array($0.utf8) }
        }
        for _ in 0..<3_000 {
            var members: JSONObject = ["id": Self.document(depth: 2, using: &generator)]
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                members[Self.string(using: &generator)] = Self.document(depth: 1, using: &generator)
            }
            let text = JSONWriter.bytes(.object(members), pretty: Bool.random(using: &generator))
            texts.append(text)
            texts.append(Self.mutated(text, using: &generator))
        }
        // Bytes without contiguous storage are copied first.
        #expect(JSONReader.member("id", in: Array("{\"a\":[1],\"id\":7}".utf8).lazy.map { $0 }) == .integer(7))
        let deep = String(repeating: "[", count: 511) + String(repeating: "]", count: 511)
        texts.append(Array("{\"a\":\(deep),\"id\":1}".utf8))
        texts.append(Array("{\"a\":[\(deep)],\"id\":1}".utf8))
        for text in texts {
            let whole = JSONReader.value(text)
            var names = Set(whole?.objectValue?.keys.map { $0 } ?? [])
            names.insert("id")
            names.insert("no such member")
            for name in names {
                #expect(
                    JSONReader.member(name, in: text) == whole?.objectValue?[name],
                    "\(name) of \(String(decoding: text, as: UTF8.self).debugDescription)")
            }
        }
    }

    /// `text` with one byte changed, removed or added, a JSON-ish byte at a random place.
    static func mutated(_ text: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var text = text
        let position = Int.random(in: 0..<text.count, using: &generator)
        let byte = Array("{}[],:\"\\ 0123456789.eE+-tfnu".utf8).randomElement(using: &generator) ?? 0
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: text[position] = byte
        case 1: text.remove(at: position)
        default: text.insert(byte, at: position)
        }
        return text
    }

    /// A random JSON value: strings with escapes and non-ASCII, integers and doubles of every size.
    static func document(depth: Int, using generator: inout SplitMix64) -> JSONValue {
        let kind = depth >= 4 ? Int.random(in: 0..<5, using: &generator) : Int.random(in: 0..<7, using: &generator)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2:
            let magnitude: Int64 = [9, 1_000, 1 << 40, Int64.max].randomElement(using: &generator) ?? 9
            return .integer(Int64.random(in: -magnitude...magnitude, using: &generator))
        case 3:
            let exponent = Double(Int.random(in: -12...22, using: &generator))
            let mantissa = Double.random(in: -10...10, using: &generator)
            let value = (mantissa * pow(10, exponent) * 1_000).rounded() / 1_000
            return value.rounded() == value && abs(value) < 9e18 ? .integer(Int64(value)) : .double(value)
        case 4: return .string(string(using: &generator))
        case 5:
            return .array(
                (0..<Int.random(in: 0...4, using: &generator)).map { _ in document(depth: depth + 1, using: &generator)
                })
        default:
            var members: JSONObject = [:]
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                members[string(using: &generator)] = document(depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }

    static let pieces = [
        "a", "B", "z9", "_", "-", "10", "9", " ", "\"", "\\", "/", "\n", "\t", "\r", "\u{8}", "\u{c}", "\u{1}",
        "\u{1f}", "\u{7f}", "é", "ß", "日本", "😀", "\u{2028}", "id", "task",
    ]

    static func string(using generator: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }
            .joined()
    }
}
