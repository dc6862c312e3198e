/// The local date-times one calendar rule selects, in wall-clock order.
///
/// Three modes, chosen from the rule's interval:
/// - a pure calendar match (no interval, or an interval of 1 with no `BYSETPOS`): the matcher's
///   results as they come;
/// - periods (`INTERVAL` > 1): matches that fall into an excluded period make the search jump
///   to the start of the next included period;
/// - positions (`BYSETPOS`): each included period's matches are listed and the positions picked.
///
/// `COUNT` counts from the anchor, so a counted rule always starts there, whatever the caller's
/// lower bound; the caller drops what it does not want. Candidates repeat with the rule's
/// ``CandidateCycle``, so a counted rule whose wanted times lie many cycles after its anchor counts
/// one cycle and steps over the others whole.
struct LocalCandidates {
    private var matcher: CalendarMatcher
    private let periods: RulePeriods?
    private let setPositions: [Int]
    private let timesOfDay: [Int]
    /// Where the next search starts: at `cursor`, or just after it when `cursorIsExclusive`.
    private var cursor: LocalDateTime?
    private var cursorIsExclusive = false
    private let lowerBound: LocalDateTime
    private var upperBound: LocalDateTime?
    private var remaining: Int?
    /// How often the candidates repeat, in seconds of the wall clock (see ``CandidateCycle``).
    private let cycleSeconds: Int64?
    /// Where a counted rule's wanted candidates begin, until the candidates before it have been
    /// stepped over by whole cycles (once, after the first candidate).
    private var skipTarget: LocalDateTime?
    private var hasProduced = false
    /// Searches that found only times of excluded periods or periods with no time at the rule's
    /// positions; at each power of two from ``fruitlessSearchesBeforeCycleCheck`` on, one cycle is
    /// searched for any candidate at all (a search that stops at the first, so a rule that has
    /// candidates pays little, and a few times in all).
    private var fruitlessSearches = 0
    /// Off in the copy that counts or searches one cycle.
    private var checksCycles = true
    private var queued: [LocalDateTime] = []
    /// The matches of the period being selected from (a buffer reused from period to period).
    private var periodMatches: [LocalDateTime] = []
    private var queuedIndex = 0

    /// - Parameters:
    ///   - rule: a rule whose interval, if any, has a calendar step.
    ///   - from: the earliest local time wanted (counted rules start at the anchor and step over
    ///     whole cycles towards it).
    ///   - lowerBound: no local time before this ever occurs (the anchor, a local window start).
    ///   - upperBound: no local time after this occurs (a local `UNTIL` or window end).
    init(rule: ScheduleRule, from: LocalDateTime, lowerBound: LocalDateTime?, upperBound: LocalDateTime?) {
        matcher = CalendarMatcher(rule)
        var lower = lowerBound ?? from
        var positions: [Int] = []
        var periods: RulePeriods?
        if let interval = rule.interval, case .calendar(let unit, let every) = interval.step {
            // A count starts at the anchor (or a later local window start), never at `from`.
            lower = max(interval.count == nil ? lower : lowerBound ?? interval.anchor, interval.anchor)
            remaining = interval.count
            positions = interval.setPositions
            if every > 1 || !positions.isEmpty {
                periods = RulePeriods(unit: unit, every: every, anchor: interval.anchor, weekStart: interval.weekStart)
            }
        }
        setPositions = positions
        // Only periods need the list of times of day (it can hold 86,400 entries).
        let timesOfDay = periods == nil ? [] : matcher.timesOfDay
        let isFeasible = Self.isFeasible(periods: periods, positions: positions, timesOfDay: timesOfDay, rule: rule)
        if isFeasible, positions.isEmpty, let included = periods, let phased = Self.phased(rule, periods: included) {
            matcher = CalendarMatcher(phased)
            periods = nil
            self.timesOfDay = []
            cycleSeconds = CandidateCycle.seconds(of: phased, periods: nil)
        } else {
            self.timesOfDay = timesOfDay
            cycleSeconds = CandidateCycle.seconds(of: rule, periods: periods)
        }
        self.periods = periods
        self.lowerBound = lower
        self.upperBound = upperBound
        cursor = remaining == nil ? max(from, lower) : lower
        if remaining != nil, from > lower { skipTarget = from }
        if !isFeasible { cursor = nil }
    }

