/// A migration step that could not be carried out: listing, reading the journal, a remote call.
public struct MigrationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was being done ("list tasks of fylr at http://…").
    public var operation: String
    /// What went wrong, with the value found and what was expected.
    public var message: String

    /// Creates an error.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// "operation: message".
    public var description: String { "\(operation): \(message)" }
}
