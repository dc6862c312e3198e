/// A store operation that failed.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Hashable, Sendable {
        /// The database could not be opened, read or written.
        case database
        /// An idempotency key was reused with a different request.
        case idempotencyConflict(key: String)
        /// A journal entry or key the operation needs does not exist.
        case notFound
    }

    /// What went wrong.
    public var kind: Kind
    /// The operation, as a user would name it ("claim idempotency key").
    public var operation: String
    /// The detail: the database's message, or what was found and expected.
    public var message: String

    /// Creates an error.
    public init(kind: Kind, operation: String, message: String) {
        self.kind = kind
        self.operation = operation
        self.message = message
    }

    /// "operation: message".
    public var description: String { "\(operation): \(message)" }
}
