/// A day of the week, numbered as ISO 8601 does (Monday = 1 … Sunday = 7).
///
/// Every dialect numbers weekdays its own way (Quartz 1 = Sunday, cron 0 and 7 = Sunday,
/// RRULE two-letter codes, fylr lower-case names); they all convert through this type.
public enum Weekday: Int, CaseIterable, Hashable, Sendable, Comparable, CustomStringConvertible {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    /// Monday sorts first, Sunday last.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The English name, capitalised: `Monday`.
    public var name: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }

    /// The English name: `Monday`.
    public var description: String { name }

    /// The number of days from `self` forward to `other` (0…6).
    public func distance(to other: Weekday) -> Int {
        ((other.rawValue - rawValue) % 7 + 7) % 7
    }

    /// Bit `rawValue` of a ``WeekdaySet``'s mask.
    var bit: UInt8 { 1 << UInt8(rawValue) }
}
