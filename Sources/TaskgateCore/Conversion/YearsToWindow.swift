/// Moves a year restriction shared by every rule into the schedule's window, for dialects without
/// a year field (wyn.md H9: "contiguous years → intersect with the window").
///
/// Java Quartz reads `*` in the year field as 1970 through the current year + 100 (`MAX_YEAR`). That
/// cap moves with the clock and is no end a user chose: it is dropped with a note instead of becoming a
/// window (a Qlik task ending in 2126), and a horizon that reaches past it shows the difference.
enum YearsToWindow {
    /// The schedule with its years in the window, or `nil` when the rules do not all share one
    /// contiguous range of years. `capYear` is Java Quartz's `MAX_YEAR` for the conversion's "now".
    static func apply(
        to schedule: Schedule, capYear: Int, zone: inout ZoneRules, notes: inout [String]
    ) -> Schedule? {
        guard case .recurring(let rules) = schedule.kind, let years = rules.first?.years,
            years.ranges.count == 1, let range = years.ranges.first, rules.allSatisfy({ $0.years == years })
        else { return nil }
        var result = schedule
        result.kind = .recurring(
            rules.map { rule in
                var open = rule
                open.years = nil
                return open
            })
        if range.lowerBound <= QuartzField.year.minimum, range.upperBound == capYear {
            notes.append(
                "Java Quartz stops firing after \(capYear) (the current year + 100); the target keeps no such cap")
            return result
        }
        let yearStart = LocalDateTime(year: range.lowerBound, month: 1, day: 1)
        let yearEnd = LocalDateTime(year: range.upperBound, month: 12, day: 31, hour: 23, minute: 59, second: 59)
        result.window.start = later(schedule.window.start, .local(yearStart), zone: &zone)
        result.window.end = earlier(schedule.window.end, .local(yearEnd), zone: &zone)
        return result
    }

    private static func later(_ existing: TimePoint?, _ new: TimePoint, zone: inout ZoneRules) -> TimePoint {
        guard let existing else { return new }
        return instant(existing, zone: &zone) >= instant(new, zone: &zone) ? existing : new
    }

    private static func earlier(_ existing: TimePoint?, _ new: TimePoint, zone: inout ZoneRules) -> TimePoint {
        guard let existing else { return new }
        return instant(existing, zone: &zone) <= instant(new, zone: &zone) ? existing : new
    }

    private static func instant(_ point: TimePoint, zone: inout ZoneRules) -> Instant {
        switch point {
        case .instant(let instant): instant
        case .local(let local): zone.resolve(local).firstReading
        }
    }
}
