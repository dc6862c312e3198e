/// One HTTP request to an upstream product's API.
public struct UpstreamRequest: Hashable, Sendable {
    /// The HTTP method in upper case ("GET", "POST", …).
    public var method: String
    /// The absolute `http` or `https` URL; credentials in it never appear in errors or logs.
    public var url: String
    /// Header fields sent as given; `Content-Type` defaults to `application/json` when a body is sent.
    public var headers: [UpstreamHeader]
    /// The request body, if any.
    public var body: [UInt8]?
    /// A key that makes a non-idempotent request safe to retry; sent as `Idempotency-Key`.
    public var idempotencyKey: String?

    /// Creates a request.
    public init(
        method: String,
        url: String,
        headers: [UpstreamHeader] = [],
        body: [UInt8]? = nil,
        idempotencyKey: String? = nil
    ) {
        self.method = method.uppercased()
        self.url = url
        self.headers = headers
        self.body = body
        self.idempotencyKey = idempotencyKey
    }

    /// Whether a failed attempt may be repeated: idempotent methods (RFC 9110 §9.2.2), or any request
    /// carrying an idempotency key.
    public var isRetryable: Bool {
        idempotencyKey != nil || isIdempotent
    }

    /// Whether the method is idempotent (RFC 9110 §9.2.2): repeating it after an answer was lost leaves the
    /// server as one request would. A keyed POST is not: the server may not honour the key.
    public var isIdempotent: Bool {
        ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"].contains(method)
    }
}
