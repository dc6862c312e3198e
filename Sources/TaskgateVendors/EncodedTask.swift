public import TaskgateCore

/// A task written in a product's shape, with everything that could not be kept.
public struct EncodedTask: Hashable, Sendable {
    /// The task document, or `nil` when nothing useful could be written.
    public var json: JSONValue?
    /// How the schedule was converted, with its proof.
    public var schedule: ScheduleConversion
    /// Every source part the target cannot hold.
    public var losses: [Loss]

    /// Creates an encoded task.
    public init(json: JSONValue?, schedule: ScheduleConversion, losses: [Loss]) {
        self.json = json
        self.schedule = schedule
        self.losses = losses
    }

    /// Exact when the schedule is exact and nothing was lost; impossible when nothing was written.
    public var status: ConversionStatus {
        guard json != nil else { return .impossible }
        switch schedule.status {
        case .impossible: return .impossible
        case .lossy: return .lossy
        case .exact: return losses.isEmpty ? .exact : .lossy
        }
    }
}
