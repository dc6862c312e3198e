import Foundation
import TaskgateCore
import TaskgateStore
import Testing

/// Processes (or replicas' tests) that open one new SQLite file at once all get a store: the schema is
/// created once, and the others find it applied instead of failing on "table already exists".
@Suite struct SQLiteOpeningTests {
    @Test func eightStoresOpeningOneNewFileAtOnceAllOpen() async throws {
        for round in 0..<10 {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("taskgate-open-\(round)-\(UUID().uuidString).sqlite").path
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let failures = await withTaskGroup(of: String?.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do {
                            _ = try SQLiteStore(path: path)
                            return nil
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                var failures: [String] = []
                for await failure in group { if let failure { failures.append(failure) } }
                return failures
            }
            #expect(failures == [])
            let store = try SQLiteStore(path: path)
            let mapping = try await store.frontID(upstream: .wyn, upstreamID: "w-1", front: .fylr, style: .integer)
            #expect(mapping.frontID == "1")
        }
    }
}
