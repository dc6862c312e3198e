/// A zone identifier that the system's time-zone database does not know.
public struct UnknownTimeZoneError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The identifier as given.
    public var identifier: String
    /// What the reader accepts; readers that resolve Windows zone ids say so.
    public var expected: String

    public init(identifier: String, expected: String = "an IANA name such as Europe/Berlin") {
        self.identifier = identifier
        self.expected = expected
    }

    public var description: String {
        "unknown time zone '\(identifier)'; expected \(expected)"
    }
}

/// The instants of a schedule after a given instant, in order, each once.
///
/// Each rule is its own stream; the streams are merged, exclusions removed and instants that
/// two rules (or two local times) share given once. The sequence ends when the window ends,
/// when no rule can fire again, or at the end of year 9999.
public struct ScheduleOccurrences: Sequence, IteratorProtocol {
    private enum Source {
        case calendar(CalendarRuleStream)
        case duration(DurationRuleStream)
        case single(Occurrence?)

        mutating func next() -> Occurrence? {
            switch self {
            case .calendar(var stream):
                let result = stream.next()
                self = .calendar(stream)
                return result
            case .duration(var stream):
                let result = stream.next()
                self = .duration(stream)
                return result
            case .single(let occurrence):
                self = .single(nil)
                return occurrence
            }
        }
    }

    private var sources: [Source] = []
    private var heads: [Occurrence?] = []
    private let excludedInstants: Set<Instant>
    private let excludedLocals: Set<LocalDateTime>
    private let bounds: EnumerationBounds
    private var last: Instant?

    /// The occurrences of `schedule` strictly after `instant`.
    ///
    /// - Throws: ``UnknownTimeZoneError`` when the schedule's zone is not known.
    public init(_ schedule: Schedule, after instant: Instant) throws(UnknownTimeZoneError) {
        guard var zone = ZoneRules(identifier: schedule.zone) else {
            throw UnknownTimeZoneError(identifier: schedule.zone)
        }
        bounds = EnumerationBounds(after: instant, window: schedule.window)
        var instants: Set<Instant> = []
        var locals: Set<LocalDateTime> = []
        for exclusion in schedule.exclusions {
            switch exclusion {
            case .instant(let excluded): instants.insert(excluded)
            case .local(let excluded): locals.insert(excluded)
            }
        }
        excludedInstants = instants
        excludedLocals = locals
        switch schedule.kind {
        case .manual, .event:
            break
        case .once(let at):
            let local = zone.localDateTime(at: at)
            let admitted = at >= bounds.lowerInstant && (bounds.localStart.map { local >= $0 } ?? true)
            sources = [.single(admitted ? Occurrence(instant: at, local: local) : nil)]
        case .recurring(let rules):
            for rule in rules {
                if let interval = rule.interval, case .duration(let duration) = interval.step {
                    sources.append(.duration(DurationRuleStream(rule: rule, duration: duration, zone: zone, bounds: bounds)))
                } else {
                    sources.append(.calendar(CalendarRuleStream(rule: rule, zone: zone, bounds: bounds)))
                }
            }
        }
        heads = sources.indices.map { _ in nil }
        for index in sources.indices { heads[index] = pull(index) }
    }

    public mutating func next() -> Instant? {
        while true {
            var chosen: Int?
            for index in heads.indices {
                guard let head = heads[index] else { continue }
                if let current = chosen, let best = heads[current], best <= head { continue }
                chosen = index
            }
            guard let index = chosen, let occurrence = heads[index] else { return nil }
            heads[index] = pull(index)
            if occurrence.instant == last { continue }
            last = occurrence.instant
            return occurrence.instant
        }
    }

    /// The next occurrence of source `index` that is inside the window and not excluded.
    private mutating func pull(_ index: Int) -> Occurrence? {
        while let occurrence = sources[index].next() {
            guard bounds.admitsEnd(occurrence) else { return nil }
            if excludedInstants.contains(occurrence.instant) || excludedLocals.contains(occurrence.local) { continue }
            return occurrence
        }
        return nil
    }
}
