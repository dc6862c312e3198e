/// One place where two schedules disagree: an instant only one of them fires at, or the same run
/// moved to another instant.
public struct OccurrenceDifference: Hashable, Sendable, CustomStringConvertible {
    /// Where the source fires, or `nil` when only the target fires.
    public var source: Instant?
    /// Where the target fires, or `nil` when only the source fires.
    public var target: Instant?
    /// The class of the difference.
    public var reason: DifferenceReason
    /// A sentence with the local times: `2026-03-08 02:30 America/New_York: the source does not
    /// fire; the target fires at 2026-03-08T07:30:00Z (03:30 -04:00)`.
    public var note: String

    /// Creates a difference.
    public init(source: Instant?, target: Instant?, reason: DifferenceReason, note: String) {
        self.source = source
        self.target = target
        self.reason = reason
        self.note = note
    }

    /// `source 2026-03-08T07:30:00Z, target none (dst-gap): …`.
    public var description: String {
        "source \(source?.description ?? "none"), target \(target?.description ?? "none") (\(reason)): \(note)"
    }
}
