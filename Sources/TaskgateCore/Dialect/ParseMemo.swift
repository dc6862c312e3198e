/// Schedule texts already read in this process, shared by the tasks of one run: an export holds the same
/// few patterns many times over, and reading a Quartz pattern builds its field sets and year tables.
///
/// A parse depends only on its key — the dialect, the lines and the ``DialectContext`` — so a remembered
/// schedule (or syntax error) is the very value a new parse would give. Bounded: when `capacity` texts
/// are held, the memo starts again from empty.
public final class ParseMemo: Sendable {
    /// What a parse depends on.
    struct Key: Hashable, Sendable {
        var dialect: Dialect
        var lines: [String]
        var context: DialectContext
    }

    private let parses: BoundedMemo<Key, Result<Schedule, ScheduleSyntaxError>>

    /// An empty memo holding up to `capacity` parses.
    public init(capacity: Int = 4_096) {
        parses = BoundedMemo(capacity: capacity)
    }

    /// `lines` read in `dialect`, as ``Dialect/parse(_:context:)`` reads them, remembered.
    ///
    /// - Throws: the ``ScheduleSyntaxError`` the parse gave.
    public func parse(
        _ dialect: Dialect, _ lines: [String], context: DialectContext
    ) throws(ScheduleSyntaxError) -> Schedule {
        let key = Key(dialect: dialect, lines: lines, context: context)
        return try parses.value(for: key) {
            Result { () throws(ScheduleSyntaxError) in try dialect.parse(lines, context: context) }
        }.get()
    }

    /// How many texts are held.
    public var count: Int { parses.count }
}
