/// A JSON value of fylr schedule text, with the column where it starts.
///
/// fylr schedule text is small and its errors must point at a column, which Foundation's
/// `JSONDecoder` does not report; this reader keeps every value's offset and the exact text of
/// numbers (so that `8.0` and `1e2` are rejected as the Go server would reject them for an
/// `int` field, rather than silently converted).
struct FieldScheduleJSON: Hashable {
    /// The kinds of JSON value.
    enum Value: Hashable {
        /// Members in their order, each with the offset of its key.
        case object([Member])
        case array([FieldScheduleJSON])
        case string(String)
        /// The number exactly as written.
        case number(String)
        case bool(Bool)
        case null
    }

    /// One member of an object.
    struct Member: Hashable {
        var key: String
        var keyOffset: Int
        var value: FieldScheduleJSON
    }

    var value: Value
    /// The 0-based offset of the value's first character in its line.
    var offset: Int
    /// How many Unicode scalars the value spans in its line, from ``offset``.
    var length: Int

    /// The value's text as written in `line` (the line it was read from), for messages: cut out
    /// only when a message needs it, as a whole object's text is the whole line.
    func text(in line: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: line.unicodeScalars.dropFirst(offset).prefix(length))
        return String(view)
    }

    /// The JSON type, for messages: `string`, `number`, `object`.
    var typeName: String {
        switch value {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }
}
