/// One `key: value` pair of a mapping table, in the order and at the line its file gives it.
///
/// Loaders (which read YAML at the edge) hand the typed tables ordered entries rather than a
/// dictionary, so that a duplicate key is reported with its file and line instead of being
/// silently overwritten.
public struct MappingEntry: Hashable, Sendable {
    /// The key as written.
    public var key: String
    /// The value as written.
    public var value: String
    /// The 1-based line of the key in its file, when the loader knows it.
    public var line: Int?

    /// Creates an entry.
    public init(key: String, value: String, line: Int? = nil) {
        self.key = key
        self.value = value
        self.line = line
    }
}
