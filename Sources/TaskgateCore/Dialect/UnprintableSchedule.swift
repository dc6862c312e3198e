/// A schedule, or a part of one, that a dialect cannot write.
///
/// The description names the part and why: `quartz: rule 1, day selector: a day must match
/// both day-of-month 13 and Friday; Quartz restricts one of the two day fields only`.
public struct UnprintableSchedule: Error, Hashable, Sendable, CustomStringConvertible {
    /// The dialect that cannot hold the part.
    public var dialect: Dialect
    /// The 1-based rule the part belongs to, if it belongs to one rule.
    public var rule: Int?
    /// The part of the model: `day selector`, `interval`, `seconds`, `window end`, `zone`.
    public var part: String
    /// Why the dialect cannot hold it.
    public var reason: String

    /// Creates a refusal.
    public init(dialect: Dialect, rule: Int? = nil, part: String, reason: String) {
        self.dialect = dialect
        self.rule = rule
        self.part = part
        self.reason = reason
    }

    /// One sentence: dialect, rule, part and reason.
    public var description: String {
        let place = rule.map { "rule \($0), \(part)" } ?? part
        return "\(dialect): \(place): \(reason)"
    }
}