    /// Candidates a cycle may hold for a counted rule to step over cycles: counting them costs as
    /// much as listing them.
    static let cycleCountLimit = 1 << 22
    /// Fruitless searches before the first check that the rule can still select anything.
    static let fruitlessSearchesBeforeCycleCheck = 64

    /// The rule as a plain calendar match, when its interval is a step of seconds, minutes or hours
    /// that divides the next larger unit (every 15 minutes, every 6 hours), or `nil`.
    ///
    /// Such periods repeat every minute, hour or day of the wall clock, so a time lies in an included
    /// period exactly when its second, minute or hour is in phase with the anchor's: the rule with
    /// that field narrowed to those values selects the same local times from the anchor on (the
    /// lower bound is never before it), without a search that stops in every excluded period.
    private static func phased(_ rule: ScheduleRule, periods: RulePeriods) -> ScheduleRule? {
        let every = periods.every
        var phased = rule
        switch periods.unit {
        case .second:
            guard 60 % every == 0 else { return nil }
            phased.seconds = FieldSet(rule.seconds.filter { ($0 - periods.anchor.second) % every == 0 })
        case .minute:
            guard 60 % every == 0 else { return nil }
            phased.minutes = FieldSet(rule.minutes.filter { ($0 - periods.anchor.minute) % every == 0 })
        case .hour:
            guard 24 % every == 0 else { return nil }
            phased.hours = FieldSet(rule.hours.filter { ($0 - periods.anchor.hour) % every == 0 })
        case .day, .week, .month, .year:
            return nil
        }
        return phased
    }

    mutating func next() -> LocalDateTime? {
        if let remaining, remaining <= 0 { return nil }
        if skipTarget != nil, hasProduced, queuedIndex >= queued.count { skipWholeCycles() }
        guard let candidate = produce() else {
            cursor = nil
            return nil
        }
        if let upperBound, candidate > upperBound {
            cursor = nil
            queued = []
            return nil
        }
        if let remaining { self.remaining = remaining - 1 }
        hasProduced = true
        return candidate
    }

    /// Steps a counted rule over the whole cycles between its cursor and ``skipTarget``, taking
    /// their candidates off ``remaining``, and keeps the last cycle before the target (and the
    /// rule's last two cycles) to be listed. Ends the rule when a cycle holds no candidate.
    private mutating func skipWholeCycles() {
        guard let target = skipTarget, let start = cursor, let remaining, let cycle = cycleSeconds else {
            skipTarget = nil
            return
        }
        skipTarget = nil
        var end = target.secondsSinceEpoch
        if let upperBound { end = min(end, upperBound.secondsSinceEpoch) }
        end = min(end, Self.lastLocalSecond)
        let cyclesBeforeTarget = (end - start.secondsSinceEpoch) / cycle - 1
        guard cyclesBeforeTarget >= 2 else { return }
        guard let perCycle = candidates(inCycleOf: cycle, limit: Self.cycleCountLimit) else { return }
        guard perCycle > 0 else {
            cursor = nil
            return
        }
        let cycles = min(cyclesBeforeTarget, Int64((remaining - 1) / perCycle) - 1)
        guard cycles >= 1 else { return }
        self.remaining = remaining - Int(cycles) * perCycle
        cursor = start.adding(seconds: cycles * cycle)
    }

    /// The number of candidates in one cycle from the cursor on, or `nil` past `limit`.
    private func candidates(inCycleOf cycle: Int64, limit: Int) -> Int? {
        guard let start = cursor else { return 0 }
        var copy = self
        copy.remaining = nil
        copy.skipTarget = nil
        copy.checksCycles = false
        let last = start.adding(seconds: cursorIsExclusive ? cycle : cycle - 1)
        copy.upperBound = upperBound.map { min($0, last) } ?? last
        var count = 0
        while copy.next() != nil {
            count += 1
            if count > limit { return nil }
        }
        return count
    }

