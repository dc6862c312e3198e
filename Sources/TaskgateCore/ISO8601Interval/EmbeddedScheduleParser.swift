/// Reads the schedule text of another dialect found inside a Serverless Workflow schedule object:
/// `cron` (5 fields as ``Dialect/cron``, 6–7 as ``Dialect/quartz``) and `recurrence`
/// (``Dialect/rrule``).
///
/// The facade passes `{ try $0.parse($1, context: $2) }`; tests pass a fake. The ISO 8601 reader
/// never depends on the other dialects' code directly.
typealias EmbeddedScheduleParser = (Dialect, [String], DialectContext) throws(ScheduleSyntaxError) -> Schedule
