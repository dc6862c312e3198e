/// Output announced inside the product.
public struct NotificationDelivery: Hashable, Sendable {
    /// The kind of notice: `online-link`, `download-link`.
    public var kind: String
    /// User ids to notify.
    public var recipients: [String]

    /// Creates a notification delivery.
    public init(kind: String, recipients: [String] = []) {
        self.kind = kind
        self.recipients = recipients
    }
}
