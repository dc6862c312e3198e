/// Conversions already proved in this process, shared by the tasks of one run: an export holds the same
/// few schedules many times over ("weekdays at 8:00" in a zone), and each proof enumerates two years.
///
/// A conversion depends only on its key — the source schedule, the target's profile, "now" and the
/// horizon — so a remembered one is the very value a new proof would give. Bounded: when `capacity`
/// conversions are held, the memo starts again from empty.
public final class ConversionMemo: Sendable {
    /// What a conversion depends on.
    struct Key: Hashable, Sendable {
        var source: Schedule
        var profile: TargetProfile
        var now: Instant
        var horizon: VerificationHorizon
    }

    private let conversions: BoundedMemo<Key, ScheduleConversion>

    /// An empty memo holding up to `capacity` conversions.
    public init(capacity: Int = 4_096) {
        conversions = BoundedMemo(capacity: capacity)
    }

    /// The conversion remembered for `key`, or `make()`'s, remembered. Two tasks asking at once for the
    /// same key may both prove it; both get the same value.
    func conversion(for key: Key, make: () -> ScheduleConversion) -> ScheduleConversion {
        conversions.value(for: key, make: make)
    }

    /// How many conversions are held.
    public var count: Int { conversions.count }
}
