import Foundation
import Synchronization

/// One change of a zone's UTC offset.
public struct ZoneTransition: Hashable, Sendable {
    /// The first instant at which ``offsetAfter`` is in force.
    public var instant: Instant
    /// Seconds east of UTC just before the transition.
    public var offsetBefore: Int
    /// Seconds east of UTC from the transition on.
    public var offsetAfter: Int
}

/// How a local date-time maps onto the time line in a zone.
public enum LocalResolution: Hashable, Sendable {
    /// The local time exists exactly once.
    case unique(Instant)
    /// The local time falls into a spring-forward gap and does not exist. `shifted` reads it with
    /// the offset in force before the gap (RFC 5545 §3.3.5: moved forward by the gap's length);
    /// `transition` is the first instant after the gap.
    case gap(shifted: Instant, transition: Instant)
    /// The local time exists twice, in an autumn overlap: first with the offset before the
    /// transition, then with the offset after it.
    case overlap(earlier: Instant, later: Instant)
}

/// The UTC offsets of one zone and the instants at which they change, read from the system's
/// time-zone database through Foundation's `TimeZone`.
///
/// Offsets are looked up in a table of transitions that is filled lazily, in spans of years around
/// the instants asked about, so that building the rules for a zone costs microseconds and an
/// enumeration over four centuries still sees every transition. Lookups are a binary search.
public struct ZoneRules: Sendable {
    /// The identifier the rules were created with (an IANA name or alias).
    public let identifier: String
    private let timeZone: TimeZone
    private var transitions: [ZoneTransition] = []
    /// The instants whose offsets the table answers: `coveredFrom...coveredThrough`.
    private var coveredFrom: Int64 = 0
    private var coveredThrough: Int64 = -1
    private var offsetBeforeCoverage = 0
    /// The first span covered around the first instant asked about; later extensions double.
    private static let initialSpan: Int64 = 400 * 86_400

    /// Rules for an IANA zone identifier or alias (`Europe/Berlin`, `Canada/Pacific`, `UTC`), or
    /// `nil` when the system does not know it.
    ///
    /// The first rules made for a zone read its transitions from 1900 to 2200 once; later ones start
    /// from a copy of that table, so a conversion that builds rules for its zone a dozen times asks
    /// the time-zone database once per process.
    public init?(identifier: String) {
        if let prototype = Self.prototypes.withLock({ $0[identifier] }) {
            self = prototype
            return
        }
        guard !identifier.isEmpty, let timeZone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.timeZone = timeZone
        prepare(from: Self.prototypeSpan.lowerBound, through: Self.prototypeSpan.upperBound)
        let prototype = self
        Self.prototypes.withLock { $0[identifier] = prototype }
    }

    /// Whether the time-zone database knows `identifier` (exactly when ``init(identifier:)`` succeeds),
    /// without reading its transitions.
    public static func isKnown(_ identifier: String) -> Bool {
        if Self.prototypes.withLock({ $0[identifier] }) != nil { return true }
        return !identifier.isEmpty && TimeZone(identifier: identifier) != nil
    }

    /// Rules already read, by identifier.
    private static let prototypes = Mutex<[String: ZoneRules]>([:])
    /// 1900-01-01T00:00:00Z through 2200-01-01T00:00:00Z.
    private static let prototypeSpan =
        Instant(secondsSinceEpoch: -2_208_988_800)...Instant(secondsSinceEpoch: 7_258_118_400)

    /// Fills the transition table for every instant in `from...through` now, so that copies of
    /// these rules answer there without consulting the time-zone database again.
    public mutating func prepare(from: Instant, through: Instant) {
        cover(from.secondsSinceEpoch)
        cover(through.secondsSinceEpoch)
    }

    /// The UTC offset, in seconds east, in force at an instant.
    public mutating func offset(at instant: Instant) -> Int {
        cover(instant.secondsSinceEpoch)
        guard let index = lastTransitionIndex(atOrBefore: instant.secondsSinceEpoch) else {
            return offsetBeforeCoverage
        }
        return transitions[index].offsetAfter
    }

