public import TaskgateCore
public import TaskgateVendors

/// One source task, read and converted, with what the migration will do with it.
public struct PlannedTask: Hashable, Sendable {
    /// The task's id in the source product (its position, `#3`, when the product gave none).
    public var sourceID: String
    /// The task's name, for tables.
    public var name: String
    /// The source document as listed.
    public var document: JSONValue
    /// The decoded task; `nil` when it could not be read.
    public var source: CanonicalTask?
    /// The task in the target's shape, with its schedule proof and losses; `nil` when not read.
    public var encoded: EncodedTask?
    /// Create, skip or fail.
    public var decision: PlanDecision

    /// Creates a planned task.
    public init(
        sourceID: String, name: String, document: JSONValue, source: CanonicalTask?, encoded: EncodedTask?,
        decision: PlanDecision
    ) {
        self.sourceID = sourceID
        self.name = name
        self.document = document
        self.source = source
        self.encoded = encoded
        self.decision = decision
    }

    /// The conversion verdict: exact, lossy or impossible; `nil` when the task was not read.
    public var status: ConversionStatus? { encoded?.status }
}
