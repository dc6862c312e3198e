/// The answer of an upstream server; any status, including 4xx and 5xx, is a response, not an error.
public struct UpstreamResponse: Hashable, Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The header fields of the final response, in order.
    public var headers: [UpstreamHeader]
    /// The response body, at most the configured limit.
    public var body: [UInt8]
    /// How many attempts were made (1 when no retry happened).
    public var attempts: Int

    /// Creates a response.
    public init(status: Int, headers: [UpstreamHeader], body: [UInt8], attempts: Int = 1) {
        self.status = status
        self.headers = headers
        self.body = body
        self.attempts = attempts
    }
}
