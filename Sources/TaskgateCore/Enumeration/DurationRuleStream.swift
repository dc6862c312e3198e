/// The occurrences of a rule that steps by an ISO 8601 duration: occurrence k is the anchor
/// plus k times the duration (months and days on the wall clock, the time part elapsed).
struct DurationRuleStream {
    private let duration: ISODuration
    private let anchor: LocalDateTime
    private var zone: ZoneRules
    private let policy: DSTPolicy
    private var matcher: CalendarMatcher
    private let count: Int?
    private let until: TimePoint?
    private let bounds: EnumerationBounds
    private var step: Int
    private var finished = false

    init(rule: ScheduleRule, duration: ISODuration, zone: ZoneRules, bounds: EnumerationBounds) {
        self.duration = duration
        anchor = rule.interval?.anchor ?? LocalDateTime(year: 1970, month: 1, day: 1)
        self.zone = zone
        policy = rule.dstPolicy
        matcher = CalendarMatcher(rule)
        count = rule.interval?.count
        until = rule.interval?.until
        self.bounds = bounds
        step = 0
        if duration.isZero { finished = count == 0 } else { step = estimatedFirstStep() }
    }

    mutating func next() -> Occurrence? {
        while !finished {
            let k = step
            if let count, k >= count {
                finished = true
                return nil
            }
            if duration.isZero { finished = true }
            step += 1
            guard let nominal = nominalLocal(step: k) else {
                finished = true
                return nil
            }
            let instants = policy.instants(for: zone.resolve(nominal))
            guard let base = instants.first else { continue }
            let instant = base.adding(seconds: Int64(k) * duration.elapsedSeconds)
            let local = zone.localDateTime(at: instant)
            // A time-only duration never leaves `nominalLocal`'s range check: end at year 9999 too.
            guard local.year <= CalendarMatcher.lastYear else {
                finished = true
                return nil
            }
            if let until, !Self.isWithin(until, instant: instant, local: local) {
                finished = true
                return nil
            }
            guard instant >= bounds.lowerInstant, bounds.localStart.map({ local >= $0 }) ?? true else { continue }
            let occurrence = Occurrence(instant: instant, local: local)
            guard bounds.admitsEnd(occurrence) else {
                finished = true
                return nil
            }
            if matcher.matches(local) { return occurrence }
        }
        return nil
    }

    private static func isWithin(_ until: TimePoint, instant: Instant, local: LocalDateTime) -> Bool {
        switch until {
        case .instant(let end): instant <= end
        case .local(let end): local <= end
        }
    }

    /// The anchor plus `step` times the nominal part of the duration, on the wall clock.
    private func nominalLocal(step: Int) -> LocalDateTime? {
        let months = anchor.year * 12 + (anchor.month - 1) + step * duration.calendarMonths
        let year = months / 12
        let month = months % 12 + 1
        guard year <= CalendarMatcher.lastYear else { return nil }
        let day = min(anchor.day, CivilCalendar.daysInMonth(year: year, month: month))
        let date = LocalDateTime(
            year: year, month: month, day: day, hour: anchor.hour, minute: anchor.minute, second: anchor.second)
        let shifted = date.adding(seconds: Int64(step) * Int64(duration.calendarDays) * 86_400)
        return shifted.year <= CalendarMatcher.lastYear ? shifted : nil
    }

    /// A step a little before the first occurrence at or after the lower bound, so that the
    /// stream does not walk from the anchor through centuries.
    private mutating func estimatedFirstStep() -> Int {
        let approximateLength =
            Double(duration.calendarMonths) * 2_629_746 + Double(duration.calendarDays) * 86_400
            + Double(duration.elapsedSeconds)
        // A count does not change which steps lie before the lower bound: step k is still
        // occurrence k, and `next()` stops at `count`.
        guard approximateLength > 0 else { return 0 }
        // The instant the policy gives the anchor, as `next()` does: in an overlap read with the
        // later pass, `firstReading` is an hour early, and a step shorter than the 2-step margin
        // (an hour / PT15S = 240 steps) would skip occurrences.
        let resolution = zone.resolve(anchor)
        let anchorInstant = policy.instants(for: resolution).first ?? resolution.firstReading
        // A local window start bounds the instants too: a reading at or after it is at most two
        // days (more than any UTC offset) earlier as an instant.
        var lower = bounds.lowerInstant.secondsSinceEpoch
        if let localStart = bounds.localStart { lower = max(lower, localStart.secondsSinceEpoch - 2 * 86_400) }
        let gap = Double(lower - anchorInstant.secondsSinceEpoch)
        let estimate = Int((gap / approximateLength).rounded(.down)) - 2
        // Steps of one second from the year 0001 to 9999 number about 3.2e11: cap above that, not
        // at Int32.max, which left up to 3e11 steps to walk one by one.
        return max(0, min(estimate, 1 << 40))
    }
}
