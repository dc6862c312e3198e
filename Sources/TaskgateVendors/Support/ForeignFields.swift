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
        // Gathered into an array, not filtered into another dictionary: most extensions are source texts,
        // and a task usually has no foreign field at all.
        var foreign: [(path: JSONPath, value: JSONValue)] = []
        for (path, value) in fields where !SourceText.isSourceText(path) && !mirrors.contains(path) {
            foreign.append((path, value))
        }
        foreign.sort { $0.path < $1.path }
        return foreign.map { path, value in
            Loss(path: path, value: value, reason: "\(target) has no field for \(source)'s '\(path)'")
        }
    }
}
