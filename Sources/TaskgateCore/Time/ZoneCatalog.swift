/// Zone rules prepared once and handed out many times: for work that reads the same zones over
/// and over (a batch of expressions, a benchmark, the equivalence check of many conversions).
///
/// Each zone's transitions from 1900 through 2100 are read from the time-zone database the first
/// time the zone is asked for; copies of its rules share that table, and an enumeration that runs
/// past 2100 extends its own copy.
public struct ZoneCatalog: Sendable {
    private var prepared: [String: ZoneRules] = [:]
    /// The span prepared for every zone.
    static let span = Instant(secondsSinceEpoch: -2_208_988_800)...Instant(secondsSinceEpoch: 4_133_980_800)

    /// An empty catalog.
    public init() {}

    /// The rules of a zone, or `nil` when the system does not know it.
    public mutating func rules(for identifier: String) -> ZoneRules? {
        if let rules = prepared[identifier] { return rules }
        guard var rules = ZoneRules(identifier: identifier) else { return nil }
        rules.prepare(from: Self.span.lowerBound, through: Self.span.upperBound)
        prepared[identifier] = rules
        return rules
    }
}

extension Schedule {
    /// The occurrences strictly after `instant`, with the zone's rules from a catalog.
    ///
    /// - Throws: ``UnknownTimeZoneError`` when ``zone`` is not known.
    public func occurrences(
        after instant: Instant, zones: inout ZoneCatalog
    ) throws(UnknownTimeZoneError) -> ScheduleOccurrences {
        guard let rules = zones.rules(for: zone) else { throw UnknownTimeZoneError(identifier: zone) }
        return ScheduleOccurrences(self, after: instant, zone: rules)
    }

    /// The first `count` instants strictly after `instant`, with the zone's rules from a catalog.
    public func nextOccurrences(
        after instant: Instant, count: Int, zones: inout ZoneCatalog
    ) throws(UnknownTimeZoneError) -> [Instant] {
        guard count > 0 else { return [] }
        var occurrences = try occurrences(after: instant, zones: &zones)
        return occurrences.take(count)
    }
}
