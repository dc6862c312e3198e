/// Why two schedules disagree at an instant, as a class a user can act on.
public enum DifferenceReason: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// A local time that does not exist on a spring-forward day is handled differently.
    case dstGap = "dst-gap"
    /// A local time that exists twice on a fall-back day is handled differently.
    case dstOverlap = "dst-overlap"
    /// An interval counted from an anchor (every n days, weeks, minutes) falls differently.
    case intervalAnchor = "interval-anchor"
    /// The schedules select different days.
    case daySelector = "day-selector"
    /// Days that some months lack (29th–31st, the last day) are handled differently.
    case monthLength = "month-length"
    /// The instant lies outside one schedule's window (start, end, count).
    case horizonWindow = "horizon-window"
    /// The same day fires at different times of day.
    case timeOfDay = "time-of-day"
    /// The target dropped a part of the source it cannot hold (seconds, years, exclusions).
    case unsupportedField = "unsupported-field"

    /// The class's name in reports: `dst-gap`.
    public var description: String { rawValue }
}
