/// A zone identifier that the system's time-zone database does not know.
public struct UnknownTimeZoneError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The identifier as given.
    public var identifier: String
    /// What the reader accepts; readers that resolve Windows zone ids say so.
    public var expected: String

    /// Creates the error for an identifier, with what was expected instead.
    public init(identifier: String, expected: String = "an IANA name such as Europe/Berlin") {
        self.identifier = identifier
        self.expected = expected
    }

    /// `unknown time zone 'Foo/Bar'; expected an IANA name such as Europe/Berlin`.
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
    /// Where a head came from. The streams live in arrays and are advanced in place: taking a
    /// stream out of an enum payload to advance it would copy its buffers on every step.
    private enum Source {
        case calendar(Int)
        case duration(Int)
        case single
    }

    private var calendarStreams: [CalendarRuleStream] = []
    private var durationStreams: [DurationRuleStream] = []
    private var single: Occurrence?
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
        guard let zone = ZoneRules(identifier: schedule.zone) else {
            throw UnknownTimeZoneError(identifier: schedule.zone)
        }
        self.init(schedule, after: instant, zone: zone)
    }

    /// The occurrences of `schedule` strictly after `instant`, reading offsets from `zone`
    /// (rules for the schedule's zone, typically prepared once in a ``ZoneCatalog``).
    public init(_ schedule: Schedule, after instant: Instant, zone: ZoneRules) {
        var zone = zone
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
            single = admitted ? Occurrence(instant: at, local: local) : nil
            sources = [.single]
        case .recurring(let rules):
            // A rule listed twice fires at the same instants: one stream serves both.
            var seen: Set<ScheduleRule> = []
            for rule in rules where seen.insert(rule).inserted {
                if let interval = rule.interval, case .duration(let duration) = interval.step {
                    sources.append(.duration(durationStreams.count))
                    durationStreams.append(
                        DurationRuleStream(rule: rule, duration: duration, zone: zone, bounds: bounds))
                } else {
                    sources.append(.calendar(calendarStreams.count))
                    calendarStreams.append(CalendarRuleStream(rule: rule, zone: zone, bounds: bounds))
                }
            }
        }
        heads = sources.indices.map { _ in nil }
        for index in sources.indices { heads[index] = pull(index) }
    }

    /// The next instant, or `nil` when the schedule fires no more.
    public mutating func next() -> Instant? {
        nextOccurrence()?.instant
    }

    /// The next `count` instants (fewer if the schedule ends).
    public mutating func take(_ count: Int) -> [Instant] {
        var result: [Instant] = []
        result.reserveCapacity(Swift.min(Swift.max(count, 0), 4096))
        while result.count < count, let next = next() { result.append(next) }
        return result
    }

    /// The next instant together with the local time the rule selected for it (for a spring-gap
    /// time moved forward, the local time before the move).
    ///
    /// Every stream whose head is at the chosen instant moves on at once, so that rules sharing
    /// instants (a fylr task listing one schedule a hundred times) cost one pass over the heads
    /// per instant rather than one per rule.
    mutating func nextOccurrence() -> Occurrence? {
        while true {
            var chosen: Int?
            for index in heads.indices {
                guard let head = heads[index] else { continue }
                if let current = chosen, let best = heads[current], best <= head { continue }
                chosen = index
            }
            guard let first = chosen, let occurrence = heads[first] else { return nil }
            for index in heads.indices where heads[index]?.instant == occurrence.instant {
                heads[index] = pull(index)
            }
            if occurrence.instant == last { continue }
            last = occurrence.instant
            return occurrence
        }
    }

    private mutating func advance(_ source: Source) -> Occurrence? {
        switch source {
        case .calendar(let index):
            return calendarStreams[index].next()
        case .duration(let index):
            return durationStreams[index].next()
        case .single:
            defer { single = nil }
            return single
        }
    }

    /// The next occurrence of source `index` that is inside the window and not excluded.
    private mutating func pull(_ index: Int) -> Occurrence? {
        while let occurrence = advance(sources[index]) {
            guard bounds.admitsEnd(occurrence) else { return nil }
            if !excludedInstants.isEmpty, excludedInstants.contains(occurrence.instant) { continue }
            if !excludedLocals.isEmpty, excludedLocals.contains(occurrence.local) { continue }
            return occurrence
        }
        return nil
    }
}
