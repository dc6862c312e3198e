import TaskgateCore

/// Compact JSON text of a ``JSONValue``, members in key order: the one-line Serverless Workflow
/// schedule object handed to ``Dialect/iso8601``.
enum JSONText {
    /// `{"recurrence":"RRULE:FREQ=DAILY","timezone":"UTC"}`.
    static func compact(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return quoted(text)
        case .array(let items): return "[" + items.map(compact).joined(separator: ",") + "]"
        case .object(let members):
            let parts = members.keys.sorted().map { key in quoted(key) + ":" + compact(members[key] ?? .null) }
            return "{" + parts.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
