extension JSONValue {
    /// Compact JSON text, members in key order, so that equal values give equal text: the one-line
    /// form in which schedule objects (fylr field schedules, Serverless Workflow schedules) travel
    /// as dialect lines.
    ///
    /// `{"recurrence":"RRULE:FREQ=DAILY","timezone":"UTC"}`
    public var compactText: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return Self.quoted(text)
        case .array(let items): return "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case .object(let members):
            let parts = members.keys.sorted().map { key in
                Self.quoted(key) + ":" + (members[key] ?? .null).compactText
            }
            return "{" + parts.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal (RFC 8259 section 7): quotes, backslashes and control characters
    /// escaped, everything else as is.
    public static func quoted(_ text: String) -> String {
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
