/// The part of an equivalence span where two calendar schedules can be compared a local day at a
/// time instead of an instant at a time.
///
/// On a local day that no clock change, window bound or span bound comes near, the zone has one
/// offset: each local time is one instant, the same on both sides whatever their DST policies,
/// and in the same order. Two schedules in the same zone then fire at the same instants that day
/// exactly when they select the same local times, and the local times of a day are fixed by which
/// rules select the date. So a day costs a look-up of the two sets of matching rules, and the
/// comparison of their times is made once per pair of sets. Every other day — near a transition,
/// a bound, or where the patterns differ — is compared instant by instant, so every difference
/// is found, classified and reported as before.
///
/// Only rules whose selection depends on the date alone qualify — calendar rules, and intervals of
/// one period with no set positions, count or end (RRULE's `FREQ=MONTHLY` and the like), from their
/// anchor on — in one zone, without exclusions.
struct SteadyDays {
    /// Consecutive steady local days, as epoch days, with the instants where they start and end.
    struct Run {
        var days: ClosedRange<Int>
        var start: Instant
        var end: Instant
    }

    /// What one steady day holds on each side, when the two agree.
    struct DayAnswer {
        var equal: Bool
        var sourceCount: Int
        var targetCount: Int
    }

    private static let margin = 2

    let runs: [Run]
    private var sourceMatchers: [CalendarMatcher]
    private var targetMatchers: [CalendarMatcher]
    private let sourceTimes: [[Int]]
    private let targetTimes: [[Int]]
    private var answers: [UInt128: DayAnswer] = [:]
    /// The last answer looked up: consecutive selected days mostly have the same pair of rule sets.
    private var lastAnswer: (key: UInt128, answer: DayAnswer)?
    /// Each rule's day mask for the month being walked (buffers reused from month to month).
    private var sourceMasks: [UInt32]
    private var targetMasks: [UInt32]

    /// The steady days of comparing `source` with `target` over `start...end`, or `nil` when the
    /// schedules do not qualify or no day is steady.
    init?(source: Schedule, target: Schedule, from start: Instant, through end: Instant, zone: inout ZoneRules) {
        guard source.zone == target.zone, source.exclusions.isEmpty, target.exclusions.isEmpty,
            case .recurring(let sourceRules) = source.kind, case .recurring(let targetRules) = target.kind,
            sourceRules.count <= 64, targetRules.count <= 64,
            let sourceTimes = Self.timesOfDay(sourceRules), let targetTimes = Self.timesOfDay(targetRules)
        else { return nil }
        var lower = start
        var upper = end
        for anchor in (sourceRules + targetRules).compactMap(\.interval?.anchor) {
            lower = max(lower, zone.resolve(anchor).firstReading)
        }
        for window in [source.window, target.window] {
            if let bound = window.start.map({ Self.instant($0, zone: &zone) }) { lower = max(lower, bound) }
            if let bound = window.end.map({ Self.instant($0, zone: &zone) }) { upper = min(upper, bound) }
        }
        guard lower < upper else { return nil }
        let firstDay = zone.localDateTime(at: lower).epochDay + Self.margin
        let lastDay = zone.localDateTime(at: upper).epochDay - Self.margin
        guard firstDay <= lastDay else { return nil }
        var blocked: [ClosedRange<Int>] = []
        for transition in zone.transitions(from: lower, through: upper) {
            let day = zone.localDateTime(at: transition.instant).epochDay
            blocked.append((day - Self.margin)...(day + Self.margin))
        }
        var runs: [Run] = []
        var runStart = firstDay
        for range in blocked + [(lastDay + 1)...(lastDay + 1)] {
            let runEnd = min(range.lowerBound - 1, lastDay)
            if runStart <= runEnd {
                runs.append(
                    Run(
                        days: runStart...runEnd, start: Self.midnight(runStart, zone: &zone),
                        end: Self.midnight(runEnd + 1, zone: &zone)))
            }
            runStart = max(runStart, range.upperBound + 1)
        }
        guard !runs.isEmpty else { return nil }
        self.runs = runs
        sourceMatchers = sourceRules.map(CalendarMatcher.init)
        targetMatchers = targetRules.map(CalendarMatcher.init)
        sourceMasks = Array(repeating: 0, count: sourceRules.count)
        targetMasks = Array(repeating: 0, count: targetRules.count)
        self.sourceTimes = sourceTimes
        self.targetTimes = targetTimes
    }

    /// The times of day each rule fires on a date it selects, or `nil` when some rule's times
    /// depend on more than the date.
    private static func timesOfDay(_ rules: [ScheduleRule]) -> [[Int]]? {
        var result: [[Int]] = []
        for rule in rules {
            guard let times = timesOfDay(rule) else { return nil }
            result.append(times)
        }
        return result
    }

