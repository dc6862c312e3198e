/// The local reading a printer puts into ``DialectContext/start`` for a schedule's window start.
///
/// A context carries the start as a wall-clock reading; a schedule may state it as an instant.
/// The two admit the same occurrences unless the zone changes its offset near the start: far
/// from a transition, a local time is later than the local start exactly when its instant is
/// later than the instant start.
enum WindowStartReading {
    /// How far from the start a transition must be for the readings to agree (two days: more
    /// than any UTC offset difference).
    static let steadyRadius: Int64 = 2 * 86_400

    /// The local start that admits the same local times as `start` (compared as a local reading,
    /// as Debian cron and fylr do with `--start`), or `nil` when none does.
    static func localStart(for start: TimePoint, in zone: inout ZoneRules) -> LocalDateTime? {
        switch start {
        case .local(let local):
            return local
        case .instant(let instant):
            guard isSteady(around: instant, in: &zone) else { return nil }
            return zone.localDateTime(at: instant)
        }
    }

    /// The local reading that names `start` as an instant when read with the first offset (as
    /// the vCO reader reads its start), or `nil` when none does.
    static func instantStart(for start: TimePoint, in zone: inout ZoneRules) -> LocalDateTime? {
        switch start {
        case .local(let local):
            guard isSteady(around: zone.resolve(local).firstReading, in: &zone) else { return nil }
            return local
        case .instant(let instant):
            let local = zone.localDateTime(at: instant)
            return zone.resolve(local).firstReading == instant ? local : nil
        }
    }

    private static func isSteady(around instant: Instant, in zone: inout ZoneRules) -> Bool {
        zone.transitions(from: instant.adding(seconds: -steadyRadius), through: instant.adding(seconds: steadyRadius))
            .isEmpty
    }
}
