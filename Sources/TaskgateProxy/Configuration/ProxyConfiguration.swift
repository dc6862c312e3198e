public import TaskgateCore
public import TaskgateVendors

/// Everything one `taskgate serve` needs: which product it speaks, which it forwards to, where,
/// with which credentials, and how strict it is about conversions.
public struct ProxyConfiguration: Sendable {
    /// The product whose task API the proxy serves.
    public var front: Product
    /// The product the tasks live in.
    public var upstream: Product
    /// The upstream server's origin, `http://host:port` (no path, no trailing slash).
    public var upstreamURL: String
    /// The credential front clients must send.
    public var frontToken: String
    /// The credential sent to the upstream server for `frontToken`.
    public var upstreamToken: String
    /// More front credentials, each with the upstream credential its requests are sent with.
    public var credentials: [FrontCredential] = []
    /// Whether a front credential that is none of the configured ones is sent upstream as it came,
    /// for the upstream to judge (products that share their users, such as Qlik's two task APIs).
    public var passesFrontCredential = false
    /// Whether a conversion that is not exact is refused (422) or let through with a header.
    public var lossPolicy: LossPolicy
    /// The largest request body accepted, in bytes; a larger one is answered with 413.
    public var maximumBodyBytes: Int
    /// Vocabulary, id map, zones and proof horizon for the adapters.
    public var adapterContext: AdapterContext

    /// A front credential and the upstream credential its requests are sent with.
    public struct FrontCredential: Hashable, Sendable {
        /// What front clients send.
        public var frontToken: String
        /// What the proxy sends upstream for them.
        public var upstreamToken: String

        /// Creates a pair.
        public init(frontToken: String, upstreamToken: String) {
            self.frontToken = frontToken
            self.upstreamToken = upstreamToken
        }
    }

    /// What the proxy does with a conversion that is not exact.
    public enum LossPolicy: String, Hashable, Sendable, CaseIterable {
        /// Refuse with 422 and the loss report (the default).
        case strict
        /// Forward, and name the losses in the `Taskgate-Loss` header.
        case lenient
    }

    /// Creates a configuration.
    public init(
        front: Product, upstream: Product, upstreamURL: String, frontToken: String, upstreamToken: String,
        lossPolicy: LossPolicy = .strict, maximumBodyBytes: Int = 1024 * 1024, adapterContext: AdapterContext
    ) {
        self.front = front
        self.upstream = upstream
        var origin = upstreamURL
        while origin.hasSuffix("/") { origin.removeLast() }
        self.upstreamURL = origin
        self.frontToken = frontToken
        self.upstreamToken = upstreamToken
        self.lossPolicy = lossPolicy
        self.maximumBodyBytes = maximumBodyBytes
        self.adapterContext = adapterContext
    }

    /// Whether front and upstream are the same product: requests pass through unconverted.
    public var isPassThrough: Bool { front == upstream }
}
