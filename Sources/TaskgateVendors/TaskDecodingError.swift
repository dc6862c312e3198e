public import TaskgateCore

/// A product task document that taskgate could not read.
///
/// The description names where (the JSON path), what was found and what was expected:
/// `trigger.pattern.patterns[1]: '0 0 8 * * MON-FRI' is not valid: quartz: day-of-month (field 4,
/// column 7) '*': both day fields are restricted; one of them must be '?'`.
public struct TaskDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The product whose document it is.
    public var product: Product
    /// Where in the document.
    public var path: JSONPath
    /// What was found there (`nil` for a missing field).
    public var value: JSONValue?
    /// What was expected, or what is wrong.
    public var expected: String

    /// Creates an error.
    public init(product: Product, path: JSONPath, value: JSONValue?, expected: String) {
        self.product = product
        self.path = path
        self.value = value
        self.expected = expected
    }

    /// `wyn: trigger.once: 'tomorrow' is not valid; expected an RFC 3339 instant`.
    public var description: String {
        guard let value else { return "\(product): \(path) is missing; expected \(expected)" }
        return "\(product): \(path): \(Self.show(value)) is not valid; expected \(expected)"
    }

    /// A short rendering of a value for messages.
    static func show(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): "'\(text.count > 80 ? String(text.prefix(77)) + "..." : text)'"
        case .array(let items): "an array of \(items.count)"
        case .object: "an object"
        }
    }
}
