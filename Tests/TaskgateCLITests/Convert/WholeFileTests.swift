import Foundation
import Testing

@testable import taskgate

/// Reading input files, and telling text from bytes that are not UTF-8.
@Suite struct WholeFileTests {
    @Test func aFileIsReadWholeAndAMissingOneSaysWhy() throws {
        let folder = try ConvertTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let large = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        for (name, contents) in [("empty.json", Data()), ("small.json", Data("{}".utf8)), ("large.json", large)] {
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: contents))
            #expect(try WholeFile.read(folder + "/" + name).get() == contents)
        }
        switch WholeFile.read(folder + "/gone.json") {
        case .success: Issue.record("read a file that is not there")
        case .failure(let failure): #expect(failure.reason == "No such file or directory")
        }
        switch WholeFile.read(folder) {
        case .success: Issue.record("read a folder as a file")
        case .failure(let failure): #expect(failure.reason == "Is a directory")
        }
    }

    @Test func theFirstByteThatIsNotUTF8IsFound() {
        #expect(FileConversion.firstInvalidUTF8Offset(in: Data("{\"a\": 1}".utf8)) == nil)
        #expect(FileConversion.firstInvalidUTF8Offset(in: Data("{\"é\": \"日本\"}".utf8)) == nil)
        #expect(FileConversion.firstInvalidUTF8Offset(in: Data([0x7B, 0x22, 0xC3, 0xA9, 0xFF, 0x22])) == 4)
        #expect(FileConversion.firstInvalidUTF8Offset(in: Data([0xE6, 0x97])) == 0)
    }
}
