/// A bound or an excluded date as a product states it: an instant, or a wall-clock reading
/// in the schedule's zone.
///
/// The two compare differently around DST changes, and engines differ in which they use:
/// Wyn's `startDate` is an instant, an RRULE's DTSTART and a Qlik sharing task's
/// `startDateTime` are wall-clock readings compared as such.
public enum TimePoint: Hashable, Sendable, CustomStringConvertible {
    case instant(Instant)
    case local(LocalDateTime)

    /// RFC 3339 for an instant, ISO 8601 without offset for a local reading.
    public var description: String {
        switch self {
        case .instant(let instant): instant.description
        case .local(let local): local.description
        }
    }
}
