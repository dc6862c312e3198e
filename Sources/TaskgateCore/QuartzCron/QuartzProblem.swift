/// Why a Quartz expression was rejected, and where: the parser's internal form of a
/// ``ScheduleSyntaxError``, located in the upper-cased expression it reads.
struct QuartzProblem: Error, Hashable, Sendable {
    /// The field the problem is in; `nil` for the expression as a whole.
    var field: QuartzField?
    /// The UTF-16 offset of the offending text in the expression.
    var offset: Int
    /// The UTF-16 length of the offending text.
    var length: Int
    /// What is wrong or what was expected.
    var reason: String

    init(_ field: QuartzField?, at span: Range<Int>, _ reason: String) {
        self.field = field
        offset = span.lowerBound
        length = span.count
        self.reason = reason
    }
}
