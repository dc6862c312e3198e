import Hummingbird
import TaskgateCore

/// A page request read from the query, in one of the products' three styles.
struct PageQuery: Sendable {
    /// Page size.
    var limit: Int
    /// Cursor style: the last sequence of the previous page.
    var after: Int64
    /// Offset style: the position of the first item.
    var offset: Int

    /// Reads `limitName` and either a cursor (`cursorNames`, opaque `c<sequence>` tokens) or an
    /// offset (`offsetName`); a bad value is a 400 in the product's shape naming the parameter.
    static func read(
        _ request: Request, core: EmulatorCore, limitName: String = "limit", defaultLimit: Int,
        maximumLimit: Int = 1000, cursorNames: [String] = [], offsetName: String? = nil
    ) throws -> PageQuery {
        let query = request.uri.queryParameters
        var page = PageQuery(limit: defaultLimit, after: 0, offset: 0)
        if let text = query.get(limitName) {
            guard let limit = Int(text), limit >= 1, limit <= maximumLimit else {
                throw core.failure(
                    .badRequest, code: "InvalidQuery",
                    message:
                        "query parameter '\(limitName)' is '\(text)'; expected an integer from 1 to \(maximumLimit)")
            }
            page.limit = limit
        }
        for name in cursorNames {
            guard let text = query.get(name) else { continue }
            guard text.hasPrefix("c"), let after = Int64(text.dropFirst()), after >= 0 else {
                throw core.failure(
                    .badRequest, code: "InvalidQuery",
                    message: "query parameter '\(name)' is '\(text)'; expected a cursor from a previous page's links")
            }
            page.after = after
        }
        if let offsetName, let text = query.get(offsetName) {
            guard let offset = Int(text), offset >= 0 else {
                throw core.failure(
                    .badRequest, code: "InvalidQuery",
                    message: "query parameter '\(offsetName)' is '\(text)'; expected a non-negative integer")
            }
            page.offset = offset
        }
        return page
    }

    /// The cursor token after `sequence`.
    static func token(after sequence: Int64) -> String { "c\(sequence)" }
}

/// Cursor pages: one more row than asked tells whether a next page exists.
extension EmulatorCore {
    /// A cursor page of tasks and, when more follow, the next cursor.
    func cursorPage(_ page: PageQuery) async throws -> (tasks: [StoredTask], next: String?) {
        let rows = try await store.tasks(product: product, after: page.after, limit: page.limit + 1)
        let tasks = Array(rows.prefix(page.limit))
        let next = rows.count > page.limit ? tasks.last.map { PageQuery.token(after: $0.sequence) } : nil
        return (tasks, next)
    }
}
