/// A user as a product names one.
public struct TaskPrincipal: Hashable, Sendable {
    public var id: String?
    public var name: String?
    /// The identity provider (`local`, an SSO realm).
    public var provider: String?
    /// The organisation or tenant.
    public var organization: String?

    /// Creates a principal.
    public init(id: String? = nil, name: String? = nil, provider: String? = nil, organization: String? = nil) {
        self.id = id
        self.name = name
        self.provider = provider
        self.organization = organization
    }
}

/// Who is told when a run fails.
public struct FailureNotification: Hashable, Sendable {
    /// E-mail addresses.
    public var emails: [String]
    /// User ids notified inside the product.
    public var userIDs: [String]

    /// Creates a failure notification.
    public init(emails: [String] = [], userIDs: [String] = []) {
        self.emails = emails
        self.userIDs = userIDs
    }
}

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
    public init(id: String? = nil, nextRun: Instant? = nil, lastRun: Instant? = nil, status: String? = nil, fields: [JSONPath: JSONValue] = [:]) {
        self.id = id
        self.nextRun = nextRun
        self.lastRun = lastRun
        self.status = status
        self.fields = fields
    }
}
