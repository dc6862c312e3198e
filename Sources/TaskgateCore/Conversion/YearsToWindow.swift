/// Moves a year restriction shared by every rule into the schedule's window, for dialects without
/// a year field (wyn.md H9: "contiguous years → intersect with the window").
///
/// Java Quartz reads `*` in the year field as 1970 through the current year + 100; that cap
/// becomes a window end far beyond any horizon, which targets without an end then drop with a note.
enum YearsToWindow {
    /// The schedule with its years in the window, or `nil` when the rules do not all share one
    /// contiguous range of years.
    static func apply(to schedule: Schedule, zone: inout ZoneRules) -> Schedule? {
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
