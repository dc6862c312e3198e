/// What a dialect's text does not say but its product does: the zone, the start of the window,
/// and the moment the schedule is read.
public struct DialectContext: Hashable, Sendable {
    /// The IANA zone local times are read in, unless the text names its own.
    public var zone: String
    /// The window's start as a local time in ``zone`` (RRULE DTSTART, Qlik `startDateTime`,
    /// the command line's `--start`); `nil` when the product gives none.
    public var start: LocalDateTime?
    /// The window's end, when the product gives one outside the text (Wyn `endDate`).
    public var end: TimePoint?
    /// "Now", for dialects whose meaning depends on it: an RRULE without DTSTART starts now;
    /// Java Quartz stops firing 100 years after the current year. Never read from a clock here.
    public var reference: Instant

    /// Creates a context.
    public init(zone: String, start: LocalDateTime? = nil, end: TimePoint? = nil, reference: Instant) {
        self.zone = zone
        self.start = start
        self.end = end
        self.reference = reference
    }
}
