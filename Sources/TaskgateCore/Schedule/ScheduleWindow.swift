/// The span in which a schedule may fire: both bounds inclusive, either open.
public struct ScheduleWindow: Hashable, Sendable {
    /// The earliest point at which the schedule may fire; `nil` for no bound.
    public var start: TimePoint?
    /// The latest point at which the schedule may fire; `nil` for no bound.
    public var end: TimePoint?

    /// Creates a window; a `nil` bound is open.
    public init(start: TimePoint? = nil, end: TimePoint? = nil) {
        self.start = start
        self.end = end
    }

    /// No bound on either side.
    public static let unbounded = ScheduleWindow()
}
