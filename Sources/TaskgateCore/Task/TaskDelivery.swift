/// Where a task's output goes.
public enum TaskDelivery: Hashable, Sendable {
    /// By e-mail.
    case email(EmailDelivery)
    /// Into a store: Wyn's document storage, a file share, SharePoint, FTP, S3.
    case storage(StorageDelivery)
    /// As an in-app notification to users.
    case notification(NotificationDelivery)
}
