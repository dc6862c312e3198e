/// A part of a source task that the target cannot hold: data, not a log line.
///
/// Every field of a source task either lands in the target or becomes a `Loss` naming where it
/// was, what it held, and why the target cannot hold it.
public struct Loss: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Where the value was in the source document.
    public var path: JSONPath
    /// The value that is lost.
    public var value: JSONValue
    /// Why the target cannot hold it.
    public var reason: String

    /// Creates a loss.
    public init(path: JSONPath, value: JSONValue, reason: String) {
        self.path = path
        self.value = value
        self.reason = reason
    }

    /// `deployTo.emailAttach.settings.replyTo ("a@example.com"): qlik-sharing has no reply-to address`.
    public var description: String { "\(path): \(reason)" }

    /// Losses sort by source path, then reason.
    public static func < (lhs: Loss, rhs: Loss) -> Bool { (lhs.path, lhs.reason) < (rhs.path, rhs.reason) }
}
