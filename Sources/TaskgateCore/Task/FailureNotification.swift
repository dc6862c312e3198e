/// Who is told when a run fails.
public struct FailureNotification: Hashable, Sendable {
    /// E-mail addresses.
    public var emails: [String]
    /// User ids notified inside the product.
    public var userIDs: [String]

    /// Creates a failure notification.
    public init(emails: [String] = [], userIDs: [String] = []) {
        self.emails = emails
        self.userIDs = userIDs
    }
}
