public import TaskgateCore

/// One task known under two ids: the front product's and the upstream product's.
public struct IDMapping: Hashable, Sendable {
    /// The product clients talk to.
    public var front: Product
    /// The id clients see.
    public var frontID: String
    /// The product that holds the task.
    public var upstream: Product
    /// The id the upstream assigned.
    public var upstreamID: String

    /// Creates a mapping.
    public init(front: Product, frontID: String, upstream: Product, upstreamID: String) {
        self.front = front
        self.frontID = frontID
        self.upstream = upstream
        self.upstreamID = upstreamID
    }
}
