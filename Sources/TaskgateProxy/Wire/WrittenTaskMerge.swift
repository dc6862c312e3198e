import TaskgateCore

/// What the proxy answers for an upstream task the front's shape cannot hold exactly: the upstream's
/// task, with the parts the upstream cannot hold taken from the task as the front last wrote it.
///
/// A Wyn export kept in vCO is a workflow run there; read back as it is, it has no Wyn task type and
/// no mail settings, and could not be answered at all. The upstream stays the truth for what it holds —
/// when the task runs and whether it is on, its name, its deliveries and people when it has them — and
/// the front's own action, target, extensions and field provenance come from what the front wrote.
enum WrittenTaskMerge {
    /// `upstream` (read back from the upstream server) completed from `written` (the front's last write).
    static func merge(upstream: CanonicalTask, written: CanonicalTask) -> CanonicalTask {
        var merged = written
        merged.enabled = upstream.enabled
        merged.schedule = upstream.schedule
        merged.server = upstream.server
        if !upstream.identity.name.isEmpty { merged.identity.name = upstream.identity.name }
        if let description = upstream.identity.description { merged.identity.description = description }
        if !upstream.deliveries.isEmpty { merged.deliveries = upstream.deliveries }
        if let owner = upstream.owner { merged.owner = owner }
        if let runAs = upstream.runAs { merged.runAs = runAs }
        if let onFailure = upstream.onFailure { merged.onFailure = onFailure }
        return merged
    }
}
