/// Random lower-case hex text, for the ids and tokens the servers make that are not UUIDs: Qlik's 24-hex
/// object ids, 16-hex trace ids, the 32-hex tokens `serve` generates.
///
/// Each 64-bit word of the generator gives 16 digits, written once into the string; the system's
/// generator is `getrandom`, without a file (see ``RandomUUID``).
public enum RandomHex {
    /// `digits` hex digits drawn from `generator`, most significant nibble of each word first; empty for
    /// zero or fewer digits.
    public static func text(digits: Int, using generator: inout some RandomNumberGenerator) -> String {
        guard digits > 0 else { return "" }
        return String(unsafeUninitializedCapacity: digits) { text in
            var word: UInt64 = 0
            for position in 0..<digits {
                let nibble = position % 16
                if nibble == 0 { word = generator.next() }
                text[position] = lowerCaseDigits[Int(truncatingIfNeeded: (word >> UInt64(60 - nibble * 4)) & 0xF)]
            }
            return digits
        }
    }

    /// `digits` hex digits drawn from the system's generator.
    public static func text(digits: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return text(digits: digits, using: &generator)
    }

    /// `0123456789abcdef` as bytes, indexed by a nibble's value.
    static let lowerCaseDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
