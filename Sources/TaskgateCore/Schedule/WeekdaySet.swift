/// The days a rule selects by weekday: every such weekday, and ordinal weekdays.
public struct WeekdaySet: Hashable, Sendable {
    /// Bit `Weekday.rawValue` (1…7): every such weekday.
    public var every: UInt8
    /// Ordinal weekdays (the n-th or n-th-from-last such weekday of the scope).
    public var ordinals: Set<OrdinalWeekday>
    /// Where ordinals are counted.
    public var ordinalScope: OrdinalScope

    /// Creates a set of weekdays and ordinal weekdays.
    public init(
        every weekdays: some Sequence<Weekday> = [Weekday](), ordinals: Set<OrdinalWeekday> = [],
        scope: OrdinalScope = .month
    ) {
        every = weekdays.reduce(0) { $0 | $1.bit }
        self.ordinals = ordinals
        ordinalScope = scope
    }

    /// The weekdays selected every week, Monday first.
    public var everyWeekday: [Weekday] { Weekday.allCases.filter { every & $0.bit != 0 } }

    /// The ordinal weekdays, sorted.
    public var sortedOrdinals: [OrdinalWeekday] { ordinals.sorted() }

    /// Whether no weekday and no ordinal is selected.
    public var isEmpty: Bool { every == 0 && ordinals.isEmpty }

    /// Whether every weekday is selected with no ordinal.
    public var isEveryDay: Bool { every == 0b1111_1110 }
}
