/// fylr field schedules, as ``Dialect/fylr`` reads and writes them.
///
/// ```swift
/// let text = #"{"minutes":[30],"hours":[7],"weekdays":["monday"],"days_of_month":[],"timezone":"Europe/Berlin"}"#
/// let schedule = try FieldScheduleDialect.parse([text], context: DialectContext(zone: "UTC", reference: now))
/// ```
///
/// The text is a JSON schedule object, a JSON array of them, or one of either per line; all
/// schedules together are one union in one zone. The window's start comes from the context
/// (fylr's `next_run_at`, the earliest run) and is compared as a local reading; fylr has no end,
/// but an end in the context is kept so that a caller can bound the enumeration.
enum FieldScheduleDialect {
    /// Reads fylr schedule objects.
    static func parse(_ lines: [String], context: DialectContext) throws(ScheduleSyntaxError) -> Schedule {
        var reader = FieldScheduleReader(context: context)
        for line in lines where !line.allSatisfy({ $0 == " " || $0 == "\t" }) {
            try reader.read(line: line)
        }
        return try reader.schedule()
    }

    /// Writes a schedule as fylr schedule objects, one a line.
    ///
    /// The printed context's `reference` is 1970-01-01T00:00:00Z: the text does not depend on it.
    static func print(_ schedule: Schedule) throws(UnprintableSchedule) -> DialectText {
        try FieldSchedulePrinter(schedule: schedule).print()
    }
}
