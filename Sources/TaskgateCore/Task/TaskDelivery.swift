/// Where a task's output goes.
public enum TaskDelivery: Hashable, Sendable {
    /// By e-mail.
    case email(EmailDelivery)
    /// Into a store: Wyn's document storage, a file share, SharePoint, FTP, S3.
    case storage(StorageDelivery)
    /// As an in-app notification to users.
    case notification(NotificationDelivery)
}

/// Output sent by e-mail.
public struct EmailDelivery: Hashable, Sendable {
    /// How the output travels in the message.
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        case attachment, body, link, downloadLink = "download-link"
    }

    /// Addresses in `To:`.
    public var recipients: [String]
    /// User ids of recipients inside the product (Qlik `userIds`).
    public var userRecipients: [String]
    /// Addresses in `Cc:`.
    public var copies: [String]
    public var subject: String?
    public var body: String?
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

/// Output written to a store.
public struct StorageDelivery: Hashable, Sendable {
    /// The kind of store, from the vocabulary in `mappings/`: `wyn-document-store`, `smb`,
    /// `external`, `sharepoint`.
    public var kind: String
    /// A folder or path, where the product names one.
    public var location: String?
    /// The product's settings for the store, verbatim.
    public var settings: JSONObject

    /// Creates a storage delivery.
    public init(kind: String, location: String? = nil, settings: JSONObject = [:]) {
        self.kind = kind
        self.location = location
        self.settings = settings
    }
}

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
