/// Reads JSON text into ``JSONValue`` in one pass over the bytes, several times faster than going
/// through `JSONDecoder` and `Codable`.
///
/// It reads what `JSONDecoder` reads and gives the same values: integers that fit (and numbers with a
/// fraction or exponent that are whole, as `5.0` or `1e3`) are ``JSONValue/integer(_:)``, other numbers
/// ``JSONValue/double(_:)``; a leading UTF-8 byte order mark is skipped; a comma may end a non-empty
/// array or object; the first of two equal member names wins; nesting deeper than 512 is refused.
/// A differential test holds it to `JSONDecoder` on generated documents and the odd cases.
public enum JSONReader {
    /// The deepest nesting of arrays and objects read.
    public static let maximumDepth = 512

    /// Why a text is not JSON: the byte offset, what stands there, and what was expected or wrong.
    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The offset of the byte where reading stopped.
        public var offset: Int
        /// What stands at the offset: `'2'`, `byte 0xFF`, `the end of the text`.
        public var found: String
        /// What was expected, or what was wrong.
        public var message: String

        /// "at byte 3 ('2'): expected ',' or ']'".
        public var description: String { "at byte \(offset) (\(found)): \(message)" }
    }

    /// The value of the JSON text `bytes`.
    public static func parse(_ bytes: some Collection<UInt8>) throws(SyntaxError) -> JSONValue {
        let result: Result<JSONValue, SyntaxError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(SyntaxError) -> JSONValue in try parse(buffer) }
        }
        if let result { return try result.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer throws(SyntaxError) -> JSONValue in try parse(buffer) }
    }

    /// The value of the JSON text `bytes`, or `nil` when it is not JSON.
    public static func value(_ bytes: some Collection<UInt8>) -> JSONValue? {
        try? parse(bytes)
    }

    /// The member `name` of the object that the JSON text `bytes` is, as `value(bytes)?[name]` gives it, but the
    /// other members are read without being built; `nil` when the text is not JSON, not an object, or has no
    /// such member. For a single member of a large answer (the id of a created task).
    public static func member(_ name: String, in bytes: some Collection<UInt8>) -> JSONValue? {
        let found: JSONValue?? = bytes.withContiguousStorageIfAvailable { buffer in
            try? member(name, in: buffer)
        }
        if let found { return found }
        return Array(bytes).withUnsafeBufferPointer { buffer in try? member(name, in: buffer) }
    }

    private static func member(_ name: String, in buffer: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> JSONValue?
    {
        var scanner = Scanner(bytes: buffer)
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { scanner.position = 3 }
        scanner.skipWhitespace()
        guard scanner.position < buffer.count, buffer[scanner.position] == UInt8(ascii: "{") else { return nil }
        let found = try scanner.member(name)
        scanner.skipWhitespace()
        guard scanner.position == buffer.count else { throw scanner.error("expected the end of the text") }
        return found
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> JSONValue {
        var scanner = Scanner(bytes: buffer)
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { scanner.position = 3 }
        let value = try scanner.value(depth: 0)
        scanner.skipWhitespace()
        guard scanner.position == buffer.count else { throw scanner.error("expected the end of the text") }
        return value
    }

    /// The reading position over the bytes.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func error(_ message: String) -> SyntaxError { error(message, at: position) }

        /// An error at `offset`, naming the character (or byte) there.
        func error(_ message: String, at offset: Int) -> SyntaxError {
            let found: String
            if offset >= bytes.count {
                found = "the end of the text"
            } else if (0x21..<0x7F).contains(bytes[offset]) {
                found = "'\(Character(Unicode.Scalar(bytes[offset])))'"
            } else {
                let hex = String(bytes[offset], radix: 16, uppercase: true)
                found = "byte 0x" + (hex.count == 1 ? "0" : "") + hex
            }
            return SyntaxError(offset: offset, found: found, message: message)
        }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
            skipWhitespace()
            guard position < bytes.count else { throw error("expected a value") }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"):
                try literal("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try literal("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try literal("null")
                return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw error("expected a value")
            }
        }

        mutating func literal(_ word: StaticString) throws(SyntaxError) {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw error("expected '\(word)'") }
            for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
                throw error("expected '\(word)'")
            }
            position += count
        }

        mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
            var elements: [JSONValue] = []
            guard try opens("]", depth: depth) else { return .array(elements) }
            while true {
                elements.append(try value(depth: depth))
                if try closes("]") { return .array(elements) }
            }
        }

        mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
            guard try opens("}", depth: depth) else { return .object([:]) }
            // The members are gathered in order and the dictionary is built once, at its size: growing it
            // member by member rehashed it on the way and looked each name up twice (20 % of a parse). The
            // first of two members with one name wins, as with `JSONDecoder`.
            var pairs: [(String, JSONValue)] = []
            pairs.reserveCapacity(8)
            while true {
                let name = try memberName()
                pairs.append((name, try value(depth: depth)))
                if try closes("}") { return .object(JSONObject(pairs, uniquingKeysWith: { first, _ in first })) }
            }
        }

        /// The first member `name` of the object at the position (its `{`), reading the others' values with
        /// ``skip(depth:)``: the same syntax is accepted, with the same errors, as ``object(depth:)``.
        mutating func member(_ name: String) throws(SyntaxError) -> JSONValue? {
            guard try opens("}", depth: 1) else { return nil }
            var found: JSONValue?
            while true {
                let key = try memberName()
                if found == nil, key == name { found = try value(depth: 1) } else { try skip(depth: 1) }
                if try closes("}") { return found }
            }
        }

        /// Reads past one value, checking it as ``value(depth:)`` does, without building arrays or objects.
        mutating func skip(depth: Int) throws(SyntaxError) {
            skipWhitespace()
            guard position < bytes.count else { throw error("expected a value") }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                guard try opens("}", depth: depth + 1) else { return }
                while true {
                    _ = try memberName()
                    try skip(depth: depth + 1)
                    if try closes("}") { return }
                }
            case UInt8(ascii: "["):
                guard try opens("]", depth: depth + 1) else { return }
                while true {
                    try skip(depth: depth + 1)
                    if try closes("]") { return }
                }
            default:
                _ = try value(depth: depth)
            }
        }

        /// Steps into the array or object at the position, nested `depth` deep (refused past
        /// ``JSONReader/maximumDepth``): `false` when `closing` follows at once (it is empty, and read).
        ///
        /// This, ``memberName()`` and ``closes(_:)`` run for every member and element: inlined, a parse
        /// takes as long as with their bodies written out in `array` and `object`; called, 3–5 % longer.
        @inline(__always)
        mutating func opens(_ closing: Unicode.Scalar, depth: Int) throws(SyntaxError) -> Bool {
            guard depth <= JSONReader.maximumDepth else { throw error("nested deeper than \(JSONReader.maximumDepth)") }
            position += 1
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: closing) {
                position += 1
                return false
            }
            return true
        }

        /// A member's name and the `:` after it.
        @inline(__always)
        mutating func memberName() throws(SyntaxError) -> String {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("expected a member name in double quotes")
            }
            let name = try string()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("expected ':' after a member name")
            }
            position += 1
            return name
        }

        /// After a member or element: `true` at the closing bracket (also after a trailing comma), `false`
        /// after a comma with more to come.
        @inline(__always)
        mutating func closes(_ bracket: Unicode.Scalar) throws(SyntaxError) -> Bool {
            let closing = UInt8(ascii: bracket)
            let expected = bracket == "}" ? "expected ',' or '}'" : "expected ',' or ']'"
            skipWhitespace()
            guard position < bytes.count else { throw error(expected) }
            let byte = bytes[position]
            position += 1
            if byte == closing { return true }
            guard byte == UInt8(ascii: ",") else {
                position -= 1
                throw error(expected)
            }
            skipWhitespace()
            if position < bytes.count, bytes[position] == closing {
                position += 1
                return true
            }
            return false
        }

        /// A string from its opening quote; the fast path copies a run without escapes at once.
        mutating func string() throws(SyntaxError) -> String {
            position += 1
            let start = position
            // Every byte of the run OR-ed together: below 0x80 when the run is ASCII.
            var highBits: UInt8 = 0
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let run = UnsafeBufferPointer(rebasing: bytes[start..<position])
                    guard let text = Self.text(ofUTF8: run, isASCII: highBits < 0x80) else {
                        throw error("a string that is not UTF-8", at: start)
                    }
                    position += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                highBits |= byte
                position += 1
            }
            var scalars = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    let text = scalars.withUnsafeBufferPointer { Self.text(ofUTF8: $0, isASCII: false) }
                    guard let text else { throw error("a string that is not UTF-8", at: start) }
                    position += 1
                    return text
                case UInt8(ascii: "\\"):
                    position += 1
                    guard position < bytes.count else { throw error("expected an escape") }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                    case UInt8(ascii: "b"): scalars.append(0x08)
                    case UInt8(ascii: "f"): scalars.append(0x0C)
                    case UInt8(ascii: "n"): scalars.append(0x0A)
                    case UInt8(ascii: "r"): scalars.append(0x0D)
                    case UInt8(ascii: "t"): scalars.append(0x09)
                    case UInt8(ascii: "u"): scalars.append(contentsOf: try unicodeEscape())
                    default:
                        position -= 1
                        throw error("expected one of \" \\ / b f n r t u after a backslash")
                    }
                case 0..<0x20:
                    throw error("a control character must be escaped in a string")
                default:
                    scalars.append(byte)
                    position += 1
                }
            }
            throw error("expected the closing '\"' of a string")
        }

        /// The string the UTF-8 `bytes` spell, or `nil` when they are not UTF-8.
        ///
        /// `String(validating:as:)` is generic in the standard library and looked up type metadata on every
        /// call: 1.4 % of a `convert` profile. Decoding repairs bad bytes with U+FFFD, which changes the bytes,
        /// so text whose bytes came back unchanged was valid; ASCII needs no comparison.
        static func text(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String? {
            let text = String(decoding: bytes, as: UTF8.self)
            guard !isASCII else { return text }
            return text.utf8.elementsEqual(bytes) ? text : nil
        }

        /// The UTF-8 of `\uXXXX` (position after the `u`), with a following low surrogate for a high one.
        mutating func unicodeEscape() throws(SyntaxError) -> [UInt8] {
            let first = try hexQuad()
            var value = UInt32(first)
            if (0xD800..<0xDC00).contains(first) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw error("expected the low surrogate after a high surrogate") }
                position += 2
                let second = try hexQuad()
                guard (0xDC00..<0xE000).contains(second) else {
                    throw error("expected a low surrogate after a high surrogate")
                }
                value = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            } else if (0xDC00..<0xE000).contains(first) {
                throw error("a low surrogate without a high one")
            }
            guard let scalar = Unicode.Scalar(value) else { throw error("not a Unicode scalar") }
            return Array(String(Character(scalar)).utf8)
        }

        mutating func hexQuad() throws(SyntaxError) -> UInt16 {
            guard position + 4 <= bytes.count else { throw error("expected four hexadecimal digits") }
            var value: UInt16 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw error("expected four hexadecimal digits")
                }
                value = value << 4 | UInt16(digit)
                position += 1
            }
            return value
        }

        /// A number, as `JSONDecoder` reads it into ``JSONValue``: a plain integer that fits is an integer (one
        /// that does not, a double); a number with a fraction or an exponent whose exact decimal value is
        /// whole and fits is that integer (`9.01459556722305e+18` is 9014595567223050000, not the double's
        /// 9014595567223050240); otherwise the double, itself an integer when whole and in range (`1e-400`
        /// is 0).
        mutating func number() throws(SyntaxError) -> JSONValue {
            let start = position
            let negative = bytes[position] == UInt8(ascii: "-")
            if negative { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("expected a digit") }
            let integerStart = position
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
                if position < bytes.count, isDigit(bytes[position]) {
                    throw error("a number does not start with 0 followed by a digit")
                }
            } else {
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
            let integerEnd = position
            var fractionEnd = position
            var exponent = 0
            var plain = true
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                plain = false
                position += 1
                try digits()
                fractionEnd = position
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                plain = false
                position += 1
                var exponentNegative = false
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
                {
                    exponentNegative = bytes[position] == UInt8(ascii: "-")
                    position += 1
                }
                let exponentStart = position
                try digits()
                for index in exponentStart..<position where exponent < 100_000 {
                    exponent = exponent * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                }
                if exponentNegative { exponent = -exponent }
            }
            if plain, integerEnd - integerStart <= 18 {
                // Up to 18 digits always fit in 64 bits: no copy of the digits, no overflow checks.
                var magnitude: Int64 = 0
                for index in integerStart..<integerEnd {
                    magnitude = magnitude &* 10 &+ Int64(bytes[index] &- UInt8(ascii: "0"))
                }
                return .integer(negative ? -magnitude : magnitude)
            }
            var significand = Array(UnsafeBufferPointer(rebasing: bytes[integerStart..<integerEnd]))
            if fractionEnd > integerEnd {
                significand += UnsafeBufferPointer(rebasing: bytes[(integerEnd + 1)..<fractionEnd])
                exponent -= fractionEnd - integerEnd - 1
            }
            // Int64.min only as a plain integer: with a fraction or an exponent, JSONDecoder reads the
            // magnitude up to Int64.max before the sign.
            if let integer = Self.exactInteger(significand, exponent: exponent, negative: negative, allowMinimum: plain)
            {
                return .integer(integer)
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            guard let double = Double(text), double.isFinite else {
                throw error("a number out of range", at: start)
            }
            if !plain, double.rounded() == double, double > -9.223_372_036_854_775_808e18,
                let integer = Int64(exactly: double)
            {
                return .integer(integer)
            }
            return .double(double)
        }

        /// `±digits × 10^exponent` when that is a whole number in 64 bits (down to Int64.min when allowed).
        static func exactInteger(_ digits: [UInt8], exponent: Int, negative: Bool, allowMinimum: Bool) -> Int64? {
            var kept = digits[...]
            if exponent < 0 {
                guard -exponent <= kept.count else { return kept.allSatisfy { $0 == UInt8(ascii: "0") } ? 0 : nil }
                let dropped = kept.suffix(-exponent)
                guard dropped.allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
                kept = kept.dropLast(-exponent)
            }
            let limit = negative && allowMinimum ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
            var magnitude: UInt64 = 0
            for digit in kept {
                let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, carry) = times.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
                guard !overflow, !carry, sum <= limit else { return nil }
                magnitude = sum
            }
            if exponent > 0, magnitude != 0 {
                for _ in 0..<exponent {
                    let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                    guard !overflow, times <= limit else { return nil }
                    magnitude = times
                }
            }
            if negative { return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude) }
            return Int64(magnitude)
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        mutating func digits() throws(SyntaxError) {
            let start = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            guard position > start else { throw error("expected a digit") }
        }
    }
}
