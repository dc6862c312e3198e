/// Names the class of a difference between two schedules and writes its note.
struct DifferenceClassifier {
    private var sourceZone: ZoneRules
    private var targetZone: ZoneRules
    private let source: Schedule
    private let target: Schedule
    private let labels: (source: String, target: String)
    /// A transition this close to a differing instant makes the difference a DST one.
    private static let transitionReach: Int64 = 3 * 3600

    /// A classifier for two schedules, with the rules of their zones (``EquivalenceCheck`` looks them up
    /// once for the span, the walk and this).
    init(
        source: Schedule, target: Schedule, zones: (source: ZoneRules, target: ZoneRules),
        labels: (source: String, target: String)
    ) {
        self.sourceZone = zones.source
        self.targetZone = zones.target
        self.source = source
        self.target = target
        self.labels = labels
    }

    mutating func difference(
        source sourceOccurrence: Occurrence?, target targetOccurrence: Occurrence?
    ) -> OccurrenceDifference {
        OccurrenceDifference(
            source: sourceOccurrence?.instant, target: targetOccurrence?.instant,
            reason: reason(source: sourceOccurrence, target: targetOccurrence),
            note: note(source: sourceOccurrence, target: targetOccurrence))
    }

    private mutating func reason(
        source sourceOccurrence: Occurrence?, target targetOccurrence: Occurrence?
    ) -> DifferenceReason {
        if let sourceOccurrence, !Self.isInside(sourceOccurrence, target.window) { return .horizonWindow }
        if let targetOccurrence, !Self.isInside(targetOccurrence, source.window) { return .horizonWindow }
        for occurrence in [sourceOccurrence, targetOccurrence].compactMap({ $0 }) {
            if let transition = nearbyTransition(occurrence.instant) {
                return transition.offsetAfter > transition.offsetBefore ? .dstGap : .dstOverlap
            }
        }
        for occurrence in [sourceOccurrence, targetOccurrence].compactMap({ $0 }) {
            let local = occurrence.local
            if local.day >= 29 || local.day == CivilCalendar.daysInMonth(year: local.year, month: local.month) {
                return .monthLength
            }
        }
        if Self.hasInterval(source) || Self.hasInterval(target) { return .intervalAnchor }
        if let sourceOccurrence, let targetOccurrence,
            sourceOccurrence.local.startOfDay == targetOccurrence.local.startOfDay
        {
            return .timeOfDay
        }
        return .daySelector
    }

    private mutating func nearbyTransition(_ instant: Instant) -> ZoneTransition? {
        let from = instant.adding(seconds: -Self.transitionReach)
        let through = instant.adding(seconds: Self.transitionReach)
        return sourceZone.transitions(from: from, through: through).first
            ?? targetZone.transitions(from: from, through: through).first
    }

    private static func hasInterval(_ schedule: Schedule) -> Bool {
        schedule.rules.contains { rule in
            guard let interval = rule.interval else { return false }
            switch interval.step {
            case .calendar(_, let every): return every > 1 || !interval.setPositions.isEmpty
            case .duration: return true
            }
        }
    }

    private static func isInside(_ occurrence: Occurrence, _ window: ScheduleWindow) -> Bool {
        switch window.start {
        case .instant(let start) where occurrence.instant < start: return false
        case .local(let start) where occurrence.local < start: return false
        default: break
        }
        switch window.end {
        case .instant(let end) where occurrence.instant > end: return false
        case .local(let end) where occurrence.local > end: return false
        default: return true
        }
    }

    private mutating func note(source sourceOccurrence: Occurrence?, target targetOccurrence: Occurrence?) -> String {
        let anchor = sourceOccurrence?.local ?? targetOccurrence?.local
        let when = anchor.map { "\(Self.dayAndTime($0)) \(source.zone)" } ?? source.zone
        let sourcePart =
            sourceOccurrence.map { "\(labels.source) fires at \(describe($0.instant, zone: &sourceZone))" }
            ?? "\(labels.source) does not fire"
        let targetPart =
            targetOccurrence.map { "\(labels.target) fires at \(describe($0.instant, zone: &targetZone))" }
            ?? "\(labels.target) does not fire"
        return "\(when): \(sourcePart); \(targetPart)"
    }

    /// `2026-03-08T07:30:00Z (03:30 -04:00)`.
    private func describe(_ instant: Instant, zone: inout ZoneRules) -> String {
        let offset = zone.offset(at: instant)
        let local = instant.localDateTime(offset: offset)
        return "\(instant) (\(Self.time(local)) \(UTCOffsetText.format(offset)))"
    }

    private static func dayAndTime(_ local: LocalDateTime) -> String {
        "\(local.year.zeroPadded(4))-\(local.month.zeroPadded(2))-\(local.day.zeroPadded(2)) \(time(local))"
    }

    private static func time(_ local: LocalDateTime) -> String {
        let base = "\(local.hour.zeroPadded(2)):\(local.minute.zeroPadded(2))"
        return local.second == 0 ? base : base + ":\(local.second.zeroPadded(2))"
    }
}
