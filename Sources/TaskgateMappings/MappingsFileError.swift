/// A mapping file that cannot be used: missing, unreadable, not the expected YAML, or holding
/// values the tables reject. The description names the file and what is wrong.
public struct MappingsFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, with the file's path.
    public var description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}
