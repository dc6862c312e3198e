/// The proof behind the word "exact": enumerate two schedules over the same span and compare
/// them instant by instant.
///
/// The span starts at a given instant (the source's window start, or now) and runs for the
/// horizon, extended until the source has fired at least the horizon's minimum number of times —
/// or, if the target fires ``extensionTargetFactor`` times as often past the horizon, until the target
/// has fired that many times there (a source silent for centuries after its start, as a Quartz cron
/// before 1970, would otherwise have every target instant of those centuries compared).
/// A source instant missing from the target and a target instant missing from the source within
/// ``pairingWindow`` of each other are reported as one moved run; every difference gets a
/// ``DifferenceReason``.
///
/// ```swift
/// let report = try EquivalenceCheck().compare(quartzSchedule, with: rruleSchedule, from: start)
/// report.isExact   // false: "2026-03-08 02:30 America/New_York: quartz does not fire; rrule fires at …"
/// ```
public struct EquivalenceCheck: Sendable {
    /// How many differences a report lists (it counts them all).
    public static let reportedDifferences = 10
    /// Differences this close together are taken as one run that moved.
    static let pairingWindow: Int64 = 26 * 3600
    /// Past the horizon, the span ends once the target has fired this many times the horizon's minimum
    /// number of occurrences there, if the source has not fired its minimum by then.
    public static let extensionTargetFactor = 100

    /// How far the check enumerates.
    public var horizon: VerificationHorizon
    /// An instant the span never passes, whatever the horizon asks: where one side stops for a
    /// reason that is no part of the schedule's meaning (Java Quartz's year cap, which moves with
    /// the clock).
    public var limit: Instant?
    /// Whether steady days are compared by the rules that select them (``SteadyDays``); off, every
    /// instant is compared one by one (the tests check that both give the same report).
    var comparesSteadyDays = true

    /// Creates a check over a horizon, never past `limit`.
    public init(horizon: VerificationHorizon = .standard, limit: Instant? = nil) {
        self.horizon = horizon
        self.limit = limit
    }

    /// Compares `source` with `target` from `start` over the horizon.
    ///
    /// - Parameter labels: what to call the two sides in the difference notes (dialect names).
    /// - Throws: ``UnknownTimeZoneError`` when either schedule's zone is not known.
    public func compare(
        _ source: Schedule, with target: Schedule, from start: Instant,
        labels: (source: String, target: String) = ("the source", "the target")
    ) throws(UnknownTimeZoneError) -> EquivalenceReport {
        guard var zone = ZoneRules(identifier: source.zone) else {
            throw UnknownTimeZoneError(identifier: source.zone)
        }
        guard let targetZone = ZoneRules(identifier: target.zone) else {
            throw UnknownTimeZoneError(identifier: target.zone)
        }
        let span = spanEnd(of: source, from: start, zone: zone)
        var end = extensionEnd(span.end, of: target, from: start, zone: targetZone)
        if let limit { end = min(end, limit) }
        var walk = ComparisonWalk(
            source: source, target: target, zones: (zone, targetZone),
            classifier: DifferenceClassifier(
                source: source, target: target, zones: (zone, targetZone), labels: labels),
            tape: span.tape)
        if comparesSteadyDays,
            var steady = SteadyDays(source: source, target: target, from: start, through: end, zone: &zone)
        {
            var cursor = start
            for run in steady.runs {
                // The days before the run (around a clock change or a bound), unless no rule selects them.
                let gap = (zone.localDateTime(at: cursor).epochDay - 1)...(run.days.lowerBound)
                if !steady.selectsNothing(in: gap) { walk.compareInstants(from: cursor, before: run.start) }
                for day in steady.differingDays(in: run, sourceCount: &walk.sourceCount, targetCount: &walk.targetCount)
                {
                    let midnight = LocalDateTime(secondsSinceEpoch: Int64(day) * 86_400)
                    walk.compareInstants(
                        from: zone.resolve(midnight).firstReading,
                        before: zone.resolve(midnight.adding(seconds: 86_400)).firstReading)
                }
                cursor = run.end
            }
            walk.compareInstants(from: cursor, through: end)
        } else {
            walk.compareInstants(from: start, through: end)
        }
        return walk.report(from: start, through: end)
    }

