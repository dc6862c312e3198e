/// A cursor over the characters of one part of an ISO 8601 text.
struct CharacterReader {
    private let characters: [Character]
    private(set) var position = 0

    init(_ characters: [Character]) {
        self.characters = characters
    }

    var isAtEnd: Bool { position >= characters.count }

    /// The character at the cursor, if any.
    var peek: Character? { isAtEnd ? nil : characters[position] }

    mutating func advance() {
        position += 1
    }

    mutating func consume(_ character: Character) -> Bool {
        guard peek == character else { return false }
        position += 1
        return true
    }

    /// Exactly `count` ASCII digits, as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard position + count <= characters.count else { return nil }
        var value = 0
        for index in position..<(position + count) {
            guard let digit = characters[index].asciiDigit else { return nil }
            value = value * 10 + digit
        }
        position += count
        return value
    }

    /// One or more ASCII digits, as characters.
    mutating func digitRun() -> [Character]? {
        let start = position
        while let character = peek, character.asciiDigit != nil { position += 1 }
        return position > start ? Array(characters[start..<position]) : nil
    }
}

extension Character {
    /// The value of an ASCII digit `0`–`9` (not of other Unicode digits).
    var asciiDigit: Int? {
        guard let ascii = asciiValue, ascii >= UInt8(ascii: "0"), ascii <= UInt8(ascii: "9") else { return nil }
        return Int(ascii - UInt8(ascii: "0"))
    }
}

extension [Character] {
    /// A decimal number of ASCII digits, or `nil` when it is empty, has another character, or
    /// exceeds `limit` (checked, so that no input overflows).
    func decimalValue(limit: Int) -> Int? {
        guard !isEmpty else { return nil }
        var value = 0
        for character in self {
            guard let digit = character.asciiDigit else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow, times <= limit - digit else { return nil }
            value = times + digit
        }
        return value
    }
}
