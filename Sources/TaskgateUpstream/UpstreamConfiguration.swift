/// How an `UpstreamClient` connects, waits, limits and retries.
public struct UpstreamConfiguration: Hashable, Sendable {
    /// How long establishing a connection (TCP and TLS) may take.
    public var connectTimeout: Duration
    /// How long a whole attempt may take, from start to the last byte.
    public var totalTimeout: Duration
    /// Turns TLS certificate and host name verification off; on (`false`) by default.
    public var insecure: Bool
    /// The largest response body accepted, in bytes; a larger one fails with `.responseBodyTooLarge`.
    public var maximumResponseBodyBytes: Int
    /// The most connections kept open at once (0: no limit); idle ones are reused.
    public var maximumConnections: Int
    /// When and how often a failed attempt is repeated.
    public var retry: UpstreamRetryPolicy

    /// Creates a configuration; the defaults suit a product API on a local network.
    public init(
        connectTimeout: Duration = .seconds(5),
        totalTimeout: Duration = .seconds(30),
        insecure: Bool = false,
        maximumResponseBodyBytes: Int = 16 * 1024 * 1024,
        maximumConnections: Int = 0,
        retry: UpstreamRetryPolicy = UpstreamRetryPolicy()
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.insecure = insecure
        self.maximumResponseBodyBytes = maximumResponseBodyBytes
        self.maximumConnections = maximumConnections
        self.retry = retry
    }
}

extension Duration {
    /// The duration in whole milliseconds, at least 1 when positive.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int(milliseconds == 0 && attoseconds > 0 ? 1 : milliseconds)
    }
}
