import ArgumentParser
import TaskgateCore

/// `PRODUCT=URL` as `--from` and `--to` take it: `fylr=https://fylr.example.com`.
struct EndpointArgument: ExpressibleByArgument, Hashable, Sendable {
    /// The product.
    var product: Product
    /// The server's base URL.
    var url: String

    /// Reads `PRODUCT=URL`; `nil` (argument-parser's error) when either part is missing or unknown.
    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let product = Product(rawValue: parts[0]),
            parts[1].hasPrefix("http://") || parts[1].hasPrefix("https://")
        else { return nil }
        self.product = product
        url = parts[1]
    }

    /// The expected form, for help texts and errors.
    static let expected =
        "PRODUCT=URL with PRODUCT one of \(Product.allCases.map(\.rawValue).joined(separator: ", ")) "
        + "and an http(s) URL"
}
