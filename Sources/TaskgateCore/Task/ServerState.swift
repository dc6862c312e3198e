/// What the server sets on a task: read and carried as metadata, never written on create.
public struct ServerState: Hashable, Sendable {
    /// The product's id of the task.
    public var id: String?
    /// When the product will run the task next, if it says.
    public var nextRun: Instant?
    /// When it last ran, if it says.
    public var lastRun: Instant?
    /// The product's status of the task or its last run, verbatim.
    public var status: String?
    /// Every server-set field, by path, verbatim (timestamps, owners, links).
    public var fields: [JSONPath: JSONValue]

    /// Creates server state.
    public init(
        id: String? = nil, nextRun: Instant? = nil, lastRun: Instant? = nil, status: String? = nil,
        fields: [JSONPath: JSONValue] = [:]
    ) {
        self.id = id
        self.nextRun = nextRun
        self.lastRun = lastRun
        self.status = status
        self.fields = fields
    }
}
