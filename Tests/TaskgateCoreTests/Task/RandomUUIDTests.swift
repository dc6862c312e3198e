import Foundation
import Testing

@testable import TaskgateCore

@Suite struct RandomUUIDTests {
    @Test(
        arguments: [
            ([0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210], "01234567-89ab-4def-bedc-ba9876543210"),
            ([0, 0], "00000000-0000-4000-8000-000000000000"),
            ([UInt64.max, UInt64.max], "ffffffff-ffff-4fff-bfff-ffffffffffff"),
        ] as [([UInt64], String)])
    func theWordsAreWrittenWithTheVersionAndVariantSet(words: [UInt64], expected: String) {
        var generator = FixedWords(words: words)
        let text = RandomUUID.text(using: &generator)
        #expect(text == expected)
        // Foundation reads it as the same UUID and calls it version 4, variant RFC 9562.
        let uuid = UUID(uuidString: text)
        #expect(uuid?.uuidString.lowercased() == text)
        #expect(uuid.map { $0.uuid.6 >> 4 } == 4)
        #expect(uuid.map { $0.uuid.8 >> 6 } == 0b10)
    }

    @Test func systemUUIDsAreDistinctAndWellFormed() {
        let texts = (0..<1_000).map { _ in RandomUUID.text() }
        #expect(Set(texts).count == 1_000)
        for text in texts {
            #expect(text.utf8.count == 36)
            #expect(UUID(uuidString: text)?.uuidString.lowercased() == text)
            #expect(Array(text)[14] == "4")
            #expect("89ab".contains(Array(text)[19]))
        }
    }
}
