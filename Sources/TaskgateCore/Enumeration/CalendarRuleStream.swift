/// The occurrences of one calendar rule, in order of instant.
///
/// Local candidates come in wall-clock order; the rule's DST policy maps each to zero, one or
/// two instants. Around a transition the instants can come out of order (a repeated hour fired
/// twice interleaves with the next local times), so they wait in a small buffer until no later
/// local time can map before them.
struct CalendarRuleStream {
    private var candidates: LocalCandidates
    private var zone: ZoneRules
    private let policy: DSTPolicy
    private let instantUntil: Instant?
    private let lowerInstant: Instant
    private var pending: [Occurrence] = []
    private var releaseBound = Int64.min
    private var exhausted = false
    private var steadyOffset: Int64 = 0
    private var steadySpan: Range<Int64> = 0..<0
    /// The largest offset within four days of the local readings in ``releaseSpan`` (so at least
    /// the largest within three days of each): the release bound of a local time near a transition,
    /// looked up once a day instead of once per local time.
    private var releaseOffset: Int64 = 0
    private var releaseSpan: Range<Int64> = 0..<0

    init(rule: ScheduleRule, zone: ZoneRules, bounds: EnumerationBounds) {
        var zone = zone
        let from = bounds.earliestLocal(in: &zone)
        var localUpper = bounds.localEnd
        var instantUntil: Instant?
        if let until = rule.interval?.until {
            switch until {
            case .local(let local): localUpper = localUpper.map { min($0, local) } ?? local
            case .instant(let instant): instantUntil = instant
            }
        }
        candidates = LocalCandidates(rule: rule, from: from, lowerBound: bounds.localStart, upperBound: localUpper)
        self.zone = zone
        policy = rule.dstPolicy
        self.instantUntil = instantUntil
        lowerInstant = bounds.lowerInstant
    }

    mutating func next() -> Occurrence? {
        while true {
            if let first = pending.first, exhausted || first.instant.secondsSinceEpoch < releaseBound {
                pending.removeFirst()
                if first.instant >= lowerInstant { return first }
                continue
            }
            if exhausted { return nil }
            guard let local = candidates.next() else {
                exhausted = true
                continue
            }
            if pending.isEmpty, let occurrence = steadyOccurrence(local) {
                // Far from any transition, later local times map to later instants: no buffering.
                if let instantUntil, occurrence.instant > instantUntil {
                    exhausted = true
                    continue
                }
                releaseBound = occurrence.instant.secondsSinceEpoch
                if occurrence.instant >= lowerInstant { return occurrence }
                continue
            }
            add(local)
        }
    }

    /// The occurrence of a local time inside a steady span of the zone, if it is in one.
    private mutating func steadyOccurrence(_ local: LocalDateTime) -> Occurrence? {
        let seconds = local.secondsSinceEpoch
        if !steadySpan.contains(seconds) {
            guard let steady = zone.steadySpan(containingLocal: seconds) else { return nil }
            steadyOffset = steady.offset
            steadySpan = steady.span
        }
        return Occurrence(instant: Instant(secondsSinceEpoch: seconds - steadyOffset), local: local)
    }

    private mutating func add(_ local: LocalDateTime) {
        let seconds = local.secondsSinceEpoch
        if !steadySpan.contains(seconds), let steady = zone.steadySpan(containingLocal: seconds) {
            steadyOffset = steady.offset
            steadySpan = steady.span
        }
        if steadySpan.contains(seconds) {
            let instant = Instant(secondsSinceEpoch: seconds - steadyOffset)
            if let instantUntil, instant > instantUntil {
                exhausted = true
                return
            }
            releaseBound = instant.secondsSinceEpoch
            insert(Occurrence(instant: instant, local: local))
            return
        }
        let resolution = zone.resolve(localSeconds: seconds)
        if let instantUntil, resolution.firstReading > instantUntil {
            exhausted = true
            return
        }
        if !releaseSpan.contains(seconds) {
            // A wider radius gives a larger (or equal) offset and so an earlier bound, which holds
            // instants back longer but releases them in the same order.
            releaseOffset = Int64(
                zone.offsetRange(around: Instant(secondsSinceEpoch: seconds), radius: 4 * 86_400).upperBound)
            releaseSpan = (seconds - 86_400)..<(seconds + 86_400)
        }
        releaseBound = seconds - releaseOffset
        for instant in policy.instants(for: resolution) {
            insert(Occurrence(instant: instant, local: local))
        }
    }

    private mutating func insert(_ occurrence: Occurrence) {
        if let last = pending.last, last < occurrence {
            pending.append(occurrence)
            return
        }
        // Equal instants from two local times both stay: an exclusion may remove one of them.
        let index = pending.firstIndex { $0 > occurrence } ?? pending.count
        pending.insert(occurrence, at: index)
    }
}
