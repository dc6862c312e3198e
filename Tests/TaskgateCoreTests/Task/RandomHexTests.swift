import Testing

@testable import TaskgateCore

@Suite struct RandomHexTests {
    @Test(
        arguments: [
            (24, [0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210], "0123456789abcdeffedcba98"),
            (16, [0x0123_4567_89ab_cdef], "0123456789abcdef"),
            (32, [UInt64.max, 0], "ffffffffffffffff0000000000000000"),
            (3, [0xabc0_0000_0000_0000], "abc"),
            (0, [], ""),
            (-1, [], ""),
        ] as [(Int, [UInt64], String)])
    func eachWordGivesSixteenDigitsMostSignificantFirst(digits: Int, words: [UInt64], expected: String) {
        var generator = FixedWords(words: words)
        #expect(RandomHex.text(digits: digits, using: &generator) == expected)
        #expect(generator.words.isEmpty)
    }

    @Test func systemTextsAreDistinctAndLowerCaseHex() {
        let texts = (0..<1_000).map { _ in RandomHex.text(digits: 24) }
        #expect(Set(texts).count == 1_000)
        for text in texts {
            #expect(text.utf8.count == 24)
            #expect(text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        }
    }
}
