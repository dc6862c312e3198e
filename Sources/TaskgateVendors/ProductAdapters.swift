public import TaskgateCore

/// The adapter for each product: the one place the command line, the proxy and migrations get
/// their readers and writers from.
public enum ProductAdapters {
    /// The products this build can read and write.
    public static let available: [Product] = Product.allCases

    /// The adapter that reads and writes `product`.
    public static func adapter(for product: Product) -> any ProductAdapter {
        switch product {
        case .wyn: WynAdapter()
        case .qlikSharing: QlikSharingAdapter()
        case .qlikScheduling: QlikSchedulingAdapter()
        case .fylr: FylrAdapter()
        case .vco: VcoAdapter()
        }
    }
}
