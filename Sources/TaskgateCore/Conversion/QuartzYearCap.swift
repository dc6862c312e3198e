/// Java Quartz 2.3.2 fires no later than `MAX_YEAR`, the year its class was loaded + 100. The cap
/// moves whenever the scheduler restarts, so it is no part of what a schedule means: a conversion
/// to or from Quartz is proved up to the cap and not beyond, where only the cap would differ.
enum QuartzYearCap {
    /// The last instant worth comparing when either schedule carries a cap (a rule whose years
    /// are Quartz's `*`: one range from 1970 on), or `nil` when neither does.
    static func limit(_ schedules: Schedule...) -> Instant? {
        let caps = schedules.flatMap(\.rules).compactMap { rule -> Int? in
            guard let years = rule.years, years.ranges.count == 1, years.first == QuartzField.year.minimum else {
                return nil
            }
            return years.last
        }
        guard let cap = caps.min(), cap < CalendarMatcher.lastYear else { return nil }
        // The cap's last days, less a day so that no zone's offset carries them into the next year.
        return Instant(secondsSinceEpoch: LocalDateTime(year: cap, month: 12, day: 30).secondsSinceEpoch)
    }
}
