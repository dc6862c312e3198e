/// A set of small whole numbers (0…63): the seconds, minutes, hours or months a rule selects.
///
/// Stored as one 64-bit mask, so membership is a bit test and "the next selected value at or
/// after v" is a single count of trailing zeros — the enumerator jumps instead of scanning.
public struct FieldSet: Hashable, Sendable, Sequence, CustomStringConvertible {
    /// Bit `v` is set when `v` is selected.
    public private(set) var bits: UInt64

    /// Creates a set from its bit mask.
    public init(bits: UInt64) {
        self.bits = bits
    }

    /// Creates a set of the given values; values outside 0…63 are ignored.
    public init(_ values: some Sequence<Int>) {
        bits = 0
        for value in values { insert(value) }
    }

    /// Creates a set of every value in a range.
    public init(range: ClosedRange<Int>) {
        self.init(range)
    }

    /// Seconds 0…59 or minutes 0…59.
    public static let everySecond = FieldSet(range: 0...59)
    /// Minutes 0…59.
    public static let everyMinute = FieldSet(range: 0...59)
    /// Hours 0…23.
    public static let everyHour = FieldSet(range: 0...23)
    /// Months 1…12.
    public static let everyMonth = FieldSet(range: 1...12)

    /// Whether `value` is selected.
    public func contains(_ value: Int) -> Bool {
        (0..<64).contains(value) && bits & (1 << UInt64(value)) != 0
    }

    /// Selects `value` (0…63; others are ignored).
    public mutating func insert(_ value: Int) {
        guard (0..<64).contains(value) else { return }
        bits |= 1 << UInt64(value)
    }

    /// Whether no value is selected.
    public var isEmpty: Bool { bits == 0 }
    /// How many values are selected.
    public var count: Int { bits.nonzeroBitCount }
    /// The smallest value, if any.
    public var first: Int? { bits == 0 ? nil : bits.trailingZeroBitCount }
    /// The largest value, if any.
    public var last: Int? { bits == 0 ? nil : 63 - bits.leadingZeroBitCount }

    /// Whether the set holds exactly the values of `range`.
    public func isExactly(_ range: ClosedRange<Int>) -> Bool {
        self == FieldSet(range: range)
    }

    /// The smallest selected value ≥ `value`, if any.
    public func next(atOrAfter value: Int) -> Int? {
        guard value < 64 else { return nil }
        let masked = value <= 0 ? bits : bits & (UInt64.max << UInt64(value))
        return masked == 0 ? nil : masked.trailingZeroBitCount
    }

    /// The largest selected value ≤ `value`, if any.
    public func previous(atOrBefore value: Int) -> Int? {
        guard value >= 0 else { return nil }
        let masked = value >= 63 ? bits : bits & (UInt64.max >> UInt64(63 - value))
        return masked == 0 ? nil : 63 - masked.leadingZeroBitCount
    }

    /// The values in ascending order.
    public var values: [Int] { Array(self) }

    /// Iterates the selected values in ascending order.
    public func makeIterator() -> Iterator { Iterator(remaining: bits) }

    /// Iterates the values in ascending order.
    public struct Iterator: IteratorProtocol {
        var remaining: UInt64
        /// The next selected value.
        public mutating func next() -> Int? {
            guard remaining != 0 else { return nil }
            let value = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            return value
        }
    }

    /// The values separated by commas: `0,15,30,45`.
    public var description: String { values.map(String.init).joined(separator: ",") }
}
