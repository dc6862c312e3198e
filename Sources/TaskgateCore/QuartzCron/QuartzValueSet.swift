/// The values Java Quartz stores for one non-year field while it parses (its `TreeSet<Integer>`),
/// including its two markers: 98 for `?` and 99 for `*`.
///
/// Values 0…127 are bits; a larger value can only come from an unchecked `n#k` in day-of-week,
/// where only the smallest one matters, so only that is kept.
struct QuartzValueSet: Hashable, Sendable {
    /// Java's marker for `?` (`CronExpression.NO_SPEC_INT`).
    static let noSpecMarker = 98
    /// Java's marker for `*` (`CronExpression.ALL_SPEC_INT`).
    static let allSpecMarker = 99

    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var smallestLarge: Int?

    mutating func insert(_ value: Int) {
        switch value {
        case 0..<64: low |= 1 << UInt64(value)
        case 64..<128: high |= 1 << UInt64(value - 64)
        default: smallestLarge = min(smallestLarge ?? value, value)
        }
    }

    func contains(_ value: Int) -> Bool {
        switch value {
        case 0..<64: low & (1 << UInt64(value)) != 0
        case 64..<128: high & (1 << UInt64(value - 64)) != 0
        default: value == smallestLarge
        }
    }

    var isEmpty: Bool { low == 0 && high == 0 && smallestLarge == nil }

    /// The smallest value (Java's `first()`).
    var first: Int? {
        if low != 0 { return low.trailingZeroBitCount }
        if high != 0 { return 64 + high.trailingZeroBitCount }
        return smallestLarge
    }

    /// The largest value (Java's `last()`), markers included.
    var last: Int? {
        if let smallestLarge { return smallestLarge }
        if high != 0 { return 127 - high.leadingZeroBitCount }
        if low != 0 { return 63 - low.leadingZeroBitCount }
        return nil
    }

    /// Whether a value larger than `value` (0…127) is stored.
    func hasValue(above value: Int) -> Bool {
        if smallestLarge != nil { return true }
        if value >= 63 { return high & (UInt64.max << UInt64(value - 63)) != 0 && value < 127 }
        return high != 0 || low & (UInt64.max << UInt64(value + 1)) != 0
    }

    /// Whether `?` was given (Java: the field is "not specified").
    var hasNoSpecMarker: Bool { contains(Self.noSpecMarker) }

    /// The values inside `range` (which must lie within 0…63), as a field set.
    func values(in range: ClosedRange<Int>) -> FieldSet {
        FieldSet(bits: low & FieldSet(range: range).bits)
    }
}
