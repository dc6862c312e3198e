/// A one-line JSON object read with the position of every key and value: the Serverless
/// Workflow schedule object, whose values are strings, `null`, or (for `cron`) one nested object
/// of strings.
///
/// Foundation's `JSONDecoder` would read the shape but lose the columns that a
/// ``ScheduleSyntaxError`` must point at, and it accepts duplicate keys; this reader keeps both.
struct FlatJSONObject: Hashable, Sendable {
    /// A decoded string, with the column of each of its characters in the line.
    struct StringValue: Hashable, Sendable {
        var text: String
        /// The offset in the line of each character of ``text`` (of the backslash for an escape),
        /// then of the closing quote.
        var offsets: [Int]

        /// The offset in the line of the `index`-th character of ``text`` (the closing quote past
        /// the end).
        func lineOffset(_ index: Int) -> Int {
            offsets[min(max(index, 0), offsets.count - 1)]
        }
    }

    enum Value: Hashable, Sendable {
        case string(StringValue)
        case null
        case object(FlatJSONObject)
    }

    struct Member: Hashable, Sendable {
        var key: String
        /// The offset of the key's opening quote.
        var keyOffset: Int
        var value: Value
        /// The offset of the value's first character.
        var valueOffset: Int
    }

    var members: [Member]

    /// Reads a whole line as one object; spaces around it are allowed.
    ///
    /// - Throws: ``ISO8601Problem`` with field `JSON` at the offending character.
    static func read(_ characters: [Character]) throws(ISO8601Problem) -> FlatJSONObject {
        var reader = LineJSONScanner(characters: characters)
        reader.skipSpace()
        let object = try reader.object(depth: 1)
        reader.skipSpace()
        guard reader.isAtEnd else {
            throw reader.problem("unexpected text after the object; expected one JSON object on the line")
        }
        return object
    }
}

private struct LineJSONScanner {
    let characters: [Character]
    var position = 0

    var isAtEnd: Bool { position >= characters.count }
    var peek: Character? { isAtEnd ? nil : characters[position] }

    mutating func skipSpace() {
        while let character = peek, character == " " || character == "\t" || character == "\n" || character == "\r" {
            position += 1
        }
    }

    func problem(_ reason: String, at offset: Int? = nil, length: Int = 1) -> ISO8601Problem {
        let start = offset ?? position
        let end = min(start + length, characters.count)
        let value = start < characters.count ? String(characters[start..<end]) : ""
        return ISO8601Problem(field: "JSON", offset: start, value: value, reason: reason)
    }

    mutating func object(depth: Int) throws(ISO8601Problem) -> FlatJSONObject {
        guard peek == "{" else { throw problem("expected '{' to start a Serverless Workflow schedule object") }
        position += 1
        var members: [FlatJSONObject.Member] = []
        var keys: Set<String> = []
        skipSpace()
        if peek == "}" {
            position += 1
            return FlatJSONObject(members: members)
        }
        while true {
            skipSpace()
            let keyOffset = position
            guard peek == "\"" else { throw problem("expected '\"' to start a key") }
            let key = try string()
            guard keys.insert(key.text).inserted else {
                throw ISO8601Problem(
                    field: "JSON", offset: keyOffset, value: key.text,
                    reason: "duplicate key; each key may appear once")
            }
            skipSpace()
            guard peek == ":" else { throw problem("expected ':' after the key") }
            position += 1
            skipSpace()
            let valueOffset = position
            let value = try value(depth: depth)
            members.append(
                FlatJSONObject.Member(key: key.text, keyOffset: keyOffset, value: value, valueOffset: valueOffset))
            skipSpace()
            if peek == "," {
                position += 1
                continue
            }
            guard peek == "}" else { throw problem("expected ',' or '}' after a value") }
            position += 1
            return FlatJSONObject(members: members)
        }
    }

