import TaskgateCore

/// The split convention shared by every target: the first bytes of a fuzz input choose the
/// context (a zone, a window start, a reference instant, a target product) from fixed lists, and
/// the rest is the text under test.
///
/// Fixed lists rather than fuzzed values: libFuzzer mutates one byte into another zone of the
/// list, and a crash file replays the same context on any machine.
public struct FuzzInput {
    /// The header bytes, zero when the input is shorter than the header.
    public var header: [UInt8]
    /// The bytes after the header.
    public var body: UnsafeRawBufferPointer

    /// Splits `count` bytes at `start` after `headerLength` bytes.
    public init(_ start: UnsafeRawPointer, _ count: Int, headerLength: Int) {
        let all = UnsafeRawBufferPointer(start: count > 0 ? start : nil, count: max(count, 0))
        let split = min(headerLength, all.count)
        header = Array(all[..<split]) + Array(repeating: 0, count: headerLength - split)
        body = UnsafeRawBufferPointer(rebasing: all[split...])
    }

    /// A valid pointer for an empty input (libFuzzer may pass none).
    nonisolated(unsafe) public static let empty = UnsafeRawPointer(
        UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1))

    /// The body as text (invalid UTF-8 replaced, as a server reading a request would).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Picks an element of `list` with header byte `index`.
    public func pick<Element>(_ list: [Element], byte index: Int, shift: Int = 0) -> Element {
        list[Int(header[index] >> shift) % list.count]
    }

    /// Zones with unusual rules: half-hour and 45-minute offsets and DST shifts, negative DST,
    /// a skipped day, zones past ±12 h, and names that are no IANA zone.
    public static let zones = [
        "UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham",
        "America/Sao_Paulo", "Europe/Dublin", "Africa/Casablanca", "Pacific/Apia", "America/St_Johns",
        "Pacific/Kiritimati", "Antarctica/Troll", "Asia/Tehran", "Etc/GMT+12", "Not/AZone",
    ]

    /// Window starts, local in the context's zone; `nil` when the product gives none.
    public static let starts: [LocalDateTime?] = [
        nil, nil, nil, nil,
        LocalDateTime(validating: 2026, month: 3, day: 29, hour: 2, minute: 30),
        LocalDateTime(validating: 2026, month: 10, day: 25, hour: 2, minute: 30),
        LocalDateTime(validating: 2026, month: 3, day: 8, hour: 2, minute: 30),
        LocalDateTime(validating: 2026, month: 11, day: 1, hour: 1, minute: 30),
        LocalDateTime(validating: 2024, month: 2, day: 29),
        LocalDateTime(validating: 2026, month: 1, day: 31, hour: 23, minute: 59, second: 59),
        LocalDateTime(validating: 1970, month: 1, day: 1),
        LocalDateTime(validating: 1, month: 1, day: 1),
        LocalDateTime(validating: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59),
        LocalDateTime(validating: 2099, month: 12, day: 31, hour: 12),
        LocalDateTime(validating: 2011, month: 12, day: 29, hour: 12),
        LocalDateTime(validating: 2026, month: 11, day: 23, hour: 8),
    ]

    /// Reference instants ("now", and the instant enumeration starts after).
    public static let references: [Instant] = [
        Instant(secondsSinceEpoch: 1_795_392_000),  // 2026-11-23T00:00:00Z
        Instant(secondsSinceEpoch: 1_772_935_200),  // 2026-03-08T02:00:00Z
        Instant(secondsSinceEpoch: 1_774_746_000),  // 2026-03-29T01:00:00Z
        Instant(secondsSinceEpoch: 0),  // 1970-01-01T00:00:00Z
        Instant(secondsSinceEpoch: -1),  // 1969-12-31T23:59:59Z
        Instant(secondsSinceEpoch: 4_102_444_799),  // 2099-12-31T23:59:59Z
        Instant(secondsSinceEpoch: 7_258_118_399),  // 2199-12-31T23:59:59Z
        Instant(secondsSinceEpoch: 253_402_300_799),  // 9999-12-31T23:59:59Z
        Instant(secondsSinceEpoch: -62_135_596_800),  // 0001-01-01T00:00:00Z
        Instant(secondsSinceEpoch: 1_709_164_800),  // 2024-02-29T00:00:00Z
        Instant(secondsSinceEpoch: 1_325_203_200),  // 2011-12-30T00:00:00Z (Apia skips this day)
        Instant(secondsSinceEpoch: 1_795_392_000 + 86_399),
    ]
}
