/// Where one task of a migration run stands.
public enum JournalStep: Hashable, Sendable {
    /// Converted and waiting to be created.
    case planned
    /// The create was sent (or is about to be); its answer is not known yet. A rerun finds this task
    /// upstream by its idempotency key and adopts it instead of creating it again.
    case creating
    /// The upstream answered with this id.
    case created(upstreamID: String)
    /// Read back; its schedule fires at the source's instants.
    case verified(upstreamID: String)
    /// Gave up, with the reason.
    case failed(message: String)

    /// The step's name as stored.
    public var name: String {
        switch self {
        case .planned: "planned"
        case .creating: "creating"
        case .created: "created"
        case .verified: "verified"
        case .failed: "failed"
        }
    }

    /// The step's value column: the upstream id or the failure message.
    public var detail: String? {
        switch self {
        case .planned, .creating: nil
        case .created(let upstreamID), .verified(let upstreamID): upstreamID
        case .failed(let message): message
        }
    }

    /// The step stored as `name` and `detail`; nil for a name this version does not know.
    public init?(name: String, detail: String?) {
        switch (name, detail) {
        case ("planned", _): self = .planned
        case ("creating", _): self = .creating
        case ("created", let id?): self = .created(upstreamID: id)
        case ("verified", let id?): self = .verified(upstreamID: id)
        case ("failed", let message): self = .failed(message: message ?? "")
        default: return nil
        }
    }
}
