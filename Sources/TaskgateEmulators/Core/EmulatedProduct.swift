/// The five product APIs an emulator can stand in for.
public enum EmulatedProduct: String, CaseIterable, Hashable, Sendable {
    /// Wyn Enterprise scheduler, `/api/v2/scheduler/tasks`.
    case wyn
    /// Qlik Cloud sharing tasks, `/api/v1/sharing-tasks`.
    case qlikSharing = "qlik-sharing"
    /// Qlik Cloud scheduling tasks, `/api/scheduling/tasks`.
    case qlikScheduling = "qlik-scheduling"
    /// fylr background tasks, `/api/v1/task`.
    case fylr
    /// vRealize Orchestrator scheduled tasks, `/vco/api/tasks`.
    case vco

    /// The collection path the product serves its tasks under.
    public var basePath: String {
        switch self {
        case .wyn: "/api/v2/scheduler/tasks"
        case .qlikSharing: "/api/v1/sharing-tasks"
        case .qlikScheduling: "/api/scheduling/tasks"
        case .fylr: "/api/v1/task"
        case .vco: "/vco/api/tasks"
        }
    }

    /// The description of this product's API that the generic core serves.
    var description: any ProductDescription {
        switch self {
        case .wyn: WynDescription()
        case .qlikSharing: QlikSharingDescription()
        case .qlikScheduling: QlikSchedulingDescription()
        case .fylr: FylrDescription()
        case .vco: VcoDescription()
        }
    }
}
