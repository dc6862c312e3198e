/// What one enumeration wants: occurrences at or after an instant, inside the schedule's window.
struct EnumerationBounds {
    /// Occurrences before this instant are not wanted.
    var lowerInstant: Instant
    /// The window's start, when the product states it as a local reading.
    var localStart: LocalDateTime?
    /// The window's end, when the product states it as a local reading.
    var localEnd: LocalDateTime?
    /// The window's end, when the product states it as an instant.
    var instantEnd: Instant?

    init(after instant: Instant, window: ScheduleWindow) {
        var lower = instant.adding(seconds: 1)
        switch window.start {
        case .instant(let start): lower = max(lower, start)
        case .local(let start): localStart = start
        case nil: break
        }
        lowerInstant = lower
        switch window.end {
        case .instant(let end): instantEnd = end
        case .local(let end): localEnd = end
        case nil: break
        }
    }

    /// The earliest local reading that can become an instant at or after ``lowerInstant``.
    func earliestLocal(in zone: inout ZoneRules) -> LocalDateTime {
        let smallestOffset = zone.offsetRange(around: lowerInstant, radius: 3 * 86_400).lowerBound
        let seconds = lowerInstant.secondsSinceEpoch + Int64(smallestOffset)
        return LocalDateTime(secondsSinceEpoch: max(seconds, Self.firstLocalSecond))
    }

    /// 0001-01-01T00:00:00 on the wall clock.
    static let firstLocalSecond = LocalDateTime(year: 1, month: 1, day: 1).secondsSinceEpoch

    /// Whether an occurrence lies inside the window's end.
    func admitsEnd(_ occurrence: Occurrence) -> Bool {
        if let instantEnd, occurrence.instant > instantEnd { return false }
        if let localEnd, occurrence.local > localEnd { return false }
        return true
    }
}
