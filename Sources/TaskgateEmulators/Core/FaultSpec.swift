/// Which faults an emulator injects, and how often: `5xx=0.1,delay=50ms,drop=0.02,429=0.05`.
///
/// Off by default (every share zero, no delay).
public struct FaultSpec: Hashable, Sendable {
    /// Share of requests answered 503 with the product's error body.
    public var serverErrorShare: Double = 0
    /// Share of requests answered 429 with `Retry-After`.
    public var rateLimitShare: Double = 0
    /// Share of requests whose connection is closed without an answer.
    public var dropShare: Double = 0
    /// Delay before every answer, in milliseconds.
    public var delayMilliseconds: Int = 0
    /// Seconds announced in `Retry-After` on a 429.
    public var retryAfterSeconds: Int = 1

    /// No faults.
    public init() {}

    /// Whether any fault is configured.
    public var isEnabled: Bool {
        serverErrorShare > 0 || rateLimitShare > 0 || dropShare > 0 || delayMilliseconds > 0
    }

    /// Reads a comma-separated list of `key=value` items.
    ///
    /// - Throws: ``FaultSpecError`` naming the item, its value and what was expected.
    public init(parsing text: String) throws(FaultSpecError) {
        for rawItem in text.split(separator: ",", omittingEmptySubsequences: true) {
            let item = rawItem.trimmingCharacters(in: " ")
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw FaultSpecError(
                    item: item, expected: "KEY=VALUE with KEY one of 5xx, 429, drop, delay, retry-after")
            }
            let key = parts[0]
            let value = parts[1]
            switch key {
            case "5xx": serverErrorShare = try Self.share(value, item: item)
            case "429": rateLimitShare = try Self.share(value, item: item)
            case "drop": dropShare = try Self.share(value, item: item)
            case "delay": delayMilliseconds = try Self.milliseconds(value, item: item)
            case "retry-after":
                guard let seconds = Int(value), seconds >= 0 else {
                    throw FaultSpecError(item: item, expected: "a whole number of seconds")
                }
                retryAfterSeconds = seconds
            default:
                throw FaultSpecError(item: item, expected: "KEY one of 5xx, 429, drop, delay, retry-after")
            }
        }
    }

    private static func share(_ value: String, item: String) throws(FaultSpecError) -> Double {
        guard let share = Double(value), share >= 0, share <= 1 else {
            throw FaultSpecError(item: item, expected: "a share between 0 and 1, such as 0.05")
        }
        return share
    }

    private static func milliseconds(_ value: String, item: String) throws(FaultSpecError) -> Int {
        let digits: Substring
        var factor = 1
        if value.hasSuffix("ms") {
            digits = value.dropLast(2)
        } else if value.hasSuffix("s") {
            digits = value.dropLast(1)
            factor = 1000
        } else {
            digits = Substring(value)
        }
        guard let number = Int(digits), number >= 0 else {
            throw FaultSpecError(item: item, expected: "a duration such as 50ms or 2s")
        }
        return number * factor
    }
}

/// A `--faults` item that does not read.
public struct FaultSpecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The item as written.
    public var item: String
    /// What was expected instead.
    public var expected: String

    /// `fault item 'drop=x' is invalid; expected …`.
    public var description: String { "fault item '\(item)' is invalid; expected \(expected)" }
}

extension Substring {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop(while: { $0 == character }).reversed().drop(while: { $0 == character }).reversed())
    }
}
