/// A schedule text that taskgate could not read, with where and why.
///
/// The description names the dialect, the field, its position and the column in the text,
/// the offending value and what was expected:
/// `quartz: day-of-week (field 6, column 12) 'SAT#1,SUN#1': '#' takes a single weekday, not a list`.
public struct ScheduleSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The dialect the text was read as.
    public var dialect: Dialect
    /// The whole text that was read.
    public var expression: String
    /// The field or part: `day-of-week`, `BYMONTHDAY`, `duration`.
    public var field: String
    /// The 1-based position of a positional field (cron fields), if it has one.
    public var fieldNumber: Int?
    /// The 0-based offset of ``value`` in ``expression``, in characters.
    public var offset: Int
    /// The offending text.
    public var value: String
    /// What is wrong, or what was expected: `expected 1-7 or SUN-SAT`.
    public var reason: String

    /// Creates an error.
    public init(
        dialect: Dialect, expression: String, field: String, fieldNumber: Int? = nil, offset: Int, value: String,
        reason: String
    ) {
        self.dialect = dialect
        self.expression = expression
        self.field = field
        self.fieldNumber = fieldNumber
        self.offset = offset
        self.value = value
        self.reason = reason
    }

    /// One sentence: dialect, field, position, value and reason.
    public var description: String {
        let position = fieldNumber.map { "field \($0), column \(offset + 1)" } ?? "column \(offset + 1)"
        return "\(dialect): \(field) (\(position)) '\(value)': \(reason)"
    }

    /// The expression with a caret under the offending column, for a terminal.
    public var caretDiagram: String {
        expression + "\n" + String(repeating: " ", count: max(offset, 0)) + "^"
    }
}
