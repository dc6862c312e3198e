import HTTPTypes
import Hummingbird
import NIOCore
import TaskgateCore

/// Turns ``EmulatorFailure`` into the product's answer.
struct FailureMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let failure as EmulatorFailure {
            guard let body = failure.body else {
                return Response(status: failure.status, headers: failure.headers)
            }
            return Reply.json(body, status: failure.status, headers: failure.headers)
        }
    }
}

/// Refuses requests without the emulator's token, with the product's 401.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    /// The product.
    var description: any ProductDescription
    /// The accepted token.
    var token: String

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard description.authScheme.accepts(request, token: token) else {
            var failure = description.failure(
                .unauthorized, code: "Unauthorized", message: "missing or invalid credentials")
            failure.headers[.wwwAuthenticate] = description.authScheme.challenge
            throw failure
        }
        return try await next(request, context)
    }
}

/// The connection was dropped on purpose (fault injection).
struct DroppedConnection: Error {}

/// Injects the configured faults before the product answers.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    /// The product.
    var description: any ProductDescription
    /// The faults.
    var faults: FaultSpec

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if faults.delayMilliseconds > 0 {
            try await Task.sleep(for: .milliseconds(faults.delayMilliseconds))
        }
        var generator = SystemRandomNumberGenerator()
        let roll = Double.random(in: 0..<1, using: &generator)
        if roll < faults.dropShare {
            // Promise a body and never send it: the server closes the connection mid-answer.
            return Response(
                status: .ok, headers: [.contentLength: "1"],
                body: ResponseBody { _ in throw DroppedConnection() })
        }
        if roll < faults.dropShare + faults.rateLimitShare {
            var failure = description.failure(.tooManyRequests, code: "TooManyRequests", message: "rate limit exceeded")
            failure.headers[.retryAfter] = String(faults.retryAfterSeconds)
            throw failure
        }
        if roll < faults.dropShare + faults.rateLimitShare + faults.serverErrorShare {
            throw description.failure(.serviceUnavailable, code: "ServiceUnavailable", message: "injected fault")
        }
        return try await next(request, context)
    }
}
