/// The outcome of enumerating two schedules over the same span and comparing them instant by
/// instant.
public struct EquivalenceReport: Hashable, Sendable {
    /// The first instant compared.
    public var from: Instant
    /// The last instant compared.
    public var through: Instant
    /// How many instants of the source fell in the span.
    public var sourceOccurrences: Int
    /// How many instants of the target fell in the span.
    public var targetOccurrences: Int
    /// The first differences, in time order (at most ``EquivalenceCheck/reportedDifferences``).
    public var differences: [OccurrenceDifference]
    /// How many differences there were in all.
    public var differenceCount: Int

    /// Whether the two schedules fired at exactly the same instants over the span.
    public var isExact: Bool { differenceCount == 0 }
}
