/// Ordinal numbers in English: `1st`, `third`, `last`, `second-to-last`.
enum EnglishOrdinal {
    private static let words = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    ]

    /// The number with its suffix: `1st`, `2nd`, `3rd`, `11th`, `22nd`.
    static func numbered(_ value: Int) -> String {
        let lastTwo = value % 100
        let suffix: String
        if (11...13).contains(lastTwo) {
            suffix = "th"
        } else {
            switch value % 10 {
            case 1: suffix = "st"
            case 2: suffix = "nd"
            case 3: suffix = "rd"
            default: suffix = "th"
            }
        }
        return "\(value)\(suffix)"
    }

    /// A word up to the tenth, the suffixed number after it: `third`, `20th`.
    static func word(_ value: Int) -> String {
        (1...words.count).contains(value) ? words[value - 1] : numbered(value)
    }

    /// A position counted from the start (positive) or from the end (negative, -1 the last):
    /// `first`, `last`, `second-to-last`.
    static func position(_ value: Int) -> String {
        if value >= 0 { return word(value) }
        return value == -1 ? "last" : word(-value) + "-to-last"
    }

    /// Positions ascending with those from the start first: 1, 3, -2, -1.
    static func sortedPositions(_ values: some Sequence<Int>) -> [Int] {
        let all = Array(Set(values))
        return all.filter { $0 > 0 }.sorted() + all.filter { $0 < 0 }.sorted()
    }
}
