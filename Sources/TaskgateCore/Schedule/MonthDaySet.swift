/// The days of a month a rule selects by their position in the month.
///
/// Four kinds of term, each a bit mask, are united:
/// - plain days 1…31 (a day the month lacks selects nothing that month);
/// - days counted back from the last: 0 is the last day (Quartz `L`, RRULE `-1`), n is n days
///   before it (Quartz `L-n`, RRULE `-(n+1)`);
/// - the weekday nearest to day n without leaving the month (Quartz `nW`);
/// - the weekday nearest to the last day minus n (Quartz `LW` for n = 0, `L-nW`).
public struct MonthDaySet: Hashable, Sendable {
    /// Bit d (1…31): day d.
    public var days: UInt32
    /// Bit n (0…30): the day n days before the last day of the month.
    public var fromEnd: UInt32
    /// Bit d (1…31): the Monday–Friday nearest to day d, within the month.
    public var nearestWeekday: UInt32
    /// Bit n (0…30): the Monday–Friday nearest to the last day minus n, within the month.
    public var nearestWeekdayFromEnd: UInt32

    /// Creates a set from its four masks.
    public init(days: UInt32 = 0, fromEnd: UInt32 = 0, nearestWeekday: UInt32 = 0, nearestWeekdayFromEnd: UInt32 = 0) {
        self.days = days
        self.fromEnd = fromEnd
        self.nearestWeekday = nearestWeekday
        self.nearestWeekdayFromEnd = nearestWeekdayFromEnd
    }

    /// The plain days 1…31 given; other values are ignored.
    public init(days values: some Sequence<Int>) {
        self.init(days: Self.mask(values, in: 1...31))
    }

    /// The last day of every month.
    public static let lastDay = MonthDaySet(fromEnd: 1)
    /// The last Monday–Friday of every month (Quartz `LW`).
    public static let lastWeekday = MonthDaySet(nearestWeekdayFromEnd: 1)

    /// Whether no term is present.
    public var isEmpty: Bool { days | fromEnd | nearestWeekday | nearestWeekdayFromEnd == 0 }

    /// Whether the set is exactly plain days (no counting from the end, no nearest weekday).
    public var isPlainDays: Bool { fromEnd | nearestWeekday | nearestWeekdayFromEnd == 0 }

    /// The plain days selected, ascending.
    public var plainDays: [Int] { Self.values(days) }
    /// The offsets from the last day selected, ascending.
    public var offsetsFromEnd: [Int] { Self.values(fromEnd) }
    /// The days whose nearest weekday is selected, ascending.
    public var nearestWeekdayDays: [Int] { Self.values(nearestWeekday) }
    /// The offsets from the last day whose nearest weekday is selected, ascending.
    public var nearestWeekdayOffsetsFromEnd: [Int] { Self.values(nearestWeekdayFromEnd) }

    static func mask(_ values: some Sequence<Int>, in range: ClosedRange<Int>) -> UInt32 {
        var mask: UInt32 = 0
        for value in values where range.contains(value) { mask |= 1 << UInt32(value) }
        return mask
    }

    static func values(_ mask: UInt32) -> [Int] {
        (0..<32).filter { mask & (1 << UInt32($0)) != 0 }
    }
}
