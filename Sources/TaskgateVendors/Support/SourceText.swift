public import TaskgateCore

/// The source's own spelling of fields that also have a canonical value — Wyn's Quartz patterns,
/// zone ids and dates, vCO's recurrence pattern — kept in a task's ``CanonicalTask/extensions``
/// under the `@source` prefix, so that encoding back to the same product writes the text it read
/// when the canonical value is unchanged (wyn.md §6: "keep the original string when unchanged";
/// vco.md §11 V16).
///
/// These entries are not fields without a home: they never become a ``Loss``.
public enum SourceText {
    /// The marker component.
    public static let marker = "@source"

    /// The extension path that keeps the source text of the field at `path`.
    public static func path(for path: JSONPath) -> JSONPath {
        var components: [JSONPath.Component] = []
        components.reserveCapacity(path.components.count + 1)
        components.append(.key(marker))
        components.append(contentsOf: path.components)
        return JSONPath(components: components)
    }

    /// Whether an extension path keeps source text rather than a field without a home.
    public static func isSourceText(_ path: JSONPath) -> Bool {
        path.components.first == .key(marker)
    }

    /// The source text kept for the field at `path`, if the task came from `product`.
    static func text(of path: JSONPath, in task: CanonicalTask, product: Product) -> JSONValue? {
        guard task.identity.product == product else { return nil }
        return task.extensions[product]?[Self.path(for: path)]
    }
}
