/// Random (version 4) UUIDs in the lower-case text the products write, for ids the servers make: request
/// ids, task and run ids of the emulators.
///
/// Foundation's `UUID()` on Linux opens `/dev/urandom`, reads it and closes it again for every UUID, and
/// the text then costs an upper-case string and its lower-cased copy: about 3 µs a UUID, a visible part
/// of a proxied request. Here the 122 random bits come from the caller's generator (the system's is
/// `getrandom`, without a file) and the text is written once.
public enum RandomUUID {
    /// A new UUID, `xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx` in lower-case hex: the version nibble is 4 and
    /// `V` (the variant, RFC 9562 §4.1) is 8, 9, a or b; the other 122 bits are drawn from `generator`.
    public static func text(using generator: inout some RandomNumberGenerator) -> String {
        var high: UInt64 = generator.next()
        var low: UInt64 = generator.next()
        high = (high & ~0xF000) | 0x4000  // version 4 in bits 12–15 of the third group
        low = (low & ~(0b11 << 62)) | (0b10 << 62)  // variant 10 in the two top bits of the fourth group
        return String(unsafeUninitializedCapacity: 36) { text in
            var position = 0
            func write(_ word: UInt64, nibbles: ClosedRange<Int>) {
                for nibble in nibbles.reversed() {
                    if position == 8 || position == 13 || position == 18 || position == 23 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = RandomHex.lowerCaseDigits[Int(truncatingIfNeeded: (word >> (nibble * 4)) & 0xF)]
                    position += 1
                }
            }
            write(high, nibbles: 0...15)
            write(low, nibbles: 0...15)
            return position
        }
    }

    /// A new UUID drawn from the system's generator.
    public static func text() -> String {
        var generator = SystemRandomNumberGenerator()
        return text(using: &generator)
    }
}
