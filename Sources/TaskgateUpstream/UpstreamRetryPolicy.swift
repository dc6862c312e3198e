public import Foundation

/// Exponential backoff with jitter, applied only to requests that are safe to repeat.
///
/// An attempt is repeated when it failed to connect or timed out, or answered 429, 502, 503 or 504.
/// A 429 or 503 carrying `Retry-After` (seconds or an HTTP date) waits that long, unless it is longer than
/// `maximumRetryAfter`: then the response is returned as it is.
public struct UpstreamRetryPolicy: Hashable, Sendable {
    /// The most attempts per request, the first included (1: never retry).
    public var maximumAttempts: Int
    /// The delay before the first retry; each further retry doubles it.
    public var baseDelay: Duration
    /// The longest backoff delay.
    public var maximumDelay: Duration
    /// The longest `Retry-After` honoured.
    public var maximumRetryAfter: Duration

    /// Creates a policy.
    public init(
        maximumAttempts: Int = 4,
        baseDelay: Duration = .milliseconds(100),
        maximumDelay: Duration = .seconds(5),
        maximumRetryAfter: Duration = .seconds(60)
    ) {
        self.maximumAttempts = maximumAttempts
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// Whether an answer with this status is worth repeating.
    static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 502 || status == 503 || status == 504
    }

    /// The backoff before retry number `retry` (1 for the first): `base × 2^(retry−1)`, capped, then scaled
    /// by a random factor in [0.5, 1] ("equal jitter") so that clients do not retry in step.
    func backoff(beforeRetry retry: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let uncapped = baseDelay * (1 << exponent)
        let capped = min(uncapped, maximumDelay)
        let factor = Double.random(in: 0.5...1.0, using: &generator)
        return capped * factor
    }

    /// The wait a `Retry-After` value asks for: delay-seconds or an IMF-fixdate (RFC 9110 §10.2.3), measured
    /// from `now`; a date in the past is zero; `nil` when the value is neither.
    public static func retryAfter(_ value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed), seconds >= 0 {
            return .seconds(seconds)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                let seconds = max(0, date.timeIntervalSince(now))
                return .milliseconds(Int64((seconds * 1000).rounded(.up)))
            }
        }
        return nil
    }
}
