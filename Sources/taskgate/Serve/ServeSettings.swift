import Foundation
import TaskgateCore
import TaskgateProxy
import Yams

/// The settings of `taskgate serve`, merged from the YAML config file, the environment and the
/// flags (flags win, then the environment, then the file).
struct ServeSettings: Hashable, Sendable {
    /// The front product.
    var front: Product = .wyn
    /// The upstream product.
    var upstream: Product = .qlikSharing
    /// The upstream origin; `nil` runs a built-in emulator of the upstream product in process.
    var upstreamURL: String?
    /// The host to bind.
    var host = "127.0.0.1"
    /// The port to listen on.
    var port = 8080
    /// The store: an SQLite file, or a `postgres://` URL (`StoreLocation`).
    var store = "taskgate.sqlite"
    /// The front credential; generated when `nil`.
    var frontToken: String?
    /// The upstream credential.
    var upstreamToken: String?
    /// More front credentials, each with its upstream credential (`credentials:` in the config file).
    var credentials: [ProxyConfiguration.FrontCredential] = []
    /// Whether other front credentials are sent upstream as they came.
    var passCredential = false
    /// Whether lossy conversions are let through.
    var lenient = false
    /// Whether upstream TLS verification is off.
    var insecure = false

    /// Reads `--upstream PRODUCT[=URL]`.
    static func upstream(_ text: String) throws -> (Product, String?) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard let product = Product(rawValue: parts.first ?? "") else {
            throw SettingsError(
                "--upstream: '\(text)' does not start with a product; expected PRODUCT=URL with PRODUCT one of "
                    + Product.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard parts.count == 2 else { return (product, nil) }
        let url = parts[1]
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw SettingsError("--upstream: '\(url)' is not an http:// or https:// URL")
        }
        return (product, url)
    }

    /// Applies a YAML config file: keys `front`, `upstream` (PRODUCT=URL), `host`, `port`, `store`,
    /// `front-token`, `upstream-token`, `credentials` (a list of `front-token`/`upstream-token` pairs),
    /// `pass-credential`, `lenient`, `insecure`.
    mutating func apply(yaml text: String, file: String) throws {
        guard let node = try Yams.compose(yaml: text), let mapping = node.mapping else {
            throw SettingsError("\(file): expected a mapping of settings at the top level")
        }
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            let value = valueNode.string ?? ""
            switch key {
            case "front":
                guard let product = Product(rawValue: value) else {
                    throw SettingsError("\(file): front: '\(value)' is not a product")
                }
                front = product
            case "upstream": (upstream, upstreamURL) = try Self.upstream(value)
            case "host": host = value
            case "port":
                guard let number = Int(value), (0...65535).contains(number) else {
                    throw SettingsError("\(file): port: '\(value)' is not a port number")
                }
                port = number
            case "store": store = value
            case "front-token": frontToken = value
            case "upstream-token": upstreamToken = value
            case "credentials": credentials = try Self.credentials(valueNode, file: file)
            case "pass-credential": passCredential = value == "true"
            case "lenient": lenient = value == "true"
            case "insecure": insecure = value == "true"
            default:
                throw SettingsError(
                    "\(file): '\(key)' is not a setting; expected front, upstream, host, port, store, front-token, "
                        + "upstream-token, credentials, pass-credential, lenient or insecure")
            }
        }
    }

    /// Reads `credentials:`, a list of `{front-token: …, upstream-token: …}`; errors name the item, never a value.
    static func credentials(_ node: Node, file: String) throws -> [ProxyConfiguration.FrontCredential] {
        guard let items = node.sequence else {
            throw SettingsError("\(file): credentials: expected a list of front-token/upstream-token pairs")
        }
        return try items.enumerated().map { index, item in
            guard let pair = item.mapping,
                let front = pair["front-token"]?.string, !front.isEmpty,
                let upstream = pair["upstream-token"]?.string, !upstream.isEmpty,
                pair.count == 2
            else {
                throw SettingsError(
                    "\(file): credentials[\(index)]: expected exactly front-token and upstream-token, both not empty")
            }
            return ProxyConfiguration.FrontCredential(frontToken: front, upstreamToken: upstream)
        }
    }
}

/// A setting that cannot be used, with where and why.
struct SettingsError: Error, CustomStringConvertible {
    /// The message.
    var description: String
    /// Creates an error.
    init(_ description: String) { self.description = description }
}
