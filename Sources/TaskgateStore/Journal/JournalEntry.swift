/// One task of one migration run, as the journal last recorded it.
public struct JournalEntry: Hashable, Sendable {
    /// The run this entry belongs to.
    public var run: String
    /// The task's id in the source product.
    public var taskSourceID: String
    /// Where the task stands.
    public var step: JournalStep
    /// The key every create of this task carries, so that a repeated create never makes two tasks.
    public var idempotencyKey: String

    /// Creates an entry.
    public init(run: String, taskSourceID: String, step: JournalStep, idempotencyKey: String) {
        self.run = run
        self.taskSourceID = taskSourceID
        self.step = step
        self.idempotencyKey = idempotencyKey
    }
}
