enum FieldScheduleDialect {
    static func parse(_ lines: [String], context: DialectContext) throws(ScheduleSyntaxError) -> Schedule {
        throw ScheduleSyntaxError(dialect: .fylr, expression: "", field: "x", offset: 0, value: "", reason: "todo")
    }
    static func print(_ schedule: Schedule) throws(UnprintableSchedule) -> DialectText {
        throw UnprintableSchedule(dialect: .fylr, part: "x", reason: "todo")
    }
}
