/// A point on the time line, to the second, independent of any zone.
///
/// taskgate's schedules are exact to the second (Quartz's finest field), so an instant is a
/// whole number of seconds since 1970-01-01T00:00:00Z. Sub-second parts of input values are
/// truncated toward the past, as Quartz does with a trigger's start time.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64

    /// Creates an instant from seconds since the Unix epoch.
    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Earlier instants sort first.
    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    /// The instant `seconds` later (earlier when negative).
    public func adding(seconds: Int64) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// The wall-clock reading of this instant at a fixed UTC offset.
    public func localDateTime(offset: Int) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: secondsSinceEpoch + Int64(offset))
    }

    /// RFC 3339 in UTC, to the second: `2026-03-08T07:30:00Z`.
    public var description: String {
        localDateTime(offset: 0).description + "Z"
    }
}
