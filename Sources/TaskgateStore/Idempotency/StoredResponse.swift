/// The response remembered for an idempotency key.
public struct StoredResponse: Hashable, Sendable {
    /// The HTTP status.
    public var status: Int
    /// The body sent back.
    public var body: [UInt8]
    /// The upstream id the request created, if any.
    public var upstreamID: String?

    /// Creates a stored response.
    public init(status: Int, body: [UInt8], upstreamID: String? = nil) {
        self.status = status
        self.body = body
        self.upstreamID = upstreamID
    }
}