    /// Counts a fruitless search; at each power of two from
    /// ``fruitlessSearchesBeforeCycleCheck`` on, returns whether a whole cycle from the cursor
    /// holds no candidate, so that the rule selects nothing ever again (a sub-daily interval out
    /// of phase with its weekdays, positions no period has, searched up to year 9999 otherwise).
    private mutating func provesNothingLeft() -> Bool {
        fruitlessSearches += 1
        guard checksCycles, fruitlessSearches >= Self.fruitlessSearchesBeforeCycleCheck,
            fruitlessSearches & (fruitlessSearches - 1) == 0, let cycle = cycleSeconds
        else { return false }
        return candidates(inCycleOf: cycle, limit: 0) == 0
    }

    /// 9999-12-31T23:59:59 on the wall clock, the last second any search reaches.
    private static let lastLocalSecond =
        LocalDateTime(year: CalendarMatcher.lastYear, month: 12, day: 31)
        .secondsSinceEpoch + 86_399

    private mutating func produce() -> LocalDateTime? {
        guard let periods else {
            guard let start = cursor, let match = search(from: start) else { return nil }
            setCursor(after: match)
            return match
        }
        if setPositions.isEmpty {
            return nextInIncludedPeriod(periods)
        }
        return nextPositioned(periods)
    }

    private mutating func search(from start: LocalDateTime) -> LocalDateTime? {
        let limit = start.year + CalendarMatcher.searchSpanYears
        return cursorIsExclusive
            ? matcher.first(after: start, throughYear: limit) : matcher.first(atOrAfter: start, throughYear: limit)
    }

    private mutating func setCursor(after match: LocalDateTime) {
        cursor = match
        cursorIsExclusive = true
    }

    private mutating func setCursor(at start: LocalDateTime?) {
        cursor = start
        cursorIsExclusive = false
    }

    private mutating func nextInIncludedPeriod(_ periods: RulePeriods) -> LocalDateTime? {
        while let start = cursor, let match = search(from: start) {
            // Every later candidate is at or after this match.
            if let upperBound, match > upperBound { return nil }
            let index = periods.index(of: match)
            if periods.isIncluded(index) {
                setCursor(after: match)
                return match
            }
            setCursor(at: periods.start(ofIndex: periods.includedIndex(atOrAfter: index + 1)))
            if provesNothingLeft() { return nil }
        }
        return nil
    }

    private mutating func nextPositioned(_ periods: RulePeriods) -> LocalDateTime? {
        while true {
            if queuedIndex < queued.count {
                defer { queuedIndex += 1 }
                return queued[queuedIndex]
            }
            guard let start = cursor, let match = search(from: start) else { return nil }
            // The period's positions are taken from its matches at or after this one.
            if let upperBound, match > upperBound { return nil }
            let index = periods.index(of: match)
            guard periods.isIncluded(index) else {
                setCursor(at: periods.start(ofIndex: periods.includedIndex(atOrAfter: index + 1)))
                if provesNothingLeft() { return nil }
                continue
            }
            guard var periodStart = periods.start(ofIndex: index) else { return nil }
            if index == 0, periods.unit == .week {
                // python-dateutil 2.9.0 builds the anchor's week from the anchor's day on
                // (`_iterinfo.wdayset`), so BYSETPOS counts from that day in the first week only.
                periodStart = max(periodStart, periods.anchor.startOfDay)
            }
            let periodEnd = periods.start(ofIndex: index + 1)
            let earliest = cursorIsExclusive ? start.adding(seconds: 1) : start
            select(in: periods.unit, from: periodStart, to: periodEnd)
            let lowest = max(earliest, lowerBound)
            queued.removeAll { $0 < lowest }
            queuedIndex = 0
            setCursor(at: periods.start(ofIndex: index + Int64(periods.every)))
            if queued.isEmpty, provesNothingLeft() { return nil }
        }
    }

