import HTTPTypes
import Hummingbird
import TaskgateCore

/// Pagination in each product's style: reading an upstream's pages, writing the front's.
extension ProductWire {
    /// The query of the first upstream page, as large as the product allows.
    var firstPageQuery: String {
        switch product {
        case .wyn: "offset=0&limit=1000"
        case .fylr: "offset=0&limit=1000"
        case .vco: "startIndex=0&maxResult=1000"
        case .qlikSharing, .qlikScheduling: "limit=100"
        }
    }

    /// The items of one upstream page and the query of the next page, if any; `nil` when the body
    /// is not this product's list envelope. vCO lists links, not tasks: their `id` attributes are
    /// returned as `{"id": …}` objects for the caller to read one by one.
    func readPage(_ body: JSONValue, query: String) -> (items: [JSONValue], nextQuery: String?)? {
        let offset = Self.integer(named: product == .vco ? "startIndex" : "offset", in: query) ?? 0
        switch product {
        case .wyn:
            guard let items = body["items"]?.arrayValue else { return nil }
            let total = Int(body["totalCount"]?.integerValue ?? 0)
            let next = offset + items.count
            return (items, !items.isEmpty && next < total ? "offset=\(next)&limit=1000" : nil)
        case .fylr:
            guard let items = body["objects"]?.arrayValue else { return nil }
            let total = Int(body["count"]?.integerValue ?? 0)
            let next = offset + items.count
            return (items, !items.isEmpty && next < total ? "offset=\(next)&limit=1000" : nil)
        case .vco:
            guard let links = body["link"]?.arrayValue else { return nil }
            let items: [JSONValue] = links.compactMap { link in
                let id = link["attribute"]?.arrayValue?.first { $0["name"]?.stringValue == "id" }?["value"]
                return id.map { .object(["id": $0]) }
            }
            let total = Int(body["total"]?.integerValue ?? 0)
            let next = offset + links.count
            return (items, !links.isEmpty && next < total ? "startIndex=\(next)&maxResult=1000" : nil)
        case .qlikSharing, .qlikScheduling:
            guard let items = body[product == .qlikSharing ? "sharingTasks" : "data"]?.arrayValue else { return nil }
            let href = body["links"]?["next"]?["href"]?.stringValue
            return (items, href.flatMap { $0.split(separator: "?", maxSplits: 1).last.map(String.init) })
        }
    }

    /// One page of `tasks` in this product's list envelope, as the front request asked.
    ///
    /// - Throws: a 400 in the product's shape naming a bad query parameter.
    func page(of tasks: [JSONValue], request: Request, origin: String) throws(ProxyFailure) -> JSONValue {
        let query = request.uri.queryParameters
        switch product {
        case .wyn:
            let (offset, limit) = try window(query, offsetName: "offset", limitName: "limit", defaultLimit: 50)
            return .object([
                "items": .array(Self.slice(tasks, offset: offset, limit: limit)),
                "totalCount": .integer(Int64(tasks.count)),
            ])
        case .fylr:
            let (offset, limit) = try window(query, offsetName: "offset", limitName: "limit", defaultLimit: 100)
            return .object([
                "limit": .integer(Int64(limit)), "offset": .integer(Int64(offset)),
                "count": .integer(Int64(tasks.count)),
                "objects": .array(Self.slice(tasks, offset: offset, limit: limit)),
            ])
        case .vco:
            let (offset, limit) = try window(
                query, offsetName: "startIndex", limitName: "maxResult", defaultLimit: 100)
            let links: [JSONValue] = Self.slice(tasks, offset: offset, limit: limit).map { task in
                let id = task["id"]?.stringValue ?? ""
                return .object([
                    "rel": .string("down"), "href": .string("\(origin)\(basePath)/\(id)/"),
                    "attribute": .array(
                        ["id", "name", "state"].map { name in
                            .object(["name": .string(name), "value": task[name] ?? .string("")])
                        }),
                ])
            }
            return .object([
                "start": .integer(Int64(offset)), "total": .integer(Int64(tasks.count)), "link": .array(links),
            ])
        case .qlikSharing, .qlikScheduling:
            let limit = try limitParameter(query, name: "limit", defaultLimit: 10, maximum: 100)
            var offset = 0
            if let token = query.get("page") ?? query.get("next") {
                guard token.hasPrefix("c"), let value = Int(token.dropFirst()), value >= 0 else {
                    throw failure(
                        .badRequest, code: "InvalidQuery",
                        message: "query parameter 'page' is '\(token)'; expected a cursor from a previous page's links")
                }
                offset = value
            }
            let items = Self.slice(tasks, offset: offset, limit: limit)
            let base = "\(origin)\(basePath)?limit=\(limit)"
            var links: JSONObject = ["self": .object(["href": .string(offset > 0 ? "\(base)&page=c\(offset)" : base)])]
            if offset + limit < tasks.count {
                let token = "c\(offset + limit)"
                links["next"] =
                    product == .qlikSharing
                    ? .object([
                        "href": .string("\(base)&page=\(token)"), "type": .string("next"), "token": .string(token),
                    ])
                    : .object(["href": .string("\(base)&page=\(token)")])
            }
            guard product == .qlikSharing else {
                return .object(["data": .array(items), "links": .object(links)])
            }
            return .object([
                "totalCount": .integer(Int64(tasks.count)), "currentPageCount": .integer(Int64(items.count)),
                "links": .object(links), "sharingTasks": .array(items),
            ])
        }
    }

    private func window(
        _ query: Parameters, offsetName: String, limitName: String, defaultLimit: Int
    ) throws(ProxyFailure) -> (offset: Int, limit: Int) {
        let limit = try limitParameter(query, name: limitName, defaultLimit: defaultLimit, maximum: 1000)
        guard let text = query.get(offsetName) else { return (0, limit) }
        guard let offset = Int(text), offset >= 0 else {
            throw failure(
                .badRequest, code: "InvalidQuery",
                message: "query parameter '\(offsetName)' is '\(text)'; expected a non-negative integer")
        }
        return (offset, limit)
    }

    private func limitParameter(
        _ query: Parameters, name: String, defaultLimit: Int, maximum: Int
    ) throws(ProxyFailure) -> Int {
        guard let text = query.get(name) else { return defaultLimit }
        guard let limit = Int(text), limit >= 1, limit <= maximum else {
            throw failure(
                .badRequest, code: "InvalidQuery",
                message: "query parameter '\(name)' is '\(text)'; expected an integer from 1 to \(maximum)")
        }
        return limit
    }

    private static func slice(_ tasks: [JSONValue], offset: Int, limit: Int) -> [JSONValue] {
        guard offset < tasks.count else { return [] }
        return Array(tasks[offset..<min(tasks.count, offset + limit)])
    }

    private static func integer(named name: String, in query: String) -> Int? {
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == name { return Int(parts[1]) }
        }
        return nil
    }
}
