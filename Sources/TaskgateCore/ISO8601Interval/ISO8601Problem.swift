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
