/// The periods of an RRULE-style interval: numbered from the period that holds the anchor (0),
/// counted on the wall clock.
struct RulePeriods {
    let unit: CalendarUnit
    let every: Int
    let anchor: LocalDateTime
    let weekStart: Weekday
    private let anchorIndex: Int64

    init(unit: CalendarUnit, every: Int, anchor: LocalDateTime, weekStart: Weekday) {
        self.unit = unit
        self.every = max(every, 1)
        self.anchor = anchor
        self.weekStart = weekStart
        anchorIndex = Self.absoluteIndex(of: anchor, unit: unit, weekStart: weekStart)
    }

    /// The period holding `local`, relative to the anchor's period.
    func index(of local: LocalDateTime) -> Int64 {
        Self.absoluteIndex(of: local, unit: unit, weekStart: weekStart) - anchorIndex
    }

    /// Whether the period takes part (it is the anchor's or an `every`-th one after it).
    func isIncluded(_ index: Int64) -> Bool {
        index >= 0 && index % Int64(every) == 0
    }

    /// The first included period at or after `index`.
    func includedIndex(atOrAfter index: Int64) -> Int64 {
        guard index > 0 else { return 0 }
        let step = Int64(every)
        return (index + step - 1) / step * step
    }

    /// The first local time of a period, or `nil` past year 9999.
    func start(ofIndex index: Int64) -> LocalDateTime? {
        let absolute = anchorIndex + index
        switch unit {
        case .year:
            guard absolute <= Int64(CalendarMatcher.lastYear) else { return nil }
            return LocalDateTime(year: Int(absolute), month: 1, day: 1)
        case .month:
            let (year, month) = absolute.floorDivided(by: 12)
            guard year <= Int64(CalendarMatcher.lastYear) else { return nil }
            return LocalDateTime(year: Int(year), month: Int(month) + 1, day: 1)
        case .week:
            return Self.local(seconds: (absolute * 7 + Int64(Self.weekStartAlignment(weekStart))) * 86_400)
        case .day:
            return Self.local(seconds: absolute * 86_400)
        case .hour, .minute, .second:
            return Self.local(seconds: absolute * (unit.fixedSeconds ?? 1))
        }
    }

    private static func local(seconds: Int64) -> LocalDateTime? {
        let local = LocalDateTime(secondsSinceEpoch: seconds)
        return local.year <= CalendarMatcher.lastYear ? local : nil
    }

    private static func absoluteIndex(of local: LocalDateTime, unit: CalendarUnit, weekStart: Weekday) -> Int64 {
        switch unit {
        case .year:
            return Int64(local.year)
        case .month:
            return Int64(local.year) * 12 + Int64(local.month - 1)
        case .week:
            let epochDay = Int64(local.epochDay)
            let daysSinceWeekStart = Int64(weekStart.distance(to: local.weekday))
            let weekStartDay = epochDay - daysSinceWeekStart
            return (weekStartDay - Int64(weekStartAlignment(weekStart))).floorDivided(by: 7).quotient
        case .day:
            return Int64(local.epochDay)
        case .hour, .minute, .second:
            return local.secondsSinceEpoch.floorDivided(by: unit.fixedSeconds ?? 1).quotient
        }
    }

    /// An epoch day that falls on `weekStart` (between -6 and 0).
    static func weekStartAlignment(_ weekStart: Weekday) -> Int {
        -weekStart.distance(to: .thursday)
    }
}
