/// A rejection found while reading one part of an ISO 8601 text, before the part's field name
/// and the whole expression are known.
///
/// Readers work on one part (`PT2H`, `2020-03-20T13:00:00Z`) and report offsets inside it; the
/// dialect turns a problem into a ``ScheduleSyntaxError`` that names the field and the column
/// in the whole line.
struct ISOTextProblem: Error, Hashable, Sendable {
    /// The 0-based offset of the offending text inside the part.
    var offset: Int
    /// The offending text.
    var value: String
    /// What is wrong, or what was expected.
    var reason: String
}
