import Foundation
import GRDB
import Testing

@testable import TaskgateEmulators

/// Checkpoints beside the writer: the log keeps starting over, and nothing written is lost.
@Suite("WAL checkpointer")
struct WALCheckpointerTests {
    @Test("600 commits keep the log within a few groups' pages, and every row is in the file after a reopen")
    func logStaysSmall() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checkpointer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        var configuration = Configuration()
        configuration.prepareDatabase { try WALCheckpointer.prepareWriter($0) }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try await pool.write { try $0.execute(sql: "CREATE TABLE item (value INTEGER PRIMARY KEY, text TEXT)") }
        let checkpointer = try WALCheckpointer(path: path, interval: 8, passesBeforeRestart: 2)
        let commits = GroupCommit(writer: pool, afterCommit: checkpointer.groupCommitted)
        // One write to a group: each commit appends the table's last page (and its parent once the table
        // splits) to the log, about 4 KB. Without a restart the log would hold them all: 600 of them.
        //
        // Each group waits for the checkpoint beside the writer to end. Without that wait, a checkpoint still
        // running when the next one was due was skipped, and on a loaded machine (the whole suite at once)
        // so few ran that the log outgrew the bound.
        let text = String(repeating: "x", count: 1_000)
        for value in 0..<600 {
            try await commits.write { database in
                try database.execute(sql: "INSERT INTO item (value, text) VALUES (?, ?)", arguments: [value, text])
            }
            try await checkpointer.checkpointsFinished()
        }
        let logSize = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? -1
        #expect(logSize > 0)
        #expect(logSize < 600 * 4_096 / 4, "the log grew to \(logSize) bytes")
        try pool.close()
        let reopened = try DatabaseQueue(path: path)
        let count = try await reopened.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM item") }
        #expect(count == 600)
    }
}
