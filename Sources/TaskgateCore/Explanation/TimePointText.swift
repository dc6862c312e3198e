/// Writes bounds, exclusions and instants as the schedule's zone reads them.
///
/// A local point is written as it is (`2026-01-05 09:00`); an instant as the wall-clock
/// reading in the zone with its offset (`2026-01-05 09:00 +01:00`), so the reader sees both
/// the local time and the exact point on the time line.
struct TimePointText {
    private var zone: ZoneRules

    init(zone: ZoneRules) {
        self.zone = zone
    }

    mutating func text(_ point: TimePoint) -> String {
        switch point {
        case .local(let local): ClockText.dateTime(local)
        case .instant(let instant): text(instant)
        }
    }

    mutating func text(_ instant: Instant) -> String {
        let offset = zone.offset(at: instant)
        return ClockText.dateTime(instant.localDateTime(offset: offset)) + " " + ClockText.offset(offset)
    }
}
