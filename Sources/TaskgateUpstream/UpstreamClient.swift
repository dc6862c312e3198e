import Foundation
public import Logging

/// An HTTP client for product APIs over libcurl, safe to share between tasks.
///
/// All transfers run on one dedicated thread (`CurlMultiLoop`), so `send` suspends without blocking
/// Swift's cooperative pool. TLS is verified unless `insecure`; redirects are not followed; response
/// bodies are bounded. Requests safe to repeat are retried with backoff (see `UpstreamRetryPolicy`).
public final class UpstreamClient: Sendable {
    /// The configuration this client was made with.
    public let configuration: UpstreamConfiguration
    private let loop: CurlMultiLoop
    private let logger: Logger

    /// Starts the client's network thread; with `insecure` a warning is logged once.
    public init(configuration: UpstreamConfiguration = UpstreamConfiguration(), logger: Logger) throws(UpstreamError) {
        self.configuration = configuration
        self.logger = logger
        loop = try CurlMultiLoop(maximumConnections: configuration.maximumConnections)
        if configuration.insecure {
            logger.warning("upstream TLS verification is off")
        }
    }

    deinit {
        loop.shutdown()
    }

    /// Stops the network thread; requests still running fail with `.shutDown`.
    public func shutdown() {
        loop.shutdown()
    }

    /// Sends a request and returns the upstream's answer, whatever its status.
    ///
    /// Throws when no answer arrived (after retries where allowed), when the body passed the limit, or when
    /// the waiting task was cancelled (its transfer is removed at once).
    public func send(_ request: UpstreamRequest) async throws(UpstreamError) -> UpstreamResponse {
        let maximumAttempts = request.isRetryable ? max(1, configuration.retry.maximumAttempts) : 1
        var generator = SystemRandomNumberGenerator()
        var attempt = 1
        while true {
            let delay: Duration
            switch await perform(request) {
            case .success(var response):
                response.attempts = attempt
                guard attempt < maximumAttempts, UpstreamRetryPolicy.isRetryable(status: response.status) else {
                    return response
                }
                if response.status == 429 || response.status == 503,
                    let value = response.headers.first(named: "Retry-After"),
                    let wait = UpstreamRetryPolicy.retryAfter(value, now: Date())
                {
                    guard wait <= configuration.retry.maximumRetryAfter else { return response }
                    delay = wait
                } else {
                    delay = configuration.retry.backoff(beforeRetry: attempt, using: &generator)
                }
                log(request, attempt: attempt, delay: delay, reason: "status \(response.status)")
            case .failure(let error):
                guard attempt < maximumAttempts, Self.mayRepeat(request, after: error) else { throw error }
                delay = configuration.retry.backoff(beforeRetry: attempt, using: &generator)
                log(request, attempt: attempt, delay: delay, reason: "\(error.kind)")
            }
            do {
                try await Task.sleep(for: delay)
            } catch {
                throw UpstreamError(
                    kind: .cancelled, method: request.method, url: SecretRedaction.redact(url: request.url),
                    message: "the waiting task was cancelled")
            }
            attempt += 1
        }
    }

    /// Whether a request may be sent again after `error`: when nothing reached the server (no connection, or
    /// a timeout of a retryable request), or when the answer was lost and the method is idempotent.
    static func mayRepeat(_ request: UpstreamRequest, after error: UpstreamError) -> Bool {
        switch error.kind {
        case .connectionFailed, .timedOut: true
        case .connectionLost: request.isIdempotent
        default: false
        }
    }

    private func log(_ request: UpstreamRequest, attempt: Int, delay: Duration, reason: String) {
        logger.debug(
            "upstream request retried",
            metadata: [
                "tg.method": "\(request.method)",
                "tg.url": "\(SecretRedaction.redact(url: request.url))",
                "tg.attempt": "\(attempt)",
                "tg.delay_ms": "\(delay.wholeMilliseconds)",
                "tg.reason": "\(reason)",
            ])
    }

    private func perform(_ request: UpstreamRequest) async -> Result<UpstreamResponse, UpstreamError> {
        let transfer: CurlTransfer
        do {
            transfer = try CurlTransfer(request: request, configuration: configuration, loop: loop)
        } catch {
            return .failure(error)
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfer.continuation = continuation
                loop.submit(transfer)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }
}
