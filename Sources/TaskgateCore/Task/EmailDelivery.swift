/// Output sent by e-mail.
public struct EmailDelivery: Hashable, Sendable {
    /// How the output travels in the message.
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        case attachment, body, link
        case downloadLink = "download-link"
    }

    /// Addresses in `To:`.
    public var recipients: [String]
    /// User ids of recipients inside the product (Qlik `userIds`).
    public var userRecipients: [String]
    /// Addresses in `Cc:`.
    public var copies: [String]
    /// The subject line, if the product sets one.
    public var subject: String?
    /// The message text, if the product sets one.
    public var body: String?
    /// How the output travels in the message.
    public var mode: Mode

    /// Creates an e-mail delivery.
    public init(
        recipients: [String], userRecipients: [String] = [], copies: [String] = [], subject: String? = nil,
        body: String? = nil, mode: Mode = .attachment
    ) {
        self.recipients = recipients
        self.userRecipients = userRecipients
        self.copies = copies
        self.subject = subject
        self.body = body
        self.mode = mode
    }
}
