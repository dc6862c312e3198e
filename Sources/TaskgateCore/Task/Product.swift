/// A product whose scheduled tasks taskgate reads and writes.
public enum Product: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Wyn Enterprise, `/api/v2/scheduler/tasks`.
    case wyn
    /// Qlik Cloud sharing tasks, `/api/v1/sharing-tasks`.
    case qlikSharing = "qlik-sharing"
    /// Qlik Cloud scheduling tasks, `/api/scheduling/tasks`.
    case qlikScheduling = "qlik-scheduling"
    /// fylr background tasks, `/api/v1/task`.
    case fylr
    /// vRealize Orchestrator tasks, `/vco/api/tasks`.
    case vco

    /// The product's name on the command line: `qlik-sharing`.
    public var description: String { rawValue }

    /// The product's name as people write it.
    public var displayName: String {
        switch self {
        case .wyn: "Wyn Enterprise"
        case .qlikSharing: "Qlik Cloud sharing tasks"
        case .qlikScheduling: "Qlik Cloud scheduling tasks"
        case .fylr: "fylr"
        case .vco: "vRealize Orchestrator"
        }
    }
}
