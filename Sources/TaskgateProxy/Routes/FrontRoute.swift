/// Which of the front product's task operations a request is.
enum FrontRoute: Hashable, Sendable {
    /// Create a task.
    case create
    /// List tasks, paged in the front product's style.
    case list
    /// Read one task.
    case get(String)
    /// Replace one task.
    case update(String)
    /// Delete one task.
    case delete(String)
    /// Start one task now.
    case run(String)

    /// The route's name in metrics and logs.
    var name: String {
        switch self {
        case .create: "create"
        case .list: "list"
        case .get: "get"
        case .update: "update"
        case .delete: "delete"
        case .run: "run"
        }
    }
}