    /// `end`, or earlier when the target fires ``extensionTargetFactor`` times the minimum number of
    /// occurrences between the horizon's end and `end`: then the last of those.
    private func extensionEnd(_ end: Instant, of target: Schedule, from start: Instant, zone: ZoneRules) -> Instant {
        let horizonEnd = start.adding(seconds: horizon.seconds)
        guard end > horizonEnd else { return end }
        let limit = Self.extensionTargetFactor * max(1, horizon.minimumOccurrences)
        var occurrences = ScheduleOccurrences(target, after: horizonEnd, zone: zone)
        for index in 1...limit {
            guard let next = occurrences.nextOccurrence(), next.instant < end else { return end }
            if index == limit { return next.instant }
        }
        return end
    }

    /// The end of the span: the horizon after `start`, or the source's minimum-th occurrence if
    /// that comes later; with the occurrences enumerated to find it, for the walk to replay.
    private func spanEnd(
        of source: Schedule, from start: Instant, zone: ZoneRules
    ) -> (end: Instant, tape: OccurrenceTape?) {
        let horizonEnd = start.adding(seconds: horizon.seconds)
        guard horizon.minimumOccurrences > 0 else { return (horizonEnd, nil) }
        var occurrences = ScheduleOccurrences(source, after: start.adding(seconds: -1), zone: zone)
        var recorded: [Occurrence] = []
        recorded.reserveCapacity(min(horizon.minimumOccurrences, 4096))
        var ended = false
        while recorded.count < horizon.minimumOccurrences {
            guard let next = occurrences.nextOccurrence() else {
                ended = true
                break
            }
            recorded.append(next)
        }
        let end =
            recorded.count == horizon.minimumOccurrences
            ? max(horizonEnd, recorded.last?.instant ?? start) : horizonEnd
        return (end, OccurrenceTape(start: start, recorded: recorded, rest: ended ? nil : occurrences))
    }
}

/// The instant-by-instant comparison, over consecutive stretches of the span.
private struct ComparisonWalk {
    let source: Schedule
    let target: Schedule
    var classifier: DifferenceClassifier
    var collector = DifferenceCollector()
    var sourceCount = 0
    var targetCount = 0
    /// The source's occurrences already enumerated from the span's start, if any.
    var tape: OccurrenceTape?
    /// The rules of the two zones.
    private let sourceZone: ZoneRules
    private let targetZone: ZoneRules

    init(
        source: Schedule, target: Schedule, zones: (source: ZoneRules, target: ZoneRules),
        classifier: DifferenceClassifier, tape: OccurrenceTape?
    ) {
        self.source = source
        self.target = target
        self.classifier = classifier
        self.tape = tape
        self.sourceZone = zones.source
        self.targetZone = zones.target
    }

    /// The source's occurrences in one stretch: from the tape where it holds them, otherwise
    /// enumerated afresh.
    private struct SourceReader {
        var tapeIndex: Int?
        var occurrences: ScheduleOccurrences?

        mutating func next(tape: inout OccurrenceTape?) -> Occurrence? {
            if let index = tapeIndex {
                tapeIndex = index + 1
                return tape?.occurrence(at: index)
            }
            return occurrences?.nextOccurrence()
        }
    }

    /// Compares the instants in `from..<before`.
    mutating func compareInstants(from lower: Instant, before upper: Instant) {
        guard lower < upper else { return }
        compareInstants(from: lower, through: upper.adding(seconds: -1))
    }

