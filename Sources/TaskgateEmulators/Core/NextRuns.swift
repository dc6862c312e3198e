import TaskgateCore

/// Next-execution times, computed with the schedule algebra in the product's engine semantics.
enum NextRuns {
    /// The first instant strictly after `after` of the schedule written as `lines` in `dialect`.
    ///
    /// - Returns: `nil` when the schedule has no further occurrence or its zone is unknown.
    /// - Throws: ``ScheduleSyntaxError`` when the text is not valid in the dialect.
    static func next(
        _ dialect: Dialect, lines: [String], context: DialectContext, after: Instant
    ) throws(ScheduleSyntaxError) -> Instant? {
        let schedule = try ScheduleTexts.parse(dialect, lines, context: context)
        return (try? schedule.nextOccurrences(after: after, count: 1))?.first
    }
}
