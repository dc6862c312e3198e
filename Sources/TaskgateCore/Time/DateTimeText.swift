/// A date-time text that taskgate could not read.
public struct DateTimeSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as given.
    public var text: String
    /// What the text should have looked like.
    public var expected: String

    /// `'…' is not a valid date-time; expected …`.
    public var description: String { "'\(text)' is not a valid date-time; expected \(expected)" }
}

/// Readers for the date-time spellings the dialects and the command line use.
///
/// These are hand-written scanners over UTF-8 bytes: exact about what they accept, with no
/// `DateFormatter`, no locale and no allocation beyond the result.
enum DateTimeText {
    /// The spelling of a local date-time on the command line and in batch files.
    static let localFormat = "YYYY-MM-DDTHH:MM:SS"
    /// The spelling of an instant on the command line and in batch files.
    static let instantFormat = "RFC 3339 such as 2026-03-08T07:30:00Z or 2026-03-08T02:30:00-05:00"

    /// Reads `YYYY-MM-DDTHH:MM:SS` (a space may stand for the `T`; seconds may be left out).
    static func localDateTime(_ text: some StringProtocol) -> LocalDateTime? {
        var scanner = ByteScanner(text)
        guard let value = scanner.localDateTime(), scanner.isAtEnd else { return nil }
        return value
    }

    /// Reads an RFC 3339 date-time with `Z` or a `±HH:MM` offset and an optional fraction of a
    /// second, which is truncated toward the past.
    static func instant(_ text: some StringProtocol) -> Instant? {
        var scanner = ByteScanner(text)
        guard let local = scanner.localDateTime() else { return nil }
        // A fraction lies after the whole second, so dropping it truncates toward the past.
        if scanner.consume(UInt8(ascii: ".")) || scanner.consume(UInt8(ascii: ",")) {
            guard let digits = scanner.digitRun(), digits.count <= 9 else { return nil }
        }
        guard let offset = scanner.utcOffset(), scanner.isAtEnd else { return nil }
        return Instant(secondsSinceEpoch: local.secondsSinceEpoch - Int64(offset))
    }
}

/// A cursor over the UTF-8 bytes of a short text.
struct ByteScanner {
    private let bytes: [UInt8]
    private(set) var position = 0

    init(_ text: some StringProtocol) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Exactly `count` decimal digits, as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for index in position..<(position + count) {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        position += count
        return value
    }

    /// One or more decimal digits, as bytes.
    mutating func digitRun() -> ArraySlice<UInt8>? {
        let start = position
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            position += 1
        }
        return position > start ? bytes[start..<position] : nil
    }

    /// `YYYY-MM-DD[T ]HH:MM[:SS]`, validated.
    mutating func localDateTime() -> LocalDateTime? {
        guard let year = digits(4), consume(UInt8(ascii: "-")), let month = digits(2), consume(UInt8(ascii: "-")),
            let day = digits(2),
            consume(UInt8(ascii: "T")) || consume(UInt8(ascii: "t")) || consume(UInt8(ascii: " ")),
            let hour = digits(2), consume(UInt8(ascii: ":")), let minute = digits(2)
        else { return nil }
        var second = 0
        if consume(UInt8(ascii: ":")) {
            guard let value = digits(2) else { return nil }
            second = value
        }
        return LocalDateTime(validating: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// `Z` or `±HH:MM` (also `±HHMM` and `±HH`), in seconds east of UTC.
    mutating func utcOffset() -> Int? {
        if consume(UInt8(ascii: "Z")) || consume(UInt8(ascii: "z")) { return 0 }
        let sign: Int
        if consume(UInt8(ascii: "+")) {
            sign = 1
        } else if consume(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = digits(2), hours <= 23 else { return nil }
        var minutes = 0
        if consume(UInt8(ascii: ":")) {
            guard let value = digits(2) else { return nil }
            minutes = value
        } else if let value = digits(2) {
            minutes = value
        }
        guard minutes <= 59 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}

extension LocalDateTime {
    /// Reads `YYYY-MM-DDTHH:MM:SS` (a space may stand for the `T`; seconds may be left out).
    public init?(parsing text: some StringProtocol) {
        guard let value = DateTimeText.localDateTime(text) else { return nil }
        self = value
    }
}

extension Instant {
    /// Reads RFC 3339 with `Z` or an offset; a fraction of a second is truncated.
    public init?(parsingRFC3339 text: some StringProtocol) {
        guard let value = DateTimeText.instant(text) else { return nil }
        self = value
    }
}