    /// Compares the instants in `from...through`.
    mutating func compareInstants(from lower: Instant, through upper: Instant) {
        guard lower <= upper else { return }
        var sourceOccurrences = SourceReader()
        if let index = tape?.readerStart(from: lower, through: upper) {
            sourceOccurrences.tapeIndex = index
        } else {
            sourceOccurrences.occurrences = ScheduleOccurrences(
                source, after: lower.adding(seconds: -1), zone: sourceZone)
        }
        var targetOccurrences = ScheduleOccurrences(target, after: lower.adding(seconds: -1), zone: targetZone)
        var nextSource = sourceOccurrences.next(tape: &tape).flatMap { $0.instant <= upper ? $0 : nil }
        var nextTarget = targetOccurrences.nextOccurrence().flatMap { $0.instant <= upper ? $0 : nil }
        while nextSource != nil || nextTarget != nil {
            if let sourceOccurrence = nextSource, let targetOccurrence = nextTarget,
                sourceOccurrence.instant == targetOccurrence.instant
            {
                sourceCount += 1
                targetCount += 1
                nextSource = sourceOccurrences.next(tape: &tape).flatMap { $0.instant <= upper ? $0 : nil }
                nextTarget = targetOccurrences.nextOccurrence().flatMap { $0.instant <= upper ? $0 : nil }
                continue
            }
            if let sourceOccurrence = nextSource, nextTarget.map({ sourceOccurrence.instant < $0.instant }) ?? true {
                sourceCount += 1
                collector.unmatched(sourceOccurrence, side: .source, classifier: &classifier)
                nextSource = sourceOccurrences.next(tape: &tape).flatMap { $0.instant <= upper ? $0 : nil }
            } else if let targetOccurrence = nextTarget {
                targetCount += 1
                collector.unmatched(targetOccurrence, side: .target, classifier: &classifier)
                nextTarget = targetOccurrences.nextOccurrence().flatMap { $0.instant <= upper ? $0 : nil }
            }
        }
    }

    mutating func report(from start: Instant, through end: Instant) -> EquivalenceReport {
        collector.flushAll(classifier: &classifier)
        return EquivalenceReport(
            from: start, through: end, sourceOccurrences: sourceCount, targetOccurrences: targetCount,
            differences: collector.firstDifferences, differenceCount: collector.count)
    }
}

/// Pairs unmatched instants of the two sides into differences and keeps the earliest ones.
private struct DifferenceCollector {
    enum Side { case source, target }

    private var pendingSource = PendingOccurrences()
    private var pendingTarget = PendingOccurrences()
    private(set) var firstDifferences: [OccurrenceDifference] = []
    private(set) var count = 0

    mutating func unmatched(_ occurrence: Occurrence, side: Side, classifier: inout DifferenceClassifier) {
        flush(before: occurrence.instant.adding(seconds: -EquivalenceCheck.pairingWindow), classifier: &classifier)
        switch side {
        case .source:
            if let target = pendingTarget.removeFirst(where: { Self.near($0, occurrence) }) {
                record(source: occurrence, target: target, classifier: &classifier)
            } else {
                pendingSource.append(occurrence)
            }
        case .target:
            if let source = pendingSource.removeFirst(where: { Self.near($0, occurrence) }) {
                record(source: source, target: occurrence, classifier: &classifier)
            } else {
                pendingTarget.append(occurrence)
            }
        }
    }

    mutating func flushAll(classifier: inout DifferenceClassifier) {
        flush(before: Instant(secondsSinceEpoch: .max), classifier: &classifier)
    }

    private mutating func flush(before limit: Instant, classifier: inout DifferenceClassifier) {
        while let first = pendingSource.first, first.instant < limit {
            _ = pendingSource.removeFirst()
            record(source: first, target: nil, classifier: &classifier)
        }
        while let first = pendingTarget.first, first.instant < limit {
            _ = pendingTarget.removeFirst()
            record(source: nil, target: first, classifier: &classifier)
        }
    }

    private static func near(_ left: Occurrence, _ right: Occurrence) -> Bool {
        abs(left.instant.secondsSinceEpoch - right.instant.secondsSinceEpoch) <= EquivalenceCheck.pairingWindow
    }

    private mutating func record(source: Occurrence?, target: Occurrence?, classifier: inout DifferenceClassifier) {
        count += 1
        let key = Self.key(source: source, target: target)
        if firstDifferences.count == EquivalenceCheck.reportedDifferences,
            let last = firstDifferences.last, Self.key(of: last) <= key
        {
            return
        }
        let difference = classifier.difference(source: source, target: target)
        let index = firstDifferences.firstIndex { Self.key(of: $0) > key } ?? firstDifferences.count
        firstDifferences.insert(difference, at: index)
        if firstDifferences.count > EquivalenceCheck.reportedDifferences { firstDifferences.removeLast() }
    }

    private static func key(source: Occurrence?, target: Occurrence?) -> Int64 {
        min(source?.instant.secondsSinceEpoch ?? .max, target?.instant.secondsSinceEpoch ?? .max)
    }

    private static func key(of difference: OccurrenceDifference) -> Int64 {
        min(difference.source?.secondsSinceEpoch ?? .max, difference.target?.secondsSinceEpoch ?? .max)
    }
}
