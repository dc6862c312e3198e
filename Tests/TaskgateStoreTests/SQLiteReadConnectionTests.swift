import Foundation
import TaskgateCore
import TaskgateStore
import Testing

/// The SQLite store's reads of one statement run on connections of their own (not GRDB's reader pool).
/// They must still see every commit made before they start, by this store or another on the same file,
/// and any number of them may run at once.
@Suite struct SQLiteReadConnectionTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("taskgate-read-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func aReaderSeesEachCommitOfAnotherStoreOnTheFile() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let writer = try SQLiteStore(path: path)
        let reader = try SQLiteStore(path: path)
        // The reader's connection is opened and idle before anything is written.
        #expect(try await reader.mapping(front: .wyn, frontID: "w-1", upstream: .fylr) == nil)

        let made = try await writer.frontID(
            upstream: .fylr, upstreamID: "7", front: .wyn, style: .integer, document: Array("first".utf8))
        #expect(try await reader.mapping(front: .wyn, frontID: made.frontID, upstream: .fylr) == made)
        #expect(try await reader.mapping(upstream: .fylr, upstreamID: "7", front: .wyn) == made)
        #expect(
            try await reader.frontDocument(front: .wyn, frontID: made.frontID, upstream: .fylr) == Array("first".utf8))

        try await writer.keepFrontDocument(Array("second".utf8), front: .wyn, frontID: made.frontID, upstream: .fylr)
        #expect(
            try await reader.frontDocument(front: .wyn, frontID: made.frontID, upstream: .fylr) == Array("second".utf8))

        #expect(try await writer.removeMapping(front: .wyn, frontID: made.frontID, upstream: .fylr))
        #expect(try await reader.mapping(front: .wyn, frontID: made.frontID, upstream: .fylr) == nil)
        #expect(try await reader.frontDocument(front: .wyn, frontID: made.frontID, upstream: .fylr) == nil)
    }

    @Test func manyReadsAtOnceAllAnswer() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let store = try SQLiteStore(path: path)
        let made = try await store.frontID(
            upstream: .fylr, upstreamID: "9", front: .wyn, style: .integer, document: Array("kept".utf8))
        // More at once than the store keeps connections for (8): the others open one and close it after.
        let answers = try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    try await store.frontDocument(front: .wyn, frontID: made.frontID, upstream: .fylr)
                }
            }
            var answers: [[UInt8]?] = []
            for try await answer in group { answers.append(answer) }
            return answers
        }
        #expect(answers == Array(repeating: Array("kept".utf8), count: 64))
    }
}