    mutating func value(depth: Int) throws(ISO8601Problem) -> FlatJSONObject.Value {
        switch peek {
        case "\"":
            return .string(try string())
        case "{":
            guard depth < 2 else {
                throw problem("objects nest one level at most (cron: {expression, validUntil}); expected a string")
            }
            return .object(try object(depth: depth + 1))
        case "n":
            guard position + 4 <= characters.count, String(characters[position..<(position + 4)]) == "null" else {
                throw problem("expected a string")
            }
            position += 4
            return .null
        default:
            throw problem("expected a string in double quotes (numbers, booleans and arrays are not schedule values)")
        }
    }

    /// A string at the cursor (which is on its opening quote).
    mutating func string() throws(ISO8601Problem) -> FlatJSONObject.StringValue {
        let opening = position
        position += 1
        var decoded: [Character] = []
        var offsets: [Int] = []
        var pendingHighSurrogate: (value: UInt32, offset: Int)?
        while true {
            guard let character = peek else {
                throw problem("the string is not closed; expected '\"'", at: opening)
            }
            let offset = position
            if character != "\\", let high = pendingHighSurrogate {
                throw problem(
                    "a lone UTF-16 high surrogate; expected a low surrogate \\uDC00-\\uDFFF", at: high.offset, length: 6
                )
            }
            if character == "\"" {
                position += 1
                return Self.stringValue(decoded, offsets: offsets, closing: offset)
            }
            if character.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                throw problem("a control character inside a string; expected it escaped")
            }
            guard character == "\\" else {
                decoded.append(character)
                offsets.append(offset)
                position += 1
                continue
            }
            position += 1
            guard let escaped = peek else { throw problem("the string is not closed; expected '\"'", at: opening) }
            position += 1
            let simple: [Character: Character] = [
                "\"": "\"", "\\": "\\", "/": "/", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t",
            ]
            if let replacement = simple[escaped] {
                if let high = pendingHighSurrogate {
                    throw problem("a lone UTF-16 high surrogate; expected a low surrogate", at: high.offset, length: 6)
                }
                decoded.append(replacement)
                offsets.append(offset)
                continue
            }
            guard escaped == "u" else {
                throw problem(
                    "'\\\(escaped)' is not a JSON escape; expected \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX",
                    at: offset, length: 2)
            }
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = peek?.hexDigitValue else {
                    throw problem(
                        "expected four hexadecimal digits after \\u", at: offset, length: position - offset + 1)
                }
                code = code * 16 + UInt32(digit)
                position += 1
            }
            switch code {
            case 0xD800...0xDBFF:
                if pendingHighSurrogate != nil {
                    throw problem("two UTF-16 high surrogates in a row", at: offset, length: 6)
                }
                pendingHighSurrogate = (code, offset)
            case 0xDC00...0xDFFF:
                guard let high = pendingHighSurrogate,
                    let scalar = Unicode.Scalar(0x10000 + ((high.value - 0xD800) << 10) + (code - 0xDC00))
                else { throw problem("a lone UTF-16 low surrogate", at: offset, length: 6) }
                pendingHighSurrogate = nil
                decoded.append(Character(scalar))
                offsets.append(high.offset)
            default:
                guard let scalar = Unicode.Scalar(code) else {
                    throw problem("not a Unicode scalar", at: offset, length: 6)
                }
                decoded.append(Character(scalar))
                offsets.append(offset)
            }
        }
    }

    /// The decoded characters as a string, with one offset per character of the string: an
    /// escaped or separate combining mark merges with the character before it and shares its
    /// offset.
    private static func stringValue(_ decoded: [Character], offsets: [Int], closing: Int) -> FlatJSONObject.StringValue
    {
        let text = String(decoded)
        guard text.count != decoded.count else {
            return FlatJSONObject.StringValue(text: text, offsets: offsets + [closing])
        }
        var merged: [Int] = []
        var index = 0
        var scalarsLeft = 0
        for character in text {
            merged.append(offsets[min(index, offsets.count - 1)])
            scalarsLeft = character.unicodeScalars.count
            while scalarsLeft > 0, index < decoded.count {
                scalarsLeft -= decoded[index].unicodeScalars.count
                index += 1
            }
        }
        return FlatJSONObject.StringValue(text: text, offsets: merged + [closing])
    }
}