    /// A calendar rule's times; an interval of one period has them from its anchor on; an interval
    /// of seconds, minutes or hours that divides a day keeps the times in phase with its anchor
    /// (intervals count on the wall clock, as RFC 5545's do), the same on every day.
    private static func timesOfDay(_ rule: ScheduleRule) -> [Int]? {
        let all = CalendarMatcher(rule).timesOfDay
        guard let interval = rule.interval else { return all }
        // Week numbers count from the interval's week start, which the calendar matcher does not read.
        guard rule.weekNumbers == nil, interval.setPositions.isEmpty, interval.count == nil, interval.until == nil,
            case .calendar(let unit, let every) = interval.step, every >= 1
        else { return nil }
        if every == 1 { return all }
        guard let unitSeconds = unit.fixedSeconds, unitSeconds < 86_400, 86_400 % (unitSeconds * Int64(every)) == 0
        else { return nil }
        let anchorUnit = interval.anchor.secondOfDay / Int(unitSeconds)
        return all.filter { ($0 / Int(unitSeconds) - anchorUnit) % every == 0 }
    }

    /// Whether no rule of either side selects a date in `days` (then no instant can fall there, as
    /// long as the days reach one further on each side than the instants asked about).
    mutating func selectsNothing(in days: ClosedRange<Int>) -> Bool {
        var day = days.lowerBound
        while day <= days.upperBound {
            let date = CivilCalendar.date(epochDay: day)
            let length = CivilCalendar.daysInMonth(year: date.year, month: date.month)
            let monthStart = day - (date.day - 1)
            let lastDay = min(days.upperBound - monthStart + 1, length)
            let inRange = UInt32.max >> UInt32(31 - lastDay) & ~(UInt32(1) << UInt32(date.day) &- 1)
            for index in sourceMatchers.indices
            where sourceMatchers[index].selectedDays(year: date.year, month: date.month) & inRange != 0 {
                return false
            }
            for index in targetMatchers.indices
            where targetMatchers[index].selectedDays(year: date.year, month: date.month) & inRange != 0 {
                return false
            }
            day = monthStart + length
        }
        return true
    }

    /// Walks a run month by month, visiting only the days some rule of either side selects: adds
    /// what both sides fire on agreeing days to the counts, and returns the days that disagree.
    mutating func differingDays(in run: Run, sourceCount: inout Int, targetCount: inout Int) -> [Int] {
        var differing: [Int] = []
        var day = run.days.lowerBound
        while day <= run.days.upperBound {
            let date = CivilCalendar.date(epochDay: day)
            let length = CivilCalendar.daysInMonth(year: date.year, month: date.month)
            let monthStart = day - (date.day - 1)
            let lastDay = min(run.days.upperBound - monthStart + 1, length)
            // Bits date.day…lastDay of the month.
            let inRun = UInt32.max >> UInt32(31 - lastDay) & ~(UInt32(1) << UInt32(date.day) &- 1)
            var selected: UInt32 = 0
            for index in sourceMatchers.indices {
                let mask = sourceMatchers[index].selectedDays(year: date.year, month: date.month)
                sourceMasks[index] = mask
                selected |= mask
            }
            for index in targetMatchers.indices {
                let mask = targetMatchers[index].selectedDays(year: date.year, month: date.month)
                targetMasks[index] = mask
                selected |= mask
            }
            selected &= inRun
            while selected != 0 {
                let dayOfMonth = selected.trailingZeroBitCount
                selected &= selected - 1
                let answer = answer(
                    source: Self.rules(sourceMasks, selecting: dayOfMonth),
                    target: Self.rules(targetMasks, selecting: dayOfMonth))
                if answer.equal {
                    sourceCount += answer.sourceCount
                    targetCount += answer.targetCount
                } else {
                    differing.append(monthStart + dayOfMonth - 1)
                }
            }
            day = monthStart + length
        }
        return differing
    }

    /// Whether the two sets of rules select the same local times, and how many each selects.
    private mutating func answer(source sourceSet: UInt64, target targetSet: UInt64) -> DayAnswer {
        let key = UInt128(sourceSet) << 64 | UInt128(targetSet)
        if let lastAnswer, lastAnswer.key == key { return lastAnswer.answer }
        if let known = answers[key] {
            lastAnswer = (key, known)
            return known
        }
        let sourceDay = Self.union(sourceTimes, of: sourceSet)
        let targetDay = Self.union(targetTimes, of: targetSet)
        let answer = DayAnswer(
            equal: sourceDay == targetDay, sourceCount: sourceDay.count, targetCount: targetDay.count)
        answers[key] = answer
        lastAnswer = (key, answer)
        return answer
    }

    /// The rules (bit i = rule i) whose month mask selects `dayOfMonth`.
    private static func rules(_ masks: [UInt32], selecting dayOfMonth: Int) -> UInt64 {
        var set: UInt64 = 0
        for index in masks.indices where masks[index] >> UInt32(dayOfMonth) & 1 == 1 {
            set |= 1 << UInt64(index)
        }
        return set
    }

    /// The sorted, distinct times of day of the rules in `set`.
    private static func union(_ times: [[Int]], of set: UInt64) -> [Int] {
        var result: Set<Int> = []
        for index in times.indices where set >> UInt64(index) & 1 == 1 { result.formUnion(times[index]) }
        return result.sorted()
    }

    private static func midnight(_ epochDay: Int, zone: inout ZoneRules) -> Instant {
        zone.resolve(LocalDateTime(secondsSinceEpoch: Int64(epochDay) * 86_400)).firstReading
    }

    private static func instant(_ point: TimePoint, zone: inout ZoneRules) -> Instant {
        switch point {
        case .instant(let instant): instant
        case .local(let local): zone.resolve(local).firstReading
        }
    }
}
