extension Dialect {
    /// Reads schedule text in this dialect.
    ///
    /// ```swift
    /// let context = DialectContext(zone: "Europe/Berlin", reference: now)
    /// let schedule = try Dialect.quartz.parse(["0 0 8 ? * MON-FRI"], context: context)
    /// ```
    /// - Parameter lines: one line for most dialects; several for a Wyn pattern list or a Qlik
    ///   RRULE list (the union of their instants).
    /// - Throws: ``ScheduleSyntaxError`` naming the field, column, value and what was expected.
    public func parse(_ lines: [String], context: DialectContext) throws(ScheduleSyntaxError) -> Schedule {
        switch self {
        case .quartz:
            return try QuartzCron.parse(lines, context: context, engine: .java)
        case .quartzNet:
            return try QuartzCron.parse(lines, context: context, engine: .dotnet)
        case .cron:
            return try UnixCronDialect.parse(lines, context: context)
        case .fylr:
            return try FieldScheduleDialect.parse(lines, context: context)
        case .vco:
            return try VcoRecurrenceDialect.parse(lines, context: context)
        case .iso8601:
            // The cron and RRULE inside a Serverless Workflow schedule object are read by their own
            // dialects.
            return try ISO8601IntervalDialect.parse(lines, context: context) {
                dialect, lines, context throws(ScheduleSyntaxError) in
                try dialect.parse(lines, context: context)
            }
        case .rrule:
            return try RRuleParser.parse(lines, context: context)
        }
    }

    /// Writes a schedule in this dialect.
    ///
    /// - Throws: ``UnprintableSchedule`` naming the part of the schedule the dialect cannot hold.
    public func print(_ schedule: Schedule) throws(UnprintableSchedule) -> DialectText {
        switch self {
        case .quartz:
            return try QuartzCron.print(schedule, engine: .java)
        case .quartzNet:
            return try QuartzCron.print(schedule, engine: .dotnet)
        case .cron:
            return try UnixCronDialect.print(schedule)
        case .fylr:
            return try FieldScheduleDialect.print(schedule)
        case .vco:
            return try VcoRecurrenceDialect.print(schedule)
        case .iso8601:
            return try ISO8601IntervalDialect.print(schedule)
        case .rrule:
            return try RRulePrinter.print(schedule)
        }
    }
}
