public import TaskgateCore
public import TaskgateUpstream
import TaskgateVendors

/// Lists every task of a product through its own pagination (the vendor digests' list routes):
/// Wyn `limit`/`offset` with `totalCount`, fylr `limit`/`offset` with `count`, vCO
/// `maxResult`/`startIndex` with link entries read one by one, and both Qlik products following
/// `links.next.href` until it is gone.
public struct TaskListing: Sendable {
    /// The client that sends the requests.
    public let client: UpstreamClient
    /// Where the tasks are.
    public let endpoint: MigrationEndpoint
    /// How many tasks one page asks for.
    public var pageSize: Int

    /// Creates a listing; `pageSize` defaults to the largest page every product accepts (100).
    public init(client: UpstreamClient, endpoint: MigrationEndpoint, pageSize: Int = 100) {
        self.client = client
        self.endpoint = endpoint
        self.pageSize = max(1, pageSize)
    }

    /// Every task document, in the product's order.
    public func all() async throws(MigrationError) -> [JSONValue] {
        var tasks: [JSONValue] = []
        try await pages { tasks += $0 }
        return tasks
    }

    /// Every task document, in the product's order, handed to `receive` a page at a time as each arrives
    /// (vCO's one task at a time: its pages hold links, each task is a GET of its own).
    public func pages(_ receive: ([JSONValue]) async -> Void) async throws(MigrationError) {
        let adapter = ProductAdapters.adapter(for: endpoint.product)
        let collection = endpoint.collectionURL
        switch endpoint.product {
        case .wyn, .fylr:
            let totalKey = endpoint.product == .wyn ? "totalCount" : "count"
            try await offsetPages(adapter, totalKey: totalKey, receive: receive) { offset in
                "\(collection)?limit=\(pageSize)&offset=\(offset)"
            }
        case .vco:
            var offset = 0
            while true {
                let page = try await get("\(collection)?maxResult=\(pageSize)&startIndex=\(offset)")
                let links = page["link"]?.arrayValue ?? []
                for link in links {
                    let attributes = link["attribute"]?.arrayValue ?? []
                    let id = attributes.first { $0["name"]?.stringValue == "id" }?["value"]?.stringValue
                    guard let id else {
                        throw MigrationError(
                            operation: "list tasks at \(collection)",
                            message: "a link entry has no 'id' attribute; expected link[].attribute[{name: id}]")
                    }
                    await receive([try await get(endpoint.taskURL(id))])
                }
                offset += links.count
                let total = page["total"]?.integerValue.map(Int.init) ?? offset
                if links.isEmpty || offset >= total { return }
            }
        case .qlikSharing, .qlikScheduling:
            var url = "\(collection)?limit=\(pageSize)"
            var seen: Set<String> = []
            while seen.insert(url).inserted {
                let page = try await get(url)
                await receive(try documents(in: page, adapter: adapter, url: url))
                guard let next = page["links"]?["next"]?["href"]?.stringValue, !next.isEmpty else { break }
                let nextURL = next.hasPrefix("/") ? endpoint.origin + next : next
                // The token goes with every request: only to the server the run was given.
                guard nextURL.hasPrefix(endpoint.origin + "/") else {
                    throw MigrationError(
                        operation: "list tasks at \(SecretRedaction.redact(url: url))",
                        message:
                            "the next page's link \(SecretRedaction.redact(url: nextURL)) is not on the configured "
                            + "server \(endpoint.origin); the token is sent to no other server")
                }
                url = nextURL
            }
        }
    }

    private func offsetPages(
        _ adapter: any ProductAdapter, totalKey: String, receive: ([JSONValue]) async -> Void, url: (Int) -> String
    ) async throws(MigrationError) {
        var count = 0
        var pageURL = url(0)
        var page = try await get(pageURL)
        while true {
            let found = try documents(in: page, adapter: adapter, url: pageURL)
            count += found.count
            let total = page[totalKey]?.integerValue.map(Int.init) ?? count
            if found.isEmpty || count >= total {
                await receive(found)
                return
            }
            // One request ahead: the target answers the next page while this one is handed over.
            let nextURL = url(count)
            async let next = fetch(nextURL)
            await receive(found)
            page = try await next.get()
            pageURL = nextURL
        }
    }

    /// ``get(_:)`` as a value, for a request that runs beside other work.
    private func fetch(_ url: String) async -> Result<JSONValue, MigrationError> {
        do {
            return .success(try await get(url))
        } catch {
            return .failure(error)
        }
    }

    private func documents(
        in page: JSONValue, adapter: any ProductAdapter, url: String
    ) throws(MigrationError) -> [JSONValue] {
        do {
            return try adapter.taskDocuments(in: page).map(\.task)
        } catch {
            throw MigrationError(
                operation: "list tasks at \(SecretRedaction.redact(url: url))", message: error.description)
        }
    }

    /// GETs a JSON document; anything but 200 with JSON is an error naming the status and body.
    func get(_ url: String) async throws(MigrationError) -> JSONValue {
        let response: UpstreamResponse
        do {
            response = try await client.send(endpoint.request("GET", url))
        } catch {
            throw MigrationError(operation: "GET \(SecretRedaction.redact(url: url))", message: error.description)
        }
        guard response.status == 200 else {
            throw MigrationError(
                operation: "GET \(SecretRedaction.redact(url: url))",
                message: "status \(response.status); expected 200: \(BodyExcerpt.text(response.body))")
        }
        guard let json = JSONReader.value(response.body) else {
            throw MigrationError(
                operation: "GET \(SecretRedaction.redact(url: url))",
                message: "the body is not JSON: \(BodyExcerpt.text(response.body))")
        }
        return json
    }
}
