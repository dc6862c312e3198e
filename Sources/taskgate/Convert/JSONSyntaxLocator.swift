/// Finds where a JSON text stops being JSON, for messages: Foundation's decoder says only that
/// the data is not valid. Called only after decoding failed, so it need not build values.
struct JSONSyntaxLocator {
    /// Where the text went wrong and what was expected there.
    struct Problem: Hashable, Sendable, CustomStringConvertible {
        var line: Int
        var column: Int
        var found: String
        var expected: String

        /// `line 1, column 35: found '}'; expected a value`.
        var description: String { "line \(line), column \(column): found \(found); expected \(expected)" }
    }

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    /// The first problem in `bytes`, or `nil` when none was found.
    static func problem(in bytes: [UInt8]) -> Problem? {
        var locator = JSONSyntaxLocator(bytes: bytes)
        return locator.document()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func document() -> Problem? {
        if let problem = value() { return problem }
        skipSpace()
        return position < bytes.count ? problem("the end of the document") : nil
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private mutating func value() -> Problem? {
        skipSpace()
        guard position < bytes.count else { return problem("a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return container(close: UInt8(ascii: "}"), keyed: true)
        case UInt8(ascii: "["): return container(close: UInt8(ascii: "]"), keyed: false)
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return problem("a value")
        }
    }

    private mutating func container(close: UInt8, keyed: Bool) -> Problem? {
        depth += 1
        guard depth <= 512 else { return problem("at most 512 levels of nesting") }
        position += 1
        skipSpace()
        if position < bytes.count, bytes[position] == close {
            position += 1
            depth -= 1
            return nil
        }
        while true {
            if keyed {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    return problem("a member name in double quotes")
                }
                if let problem = string() { return problem }
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return problem("':'") }
                position += 1
            }
            if let problem = value() { return problem }
            skipSpace()
            guard position < bytes.count else { return problem("',' or '\(Character(UnicodeScalar(close)))'") }
            if bytes[position] == close {
                position += 1
                depth -= 1
                return nil
            }
            guard bytes[position] == UInt8(ascii: ",") else {
                return problem("',' or '\(Character(UnicodeScalar(close)))'")
            }
            position += 1
        }
    }

    private mutating func string() -> Problem? {
        position += 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return nil
            case UInt8(ascii: "\\"): position += 2
            case 0x00..<0x20: return problem("an escaped control character")
            default: position += 1
            }
        }
        return problem("the closing '\"' of the string")
    }

    private mutating func literal(_ word: String) -> Problem? {
        for byte in word.utf8 {
            guard position < bytes.count, bytes[position] == byte else { return problem("'\(word)'") }
            position += 1
        }
        return nil
    }

    private mutating func number() -> Problem? {
        let start = position
        let allowed = Set("+-0123456789.eE".utf8)
        while position < bytes.count, allowed.contains(bytes[position]) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard Double(text) != nil, !text.hasPrefix("+") else {
            position = start
            return problem("a number")
        }
        return nil
    }

    private func problem(_ expected: String) -> Problem {
        var line = 1
        var column = 1
        for byte in bytes[..<min(position, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        let found: String
        if position >= bytes.count {
            found = "the end of the file"
        } else {
            let end = min(bytes.count, position + 12)
            let text = String(decoding: bytes[position..<end], as: UTF8.self)
            found = "'" + (text.split(separator: "\n").first.map(String.init) ?? "") + "'"
        }
        return Problem(line: line, column: column, found: found, expected: expected)
    }
}
