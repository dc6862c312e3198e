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
