import TaskgateCore

/// The schedule texts the emulators read, to validate a task and to compute its next run.
enum ScheduleTexts {
    /// Texts already read by this process: clients send the same few schedules many times, and a parse
    /// depends only on the text and its context.
    static let memo = ParseMemo()

    /// `lines` read in `dialect`, as ``Dialect/parse(_:context:)`` reads them, remembered.
    ///
    /// - Throws: ``ScheduleSyntaxError`` when the text is not valid in the dialect.
    static func parse(
        _ dialect: Dialect, _ lines: [String], context: DialectContext
    ) throws(ScheduleSyntaxError) -> Schedule {
        try memo.parse(dialect, lines, context: context)
    }
}
