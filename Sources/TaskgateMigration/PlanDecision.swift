/// What a migration does with one planned task.
public enum PlanDecision: Hashable, Sendable {
    /// Create it in the target.
    case create
    /// Leave it out (lossy under `--lossy skip`, or impossible), with the reason.
    case skip(reason: String)
    /// Count it as failed without writing it (unreadable, or lossy under `--lossy fail`).
    case fail(reason: String)
}
