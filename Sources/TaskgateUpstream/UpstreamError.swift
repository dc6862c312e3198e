/// A request that got no usable answer from the upstream server.
///
/// The description names the method, the URL with credentials and secret query values removed, and curl's
/// message: "GET http://127.0.0.1:1/tasks: connection failed: Failed to connect to 127.0.0.1 port 1 …".
public struct UpstreamError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Hashable, Sendable {
        /// The request could not be built (bad URL, bad method, bad header).
        case invalidRequest
        /// No connection could be made (refused, unreachable, name not resolved).
        case connectionFailed
        /// The connection closed, or failed, after the request left and before a whole answer arrived: the
        /// server may have acted on it.
        case connectionLost
        /// The connect or total timeout passed.
        case timedOut
        /// TLS failed (certificate not trusted, handshake failed).
        case tlsFailed
        /// The response body passed the configured limit, in bytes.
        case responseBodyTooLarge(limit: Int)
        /// The waiting task was cancelled.
        case cancelled
        /// The client was shut down before the request completed.
        case shutDown
        /// Any other transfer failure, with curl's code.
        case transport(code: Int)
    }

    /// What went wrong.
    public var kind: Kind
    /// The request's method.
    public var method: String
    /// The request's URL with credentials and secret query values replaced by `REDACTED`.
    public var url: String
    /// curl's message (or ours), with secrets removed.
    public var message: String

    /// Creates an error; `url` and `message` must already be redacted.
    public init(kind: Kind, method: String, url: String, message: String) {
        self.kind = kind
        self.method = method
        self.url = url
        self.message = message
    }

    /// "METHOD URL: summary: message".
    public var description: String {
        "\(method) \(url): \(summary): \(message)"
    }

    private var summary: String {
        switch kind {
        case .invalidRequest: "invalid request"
        case .connectionFailed: "connection failed"
        case .connectionLost: "connection lost"
        case .timedOut: "timed out"
        case .tlsFailed: "TLS failed"
        case .responseBodyTooLarge(let limit): "response body larger than \(limit) bytes"
        case .cancelled: "cancelled"
        case .shutDown: "client shut down"
        case .transport(let code): "transfer failed (curl code \(code))"
        }
    }
}
