/// A schedule written in a dialect: its lines, and the context needed to read them back.
///
/// `Dialect.parse(text.lines, context: text.context)` gives back the schedule that was printed.
public struct DialectText: Hashable, Sendable {
    /// One line per expression: a Wyn pattern list, a Qlik RRULE list, one vCO pattern.
    public var lines: [String]
    /// The zone, start and end that go beside the lines.
    public var context: DialectContext

    /// Creates printed text with the context needed to read it back.
    public init(lines: [String], context: DialectContext) {
        self.lines = lines
        self.context = context
    }
}
