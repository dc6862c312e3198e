/// The text of an RRULE set being read — its lines joined by ` | ` — and the errors that point
/// into it.
///
/// Parsing works on the UTF-8 bytes of the whole text with absolute offsets, so that every
/// error names its column in the text the user gave.
struct RRuleSource {
    /// The lines joined by ` | `, as errors quote them.
    let expression: String
    let bytes: [UInt8]
    /// The byte range of each line in ``bytes``.
    let lines: [Range<Int>]

    init(lines: [String]) {
        expression = lines.joined(separator: " | ")
        bytes = Array(expression.utf8)
        var ranges: [Range<Int>] = []
        var start = 0
        for line in lines {
            let end = start + line.utf8.count
            ranges.append(start..<end)
            start = end + 3
        }
        self.lines = ranges
    }

    /// The text of a byte range.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The text of a byte range with ASCII letters in upper case (RFC 5545 names and values are
    /// case-insensitive; taskgate accepts either case).
    func upperText(_ range: Range<Int>) -> String {
        String(decoding: bytes[range].map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }, as: UTF8.self)
    }

    /// The byte ranges between the separators in `range` (a value with no separator is one piece;
    /// an empty range gives one empty piece).
    func split(_ range: Range<Int>, on separator: UInt8) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where bytes[index] == separator {
            pieces.append(start..<index)
            start = index + 1
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }

    /// The first offset of `byte` in `range`, if any.
    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        range.first { bytes[$0] == byte }
    }

    /// `range` without the spaces, tabs and line ends at either end.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
        while lower < upper, isBlank(bytes[lower]) { lower += 1 }
        while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// A whole number written with ASCII digits, optionally signed; `nil` when the text is not
    /// one or has more than ten digits (`COUNT` and `INTERVAL` reach 2,147,483,647, and nothing
    /// overflows).
    func integer(_ range: Range<Int>, signed: Bool) -> Int? {
        var index = range.lowerBound
        var sign = 1
        if signed, index < range.upperBound, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
        }
        let digitCount = range.upperBound - index
        guard digitCount >= 1, digitCount <= 10 else { return nil }
        var value = 0
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            index += 1
        }
        return sign * value
    }

    /// An error about the text at `range`.
    func error(_ field: String, at range: Range<Int>, _ reason: String) -> ScheduleSyntaxError {
        // Offsets are counted in characters; the separators that start a value are ASCII, so a
        // byte offset always falls on a character boundary.
        let offset = String(decoding: bytes[..<min(range.lowerBound, bytes.count)], as: UTF8.self).count
        return ScheduleSyntaxError(
            dialect: .rrule, expression: expression, field: field, offset: offset, value: text(range), reason: reason)
    }
}
