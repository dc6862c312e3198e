import TaskgateCore

/// The fields only the source product has: its ``CanonicalTask/extensions``, less the adapter's own
/// copies of parts that have a canonical home (``SourceText`` and ``SourceMirrors``), which the
/// target receives through the canonical model instead.
enum ForeignFields {
    /// One loss per source-only field that `target` cannot hold, in path order.
    static func losses(of task: CanonicalTask, into target: Product) -> [Loss] {
        let source = task.identity.product
        guard source != target, let fields = task.extensions[source] else { return [] }
        let mirrors = SourceMirrors.paths(of: source)
        return fields.filter { !mirrors.contains($0.key) && !SourceText.isSourceText($0.key) }
            .sorted { $0.key < $1.key }
            .map { path, value in
                Loss(path: path, value: value, reason: "\(target) has no field for \(source)'s '\(path)'")
            }
    }
}
