/// How one task of a migration ended.
public struct TaskOutcome: Hashable, Sendable {
    /// What happened to the task.
    public enum Action: String, Hashable, Sendable, Codable, CaseIterable {
        /// Created in the target by this run.
        case created
        /// Found in the target after an earlier run lost the answer, and taken as created.
        case adopted
        /// Created by an earlier run (the journal says so); verified now, unless an earlier run did.
        case resumed
        /// Left out as lossy or impossible.
        case skipped
        /// Could not be read, written or verified.
        case failed
    }

    /// The task's id in the source.
    public var sourceID: String
    /// The task's name.
    public var name: String
    /// What happened.
    public var action: Action
    /// The task's id in the target, when it is there.
    public var targetID: String?
    /// Whether the task read back from the target fires at the source's instants and holds every
    /// field sent.
    public var verified: Bool
    /// Why it was skipped or failed, or what verification found.
    public var message: String?

    /// Creates an outcome.
    public init(
        sourceID: String, name: String, action: Action, targetID: String? = nil, verified: Bool = false,
        message: String? = nil
    ) {
        self.sourceID = sourceID
        self.name = name
        self.action = action
        self.targetID = targetID
        self.verified = verified
        self.message = message
    }
}
