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
/// Only plain calendar rules qualify (no intervals, set positions or counts, which depend on more
/// than the date), in one zone, without exclusions.
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

    /// The steady days of comparing `source` with `target` over `start...end`, or `nil` when the
    /// schedules do not qualify or no day is steady.
    init?(source: Schedule, target: Schedule, from start: Instant, through end: Instant, zone: inout ZoneRules) {
        guard source.zone == target.zone, source.exclusions.isEmpty, target.exclusions.isEmpty,
            case .recurring(let sourceRules) = source.kind, case .recurring(let targetRules) = target.kind,
            sourceRules.count <= 64, targetRules.count <= 64,
            (sourceRules + targetRules).allSatisfy({ $0.interval == nil })
        else { return nil }
        var lower = start
        var upper = end
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
        sourceTimes = sourceMatchers.map(\.timesOfDay)
        targetTimes = targetMatchers.map(\.timesOfDay)
    }

    /// Whether both sides select the same local times on `epochDay`, and how many each selects.
    mutating func answer(for epochDay: Int) -> DayAnswer {
        let date = CivilCalendar.date(epochDay: epochDay)
        let sourceSet = Self.matching(&sourceMatchers, year: date.year, month: date.month, day: date.day)
        let targetSet = Self.matching(&targetMatchers, year: date.year, month: date.month, day: date.day)
        let key = UInt128(sourceSet) << 64 | UInt128(targetSet)
        if let known = answers[key] { return known }
        let sourceDay = Self.union(sourceTimes, of: sourceSet)
        let targetDay = Self.union(targetTimes, of: targetSet)
        let answer = DayAnswer(
            equal: sourceDay == targetDay, sourceCount: sourceDay.count, targetCount: targetDay.count)
        answers[key] = answer
        return answer
    }

    /// The rules (bit i = rule i) that select the date.
    private static func matching(_ matchers: inout [CalendarMatcher], year: Int, month: Int, day: Int) -> UInt64 {
        var set: UInt64 = 0
        for index in matchers.indices where matchers[index].selectedDays(year: year, month: month) >> day & 1 == 1 {
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
