import HTTPTypes
import Hummingbird
import Logging
import TaskgateCore

/// Gives each request an id (`Taskgate-Request-Id`, kept from the client when it sends one), logs
/// one line per request with it, and records the request metrics. Only the path is logged: query
/// strings can carry credentials (Wyn's `token`, fylr's `access_token`).
struct RequestLogging: RouterMiddleware {
    typealias Context = BasicRequestContext
    /// Where latencies and counts go.
    var metrics: ProxyMetrics
    /// The front product's collection path.
    var basePath: String

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let requestID = request.headers[HTTPField.Name.taskgateRequestID] ?? RandomUUID.text()
        var context = context
        context.logger[metadataKey: "tg.request_id"] = "\(requestID)"
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        let duration = ContinuousClock.now - start
        response.headers[HTTPField.Name.taskgateRequestID] = requestID
        let route = Self.routeName(request.uri.path, basePath: basePath)
        metrics.request(
            route: route, method: request.method.rawValue, status: response.status.code, duration: duration)
        context.logger.info(
            "request finished",
            metadata: [
                "tg.method": "\(request.method.rawValue)", "tg.path": "\(request.uri.path)",
                "tg.status": "\(response.status.code)",
                "tg.duration_us":
                    "\(duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000)",
            ])
        return response
    }

    /// A low-cardinality name for metrics: the operations endpoints by name, task routes by shape.
    static func routeName(_ path: String, basePath: String) -> String {
        switch path {
        case "/healthz", "/readyz", "/metrics": String(path.dropFirst())
        case basePath, basePath + "/": "tasks"
        default: path.hasPrefix(basePath + "/") ? "task" : "other"
        }
    }
}
