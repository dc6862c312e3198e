/// Reads one line of JSON (RFC 8259) into ``FieldScheduleJSON`` values that remember their
/// columns.
///
/// Strict: no comments, no trailing commas, no leading zeros, nothing after the value but
/// blanks. Nesting deeper than ``maximumDepth`` is refused, so no input can exhaust the stack.
struct FieldScheduleJSONReader {
    private let line: String
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var depth = 0

    /// Deeper than any schedule needs (a list inside an object inside an array is 3).
    static let maximumDepth = 16

    init(_ line: String) {
        self.line = line
        scalars = Array(line.unicodeScalars)
    }

    /// The single JSON value of the line.
    mutating func read() throws(ScheduleSyntaxError) -> FieldScheduleJSON {
        skipBlanks()
        let value = try readValue()
        skipBlanks()
        guard position == scalars.count else {
            throw error("unexpected text after the JSON value; expected the end of the line")
        }
        return value
    }

    private mutating func readValue() throws(ScheduleSyntaxError) -> FieldScheduleJSON {
        guard position < scalars.count else { throw error("the text ends here; expected a JSON value") }
        let start = position
        let kind: FieldScheduleJSON.Value
        switch scalars[position] {
        case "{": kind = try readObject()
        case "[": kind = try readArray()
        case "\"": kind = .string(try readString())
        case "-", "0"..."9": kind = .number(try readNumber())
        case "t": kind = try readWord("true", as: .bool(true))
        case "f": kind = try readWord("false", as: .bool(false))
        case "n": kind = try readWord("null", as: .null)
        default: throw error("expected a JSON value (object, array, string, number, true, false or null)")
        }
        return FieldScheduleJSON(value: kind, offset: start, length: position - start)
    }

    private mutating func readObject() throws(ScheduleSyntaxError) -> FieldScheduleJSON.Value {
        try enter()
        position += 1
        var members: [FieldScheduleJSON.Member] = []
        skipBlanks()
        if consume("}") {
            depth -= 1
            return .object(members)
        }
        while true {
            skipBlanks()
            guard position < scalars.count, scalars[position] == "\"" else {
                throw error("expected a key in double quotes")
            }
            let keyOffset = position
            let key = try readString()
            skipBlanks()
            guard consume(":") else { throw error("expected ':' after the key") }
            skipBlanks()
            members.append(FieldScheduleJSON.Member(key: key, keyOffset: keyOffset, value: try readValue()))
            skipBlanks()
            if consume(",") { continue }
            guard consume("}") else { throw error("expected ',' or '}'") }
            depth -= 1
            return .object(members)
        }
    }

    private mutating func readArray() throws(ScheduleSyntaxError) -> FieldScheduleJSON.Value {
        try enter()
        position += 1
        var elements: [FieldScheduleJSON] = []
        skipBlanks()
        if consume("]") {
            depth -= 1
            return .array(elements)
        }
        while true {
            skipBlanks()
            elements.append(try readValue())
            skipBlanks()
            if consume(",") { continue }
            guard consume("]") else { throw error("expected ',' or ']'") }
            depth -= 1
            return .array(elements)
        }
    }

    private mutating func enter() throws(ScheduleSyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw error("the JSON nests deeper than \(Self.maximumDepth) levels; a schedule needs 3")
        }
    }

    private mutating func readString() throws(ScheduleSyntaxError) -> String {
        position += 1
        var result = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            switch scalar {
            case "\"":
                position += 1
                return String(result)
            case "\\":
                position += 1
                guard position < scalars.count else { break }
                let escaped = scalars[position]
                position += 1
                switch escaped {
                case "\"", "\\", "/": result.append(escaped)
                case "b": result.append("\u{08}")
                case "f": result.append("\u{0C}")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "u": result.append(try readUnicodeEscape())
                default:
                    position -= 1
                    throw error("unknown escape '\\\(escaped)'; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u")
                }
            default:
                guard scalar.value >= 0x20 else {
                    throw error("a control character inside a string; expected it escaped")
                }
                result.append(scalar)
                position += 1
            }
        }
        throw error("the string is not closed; expected '\"'")
    }

    /// `\uXXXX`, with a surrogate pair read as one scalar; a lone surrogate becomes U+FFFD.
    private mutating func readUnicodeEscape() throws(ScheduleSyntaxError) -> Unicode.Scalar {
        let high = try readHexQuad()
        if (0xD800...0xDBFF).contains(high), position + 1 < scalars.count, scalars[position] == "\\",
            scalars[position + 1] == "u"
        {
            position += 2
            let low = try readHexQuad()
            if (0xDC00...0xDFFF).contains(low) {
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    private mutating func readHexQuad() throws(ScheduleSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < scalars.count, scalars[position].isASCII,
                let digit = UInt32(String(scalars[position]), radix: 16)
            else { throw error("expected four hexadecimal digits after \\u") }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    private mutating func readNumber() throws(ScheduleSyntaxError) -> String {
        let start = position
        _ = consume("-")
        guard position < scalars.count, ("0"..."9").contains(scalars[position]) else {
            throw error("expected a digit")
        }
        if consume("0") {
            if position < scalars.count, ("0"..."9").contains(scalars[position]) {
                throw error("a number may not start with 0; write it without leading zeros")
            }
        } else {
            skipDigits()
        }
        if consume(".") {
            guard skipDigits() else { throw error("expected a digit after '.'") }
        }
        if consume("e") || consume("E") {
            _ = consume("+") || consume("-")
            guard skipDigits() else { throw error("expected a digit in the exponent") }
        }
        return text(start..<position)
    }

    @discardableResult
    private mutating func skipDigits() -> Bool {
        let start = position
        while position < scalars.count, ("0"..."9").contains(scalars[position]) { position += 1 }
        return position > start
    }

    private mutating func readWord(
        _ word: String, as value: FieldScheduleJSON.Value
    ) throws(ScheduleSyntaxError)
        -> FieldScheduleJSON.Value
    {
        let wordScalars = Array(word.unicodeScalars)
        guard position + wordScalars.count <= scalars.count,
            Array(scalars[position..<(position + wordScalars.count)]) == wordScalars
        else { throw error("expected \(word)") }
        position += wordScalars.count
        return value
    }

    private mutating func skipBlanks() {
        while position < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[position]) { position += 1 }
    }

    private mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard position < scalars.count, scalars[position] == scalar else { return false }
        position += 1
        return true
    }

    private func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    private func error(_ reason: String) -> ScheduleSyntaxError {
        let value = position < scalars.count ? String(scalars[position]) : ""
        return ScheduleSyntaxError(
            dialect: .fylr, expression: line, field: "JSON", offset: position, value: value, reason: reason)
    }
}
