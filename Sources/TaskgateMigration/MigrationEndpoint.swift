import Foundation
public import TaskgateCore
public import TaskgateUpstream

/// One side of a migration: a product's API at a base URL, with its credential.
public struct MigrationEndpoint: Hashable, Sendable {
    /// The product served there.
    public var product: Product
    /// The server's base URL (`https://wyn.example.com`), or the task collection's URL itself.
    public var baseURL: String
    /// The credential: Wyn's reference token, a Qlik or fylr bearer token, a vCO bearer token or
    /// `user:password` for basic authentication.
    public var token: String?

    /// Creates an endpoint.
    public init(product: Product, baseURL: String, token: String? = nil) {
        self.product = product
        self.baseURL = baseURL
        self.token = token
    }

    /// The task collection's path in each product's API (the vendor digests' list and create route).
    public static func collectionPath(of product: Product) -> String {
        switch product {
        case .wyn: "/api/v2/scheduler/tasks"
        case .qlikSharing: "/api/v1/sharing-tasks"
        case .qlikScheduling: "/api/scheduling/tasks"
        case .fylr: "/api/v1/task"
        case .vco: "/vco/api/tasks"
        }
    }

    /// The task collection's URL: the base URL with the product's collection path, unless it already ends so.
    public var collectionURL: String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        let path = Self.collectionPath(of: product)
        return base.hasSuffix(path) ? base : base + path
    }

    /// The URL of one task.
    public func taskURL(_ id: String) -> String {
        let escaped = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? id
        return collectionURL + "/" + escaped
    }

    /// The origin (`scheme://host:port`) of the base URL, for relative links in list pages.
    var origin: String {
        guard let components = URLComponents(string: baseURL), let scheme = components.scheme,
            let host = components.host
        else { return baseURL }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }

    /// Members the product's server sets on every write, whatever the client sent: ignored when checking
    /// that every field sent arrived (the Wyn adapter writes `lastModifiedTime` back; wyn.md §2 lists it
    /// among the server's fields).
    public var serverOwnedMembers: Set<String> {
        switch product {
        case .wyn: ["id", "createdTime", "lastModifiedTime", "owner", "nextRunTime"]
        case .qlikSharing, .qlikScheduling, .fylr, .vco: []
        }
    }

    /// The header fields carrying the credential the way the product takes it.
    var credentialHeaders: [UpstreamHeader] {
        guard let token, !token.isEmpty else { return [] }
        switch product {
        case .wyn:
            return [UpstreamHeader(name: "Reference-Token", value: token)]
        case .vco where token.contains(":"):
            return [UpstreamHeader(name: "Authorization", value: "Basic " + Data(token.utf8).base64EncodedString())]
        case .vco, .qlikSharing, .qlikScheduling, .fylr:
            return [UpstreamHeader(name: "Authorization", value: "Bearer \(token)")]
        }
    }

    /// A request to this endpoint with its credential and `Accept: application/json`.
    func request(
        _ method: String, _ url: String, body: [UInt8]? = nil, idempotencyKey: String? = nil
    ) -> UpstreamRequest {
        UpstreamRequest(
            method: method, url: url,
            headers: credentialHeaders + [UpstreamHeader(name: "Accept", value: "application/json")], body: body,
            idempotencyKey: idempotencyKey)
    }
}