    /// The wall-clock reading of an instant in this zone.
    public mutating func localDateTime(at instant: Instant) -> LocalDateTime {
        instant.localDateTime(offset: offset(at: instant))
    }

    /// Where a local date-time falls on the time line.
    public mutating func resolve(_ local: LocalDateTime) -> LocalResolution {
        resolve(localSeconds: local.secondsSinceEpoch)
    }

    /// Where a local reading, in seconds since 1970-01-01T00:00:00 on the wall clock, falls.
    mutating func resolve(localSeconds local: Int64) -> LocalResolution {
        cover(local - 86_400)
        cover(local + 86_400)
        // The transition whose irregular region (gap or overlap) starts at or before `local`.
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if regionStart(transitions[middle]) <= local { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else {
            return .unique(Instant(secondsSinceEpoch: local - Int64(offsetBeforeCoverage)))
        }
        let transition = transitions[low - 1]
        let at = transition.instant.secondsSinceEpoch
        let before = Int64(transition.offsetBefore)
        let after = Int64(transition.offsetAfter)
        if after > before, local < at + after {
            return .gap(shifted: Instant(secondsSinceEpoch: local - before), transition: transition.instant)
        }
        if after < before, local < at + before {
            return .overlap(
                earlier: Instant(secondsSinceEpoch: local - before), later: Instant(secondsSinceEpoch: local - after))
        }
        return .unique(Instant(secondsSinceEpoch: local - after))
    }

    /// The offset and the span of local readings around `local` in which every reading exists
    /// once, with that offset, and no transition comes within two days; `nil` near a transition.
    ///
    /// Enumerators use it to map local times to instants with one subtraction.
    mutating func steadySpan(containingLocal local: Int64) -> (offset: Int64, span: Range<Int64>)? {
        let margin: Int64 = 2 * 86_400
        cover(local - 3 * margin)
        cover(local + 3 * margin)
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if regionStart(transitions[middle]) <= local { low = middle + 1 } else { high = middle }
        }
        let lower: Int64
        let offset: Int64
        if low > 0 {
            let previous = transitions[low - 1]
            lower =
                previous.instant.secondsSinceEpoch + Int64(max(previous.offsetBefore, previous.offsetAfter)) + margin
            offset = Int64(previous.offsetAfter)
        } else {
            lower = coveredFrom == Int64.min ? Int64.min : coveredFrom + margin
            offset = Int64(offsetBeforeCoverage)
        }
        let upper: Int64
        if low < transitions.count {
            upper = regionStart(transitions[low]) - margin
        } else {
            upper = coveredThrough == Int64.max ? Int64.max : coveredThrough - margin
        }
        guard lower <= local, local < upper else { return nil }
        return (offset, lower..<upper)
    }

    /// The first local reading of a transition's gap or overlap.
    private func regionStart(_ transition: ZoneTransition) -> Int64 {
        transition.instant.secondsSinceEpoch + Int64(min(transition.offsetBefore, transition.offsetAfter))
    }

    /// The smallest and largest offsets in force at any instant within `radius` seconds of `instant`.
    mutating func offsetRange(around instant: Instant, radius: Int64) -> ClosedRange<Int> {
        let from = instant.secondsSinceEpoch - radius
        let through = instant.secondsSinceEpoch + radius
        cover(from)
        cover(through)
        var lowest = offset(at: Instant(secondsSinceEpoch: from))
        var highest = lowest
        var index = (lastTransitionIndex(atOrBefore: from) ?? -1) + 1
        while index < transitions.count, transitions[index].instant.secondsSinceEpoch <= through {
            lowest = min(lowest, transitions[index].offsetAfter)
            highest = max(highest, transitions[index].offsetAfter)
            index += 1
        }
        return lowest...highest
    }

