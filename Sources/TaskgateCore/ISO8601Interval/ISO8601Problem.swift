/// A rejection of an ISO 8601 interval or a Serverless Workflow schedule object, with offsets
/// inside the text that was read (one line, or one JSON string value).
///
/// ``ISO8601IntervalDialect`` turns it into a ``ScheduleSyntaxError`` with the column in the
/// whole expression.
struct ISO8601Problem: Error, Hashable, Sendable {
    /// The part: `repetitions`, `start`, `end`, `duration`, `interval`, or an object key.
    var field: String
    /// The 0-based offset of ``value`` in the text read.
    var offset: Int
    var value: String
    var reason: String
}

extension String {
    /// The text with control characters escaped (`\n`, `\t`, `\u001B`), for a value quoted in an
    /// error message: a JSON string may decode to a line break, and a message is one line.
    var escapingControlCharacters: String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
