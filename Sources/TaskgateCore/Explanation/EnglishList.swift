/// Lists of phrases joined as English writes them: `a`, `a and b`, `a, b and c`.
enum EnglishList {
    /// The items joined by commas, with `conjunction` before the last one.
    static func joined(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }
    }

    /// The text with its first letter in upper case, to open a sentence.
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
