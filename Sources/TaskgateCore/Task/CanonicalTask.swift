/// A scheduled task in taskgate's own terms (DESIGN.md §2): every product's task decodes into
/// it and encodes from it.
///
/// Fields with a home in every product have a property here; everything else a product says is
/// kept verbatim in ``extensions`` under its own product and written back when encoding to that
/// product. ``provenance`` remembers where each canonical part came from in the source document,
/// so that a part the target cannot hold becomes a ``Loss`` that names its source path.
public struct CanonicalTask: Hashable, Sendable {
    /// Which product the task came from, its name and its description.
    public var identity: TaskIdentity
    /// Whether the task runs by itself.
    public var enabled: Bool
    /// What the task acts on (a report, an app, a workflow).
    public var target: TaskTarget?
    /// What the task does.
    public var action: TaskAction
    /// When it runs.
    public var schedule: Schedule
    /// Where its output goes.
    public var deliveries: [TaskDelivery]
    /// Who owns it.
    public var owner: TaskPrincipal?
    /// Whose identity it runs under, when that is not the owner.
    public var runAs: TaskPrincipal?
    /// Who is told when a run fails.
    public var onFailure: FailureNotification?
    /// Per product, the source fields without a canonical home, by JSON path, verbatim.
    public var extensions: [Product: [JSONPath: JSONValue]]
    /// Fields the server sets (ids, timestamps, next run): read and carried, never written on create.
    public var server: ServerState
    /// Where each canonical part came from in the source document.
    public var provenance: [CanonicalField: JSONPath]

    /// Creates a task.
    public init(
        identity: TaskIdentity, enabled: Bool = true, target: TaskTarget? = nil, action: TaskAction,
        schedule: Schedule, deliveries: [TaskDelivery] = [], owner: TaskPrincipal? = nil,
        runAs: TaskPrincipal? = nil, onFailure: FailureNotification? = nil,
        extensions: [Product: [JSONPath: JSONValue]] = [:], server: ServerState = ServerState(),
        provenance: [CanonicalField: JSONPath] = [:]
    ) {
        self.identity = identity
        self.enabled = enabled
        self.target = target
        self.action = action
        self.schedule = schedule
        self.deliveries = deliveries
        self.owner = owner
        self.runAs = runAs
        self.onFailure = onFailure
        self.extensions = extensions
        self.server = server
        self.provenance = provenance
    }
}

/// A canonical part of a task, for provenance and loss reports.
public enum CanonicalField: String, Hashable, Sendable, CaseIterable, Codable, Comparable {
    case name, description, enabled, target, action, actionFormat, actionParameters, timeout, schedule
    case emailRecipients, emailCopies, emailSubject, emailBody, emailMode, storage, notification
    case owner, runAs, onFailure

    public static func < (lhs: CanonicalField, rhs: CanonicalField) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Which product a task came from, and what people call it.
public struct TaskIdentity: Hashable, Sendable {
    /// The product the task was read from.
    public var product: Product
    /// The task's name (Wyn `description`, Qlik `name`, fylr `description`).
    public var name: String
    /// A longer description, where the product has one besides the name.
    public var description: String?

    /// Creates an identity.
    public init(product: Product, name: String, description: String? = nil) {
        self.product = product
        self.name = name
        self.description = description
    }
}

/// The object a task works on.
public struct TaskTarget: Hashable, Sendable {
    /// The kind, from the vocabulary in `mappings/`: `report`, `dashboard`, `dataset`, `app`,
    /// `workflow`, `search`.
    public var kind: String
    /// The product's id of the object (a Wyn document id, a Qlik app id, a vCO workflow id).
    public var id: String
    /// Its name, when the product gives one.
    public var name: String?

    /// Creates a target.
    public init(kind: String, id: String, name: String? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
    }
}

/// What a task does.
public struct TaskAction: Hashable, Sendable {
    /// The kind, from the vocabulary in `mappings/`: `export`, `refresh`, `reload`, `share`,
    /// `run-workflow`, `fylr-module`.
    public var kind: String
    /// The output format, where there is one: `pdf`, `xlsx`.
    public var format: String?
    /// The product's settings for the action, verbatim.
    public var parameters: JSONObject
    /// How long one run may take, in seconds; `nil` for no limit.
    public var timeoutSeconds: Int?

    /// Creates an action.
    public init(kind: String, format: String? = nil, parameters: JSONObject = [:], timeoutSeconds: Int? = nil) {
        self.kind = kind
        self.format = format
        self.parameters = parameters
        self.timeoutSeconds = timeoutSeconds
    }
}
