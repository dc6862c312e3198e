/// A vCO `recurrence-cycle`: the period in which every pattern item fires once (vco.md §5.2).
enum VcoRecurrenceCycle: String, CaseIterable, Hashable {
    case oneTime = "one-time"
    case everyMinutes = "every-minutes"
    case everyHours = "every-hours"
    case everyDays = "every-days"
    case everyWeeks = "every-weeks"
    case everyMonths = "every-months"

    /// The cycle a spelling names: the wire's `every-weeks` or the Swagger page's `EVERY_WEEKS`,
    /// in any case (vco.md §11 V7).
    init?(spelling: String) {
        let normalized = String(spelling.lowercased().map { $0 == "_" ? "-" : $0 })
        self.init(rawValue: normalized)
    }

    /// What one item of the cycle looks like, for messages.
    var itemForm: String {
        switch self {
        case .oneTime: "no items"
        case .everyMinutes: "SS"
        case .everyHours: "MM:SS"
        case .everyDays: "HH:MM:SS"
        case .everyWeeks: "Weekday HH:MM:SS"
        case .everyMonths: "DD HH:MM:SS"
        }
    }

    /// How the cycle's local times become instants. ASSUMPTION (vco.md §12 question 2: vCO's
    /// DST behaviour is undocumented).
    ///
    /// vRealize Orchestrator is a Java server. A cycle of minutes or hours is taken to step on
    /// the time line (as `Calendar.add(Calendar.HOUR, 1)` does), so it runs at every minute the
    /// clock shows: a time in a spring gap never runs, a repeated time runs in both passes. A
    /// cycle of days, weeks or months is taken to set the calendar fields of a wall-clock time
    /// and let `java.util.GregorianCalendar` (lenient) resolve them; measured with Java 17 here,
    /// 2026-03-08 02:30 in America/New_York resolves to 03:30 EDT (moved forward by the gap) and
    /// 2026-11-01 01:30 to 01:30 EST (the second pass), likewise 02:15 and 01:45 on the Lord Howe
    /// change days. Hence gap shift-forward, overlap later.
    var dstPolicy: DSTPolicy {
        switch self {
        case .oneTime, .everyMinutes, .everyHours: .wallClock
        case .everyDays, .everyWeeks, .everyMonths: Self.javaCalendarPolicy
        }
    }

    /// `java.util.GregorianCalendar`'s lenient resolution of a wall-clock time.
    static let javaCalendarPolicy = DSTPolicy(gap: .shiftForward, overlap: .later)
}
