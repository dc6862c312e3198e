/// A `--filter` condition that does not read.
public struct TaskFilterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The condition as given.
    public var condition: String
    /// What was found and what was expected.
    public var message: String

    /// Creates an error.
    public init(condition: String, message: String) {
        self.condition = condition
        self.message = message
    }

    /// `filter 'colour=red': field 'colour' is unknown; expected one of …`.
    public var description: String { "filter '\(condition)': \(message)" }
}