    /// Puts the local times at the rule's set positions within one period into ``queued``,
    /// ascending and each once. The buffers are reused from period to period, so a BYSETPOS rule
    /// allocates nothing per occurrence.
    private mutating func select(in unit: CalendarUnit, from start: LocalDateTime, to end: LocalDateTime?) {
        queued.removeAll(keepingCapacity: true)
        periodMatches.removeAll(keepingCapacity: true)
        if unit >= .day {
            // Periods of a day or longer start at midnight: take the selected days month by month
            // from their masks, from `start`'s day up to (not including) `end`'s.
            var (year, month, firstDay) = (start.year, start.month, start.day)
            while year <= CalendarMatcher.lastYear {
                var mask = matcher.selectedDays(year: year, month: month) & (UInt32.max << UInt32(firstDay))
                if let end {
                    if (year, month) > (end.year, end.month) { break }
                    if (year, month) == (end.year, end.month) { mask &= (UInt32(1) << UInt32(end.day)) - 1 }
                }
                while mask != 0 {
                    periodMatches.append(LocalDateTime(year: year, month: month, day: mask.trailingZeroBitCount))
                    mask &= mask - 1
                }
                (month, firstDay) = (month + 1, 1)
                if month > 12 { (year, month) = (year + 1, 1) }
            }
            let total = periodMatches.count * timesOfDay.count
            for position in setPositions {
                let index = position > 0 ? position - 1 : total + position
                guard (0..<total).contains(index) else { continue }
                let date = periodMatches[index / timesOfDay.count]
                queued.append(date.adding(seconds: Int64(timesOfDay[index % timesOfDay.count])))
            }
        } else {
            var next = start
            while let match = matcher.first(atOrAfter: next, throughYear: next.year), end.map({ match < $0 }) ?? true {
                periodMatches.append(match)
                next = match.adding(seconds: 1)
            }
            for position in setPositions {
                let index = position > 0 ? position - 1 : periodMatches.count + position
                if (0..<periodMatches.count).contains(index) { queued.append(periodMatches[index]) }
            }
        }
        queued.sort()
        // Two positions can name one time (1 and -1 of a period that holds one).
        var kept = 0
        for index in queued.indices where kept == 0 || queued[index] != queued[kept - 1] {
            queued[kept] = queued[index]
            kept += 1
        }
        queued.removeLast(queued.count - kept)
    }

    /// Whether the rule can select anything at all, decided without searching: a position beyond
    /// any period's size never matches, and a sub-daily interval whose phase never meets the
    /// selected times of day never matches (a search would run to year 9999 to find out).
    private static func isFeasible(
        periods: RulePeriods?, positions: [Int], timesOfDay: [Int], rule: ScheduleRule
    ) -> Bool {
        // No valid time of day (RRULE BYSECOND=60 alone: POSIX time has no leap second); the
        // search would otherwise step through every minute of 400 years to find nothing.
        guard rule.seconds.first.map({ $0 < 60 }) == true, rule.minutes.first.map({ $0 < 60 }) == true,
            rule.hours.first.map({ $0 < 24 }) == true
        else { return false }
        guard let periods else { return true }
        if !positions.isEmpty {
            // Only real clock values count: a period of BYMINUTE=8;BYSECOND=0,60 holds one time, not two,
            // and with BYSETPOS=2 an hourly rule would otherwise search every hour up to year 9999.
            let seconds = rule.seconds.count { $0 < 60 }
            let minutes = rule.minutes.count { $0 < 60 }
            let perDay: Int
            let days: Int
            switch periods.unit {
            case .second: (perDay, days) = (1, 1)
            case .minute: (perDay, days) = (seconds, 1)
            case .hour: (perDay, days) = (minutes * seconds, 1)
            case .day: (perDay, days) = (timesOfDay.count, 1)
            case .week: (perDay, days) = (timesOfDay.count, 7)
            case .month: (perDay, days) = (timesOfDay.count, 31)
            case .year: (perDay, days) = (timesOfDay.count, 366)
            }
            let largest = perDay * days
            guard positions.contains(where: { abs($0) <= largest }) else { return false }
        }
        guard periods.every > 1, let unitSeconds = periods.unit.fixedSeconds, unitSeconds < 86_400 else { return true }
        let unitsPerDay = Int(86_400 / unitSeconds)
        let phase = periods.anchor.secondOfDay / Int(unitSeconds)
        let divisor = greatestCommonDivisor(unitsPerDay, periods.every)
        return timesOfDay.contains { ($0 / Int(unitSeconds) - phase) % divisor == 0 }
    }
}

func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (abs(a), abs(b))
    while y != 0 { (x, y) = (y, x % y) }
    return x
}
