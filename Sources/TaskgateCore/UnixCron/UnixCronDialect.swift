/// Five-field cron with Debian (Vixie 3.0pl1) semantics, as ``Dialect/cron`` reads and writes it.
///
/// ```swift
/// let schedule = try UnixCronDialect.parse(["30 2 * * *"], context: DialectContext(zone: "America/New_York", reference: now))
/// try UnixCronDialect.print(schedule).lines  // ["30 2 * * *"]
/// ```
///
/// Each line is one rule; several lines are their union. The zone, and the window's start
/// (compared as a local reading) and end, come from the context: a crontab line has none.
enum UnixCronDialect {
    /// Reads crontab time specifications, one per line.
    static func parse(_ lines: [String], context: DialectContext) throws(ScheduleSyntaxError) -> Schedule {
        var rules: [ScheduleRule] = []
        var rebootLine: String?
        for line in lines {
            switch try UnixCronParser(line).parse() {
            case .reboot: rebootLine = rebootLine ?? line
            case .times(let times): rules.append(times.rule)
            }
        }
        let window = ScheduleWindow(start: context.start.map(TimePoint.local), end: context.end)
        if let rebootLine {
            guard rules.isEmpty else {
                let offset =
                    rebootLine.firstIndex(of: "@").map { rebootLine.distance(from: rebootLine.startIndex, to: $0) } ?? 0
                throw ScheduleSyntaxError(
                    dialect: .cron, expression: rebootLine, field: "macro", offset: offset, value: "@reboot",
                    reason: "@reboot runs at system start and cannot share a schedule with timed lines")
            }
            return Schedule(kind: .event("reboot"), zone: context.zone, window: window)
        }
        guard !rules.isEmpty else {
            throw ScheduleSyntaxError(
                dialect: .cron, expression: "", field: "expression", offset: 0, value: "",
                reason: "expected five fields (minute hour day-of-month month day-of-week) or an @ macro")
        }
        return .recurring(rules, zone: context.zone, window: window)
    }

    /// Writes a schedule as crontab lines; the zone and window go into the text's context.
    ///
    /// The printed context's `reference` is 1970-01-01T00:00:00Z: cron text does not depend on
    /// "now".
    static func print(_ schedule: Schedule) throws(UnprintableSchedule) -> DialectText {
        try UnixCronPrinter(schedule: schedule).print()
    }
}