    /// The transitions in `from...through`, in order.
    public mutating func transitions(from: Instant, through: Instant) -> [ZoneTransition] {
        cover(from.secondsSinceEpoch)
        cover(through.secondsSinceEpoch)
        var index = (lastTransitionIndex(atOrBefore: from.secondsSinceEpoch - 1) ?? -1) + 1
        var result: [ZoneTransition] = []
        while index < transitions.count, transitions[index].instant <= through {
            result.append(transitions[index])
            index += 1
        }
        return result
    }

    private func lastTransitionIndex(atOrBefore seconds: Int64) -> Int? {
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle].instant.secondsSinceEpoch <= seconds { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }

    /// Extends the transition table so that it answers for `seconds`.
    private mutating func cover(_ seconds: Int64) {
        if coveredThrough < coveredFrom {
            coveredFrom = seconds - Self.initialSpan
            coveredThrough = coveredFrom - 1
            offsetBeforeCoverage = timeZone.secondsFromGMT(for: date(coveredFrom))
            extendForward(through: seconds + Self.initialSpan)
            return
        }
        // Each extension at least doubles the covered span, so a long enumeration extends rarely.
        let growth = max(Self.initialSpan, coveredThrough == Int64.max ? 0 : coveredThrough - coveredFrom)
        if seconds > coveredThrough {
            extendForward(through: seconds + growth)
            publish()
        } else if seconds < coveredFrom {
            let newFrom = seconds - growth
            let earlier = Self.collectTransitions(of: timeZone, after: newFrom - 1, through: coveredFrom - 1)
            transitions.insert(contentsOf: earlier.transitions, at: 0)
            coveredFrom = newFrom
            offsetBeforeCoverage = timeZone.secondsFromGMT(for: date(newFrom))
            publish()
        }
    }

    /// Makes a table extended past the prototype's span the zone's prototype, so that rules made
    /// later start from it: an enumeration that runs past 2200 (a yearly rule's thousandth
    /// occurrence) then asks the time-zone database once per process, not once per enumeration.
    /// The table only grows, and any span of it holds the same transitions, so answers are unchanged.
    private func publish() {
        Self.prototypes.withLock { prototypes in
            guard let known = prototypes[identifier], known.coveredFrom >= coveredFrom,
                known.coveredThrough <= coveredThrough,
                known.coveredFrom != coveredFrom || known.coveredThrough != coveredThrough
            else { return }
            prototypes[identifier] = self
        }
    }

    private mutating func extendForward(through target: Int64) {
        guard coveredThrough < target else { return }
        let found = Self.collectTransitions(of: timeZone, after: coveredThrough, through: target)
        transitions.append(contentsOf: found.transitions)
        coveredThrough = found.exhausted ? Int64.max : target
    }

    /// The transitions strictly after `after` and at or before `through`; `exhausted` when the
    /// zone has no transition after `after` at all.
    private static func collectTransitions(
        of timeZone: TimeZone, after: Int64, through: Int64
    ) -> (transitions: [ZoneTransition], exhausted: Bool) {
        var result: [ZoneTransition] = []
        var cursor = Date(timeIntervalSince1970: TimeInterval(after))
        while true {
            guard let next = timeZone.nextDaylightSavingTimeTransition(after: cursor) else {
                return (result, true)
            }
            let seconds = Int64(next.timeIntervalSince1970.rounded(.down))
            let cursorSeconds = Int64(cursor.timeIntervalSince1970.rounded(.down))
            guard seconds > cursorSeconds else {
                // A transition reported at the cursor itself: step past it rather than loop.
                cursor = Date(timeIntervalSince1970: TimeInterval(cursorSeconds + 1))
                continue
            }
            guard seconds <= through else { return (result, false) }
            let before = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds - 1)))
            let afterOffset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
            if before != afterOffset {
                result.append(
                    ZoneTransition(
                        instant: Instant(secondsSinceEpoch: seconds), offsetBefore: before, offsetAfter: afterOffset))
            }
            cursor = Date(timeIntervalSince1970: TimeInterval(seconds))
        }
    }

    private func date(_ seconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
