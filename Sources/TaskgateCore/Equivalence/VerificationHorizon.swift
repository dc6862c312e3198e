/// How far the equivalence check enumerates: a span from the start, extended until the source has
/// fired at least ``minimumOccurrences`` times (when it fires that often at all).
public struct VerificationHorizon: Hashable, Sendable, CustomStringConvertible {
    /// The span in seconds (a year counts 365.2425 days, the Gregorian average).
    public var seconds: Int64
    /// The least number of source occurrences compared.
    public var minimumOccurrences: Int
    /// The text the span was given as (`2y`, `400y`, `90d`).
    public var text: String

    /// Two years and at least 1,000 occurrences (issue: "the verification horizon").
    public static let standard = VerificationHorizon(seconds: 2 * secondsPerYear, minimumOccurrences: 1000, text: "2y")

    static let secondsPerYear: Int64 = 31_556_952

    /// Creates a horizon of the given span and minimum.
    public init(seconds: Int64, minimumOccurrences: Int = 1000, text: String? = nil) {
        self.seconds = seconds
        self.minimumOccurrences = minimumOccurrences
        self.text = text ?? "\(seconds)s"
    }

    /// Reads a span such as `2y`, `400y`, `26w`, `90d` or `48h`.
    ///
    /// - Throws: ``ScheduleSyntaxError``-free: returns `nil` for text of another shape.
    public init?(parsing text: String, minimumOccurrences: Int = 1000) {
        guard let unit = text.last, let count = Int64(text.dropLast()), count > 0, count <= 8000 else { return nil }
        let unitSeconds: Int64
        switch unit {
        case "y": unitSeconds = Self.secondsPerYear
        case "w": unitSeconds = 604_800
        case "d": unitSeconds = 86_400
        case "h": unitSeconds = 3600
        default: return nil
        }
        self.init(seconds: count * unitSeconds, minimumOccurrences: minimumOccurrences, text: text)
    }

    /// The span as given: `2y`.
    public var description: String { text }
}
