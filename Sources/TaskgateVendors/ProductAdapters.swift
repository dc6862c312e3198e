public import TaskgateCore

/// The adapter for each product (WAVE-3: the lead fills in every product at merge; this branch
/// has fylr only).
public enum ProductAdapters {
    /// A product this build has no adapter for yet.
    public struct Unavailable: Error, Hashable, Sendable, CustomStringConvertible {
        /// The product asked for.
        public var product: Product

        /// `no adapter for wyn in this build; available: fylr`.
        public var description: String {
            "no adapter for \(product) in this build; available: "
                + ProductAdapters.available.map(\.rawValue).joined(separator: ", ")
        }
    }

    /// The products this build can read and write.
    public static let available: [Product] = [.fylr]

    /// The adapter that reads and writes `product`.
    ///
    /// - Throws: ``Unavailable`` for a product without an adapter in this build.
    public static func adapter(for product: Product) throws -> any ProductAdapter {
        switch product {
        case .fylr: FylrAdapter()
        case .wyn, .qlikSharing, .qlikScheduling, .vco: throw Unavailable(product: product)
        }
    }
}
