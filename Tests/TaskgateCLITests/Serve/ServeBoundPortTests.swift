import Foundation
import Logging
import TaskgateTestSupport
import TaskgateUpstream
import Testing

/// `serve --port 0` lets the system choose the port and announces the one it got, so a test or a
/// supervisor never has to find a free port and hand it over (another process can take it in between).
@Suite struct ServeBoundPortTests {
    @Test func theAnnouncementNamesThePortTheSystemChose() async throws {
        let executable = URL(
            fileURLWithPath: try #require(TaskgateExecutable.path, "no taskgate executable next to the tests"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taskgate-port-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let serve = try await ServeProcess(
            executable: executable,
            arguments: ["--store", folder.appendingPathComponent("taskgate.sqlite").path, "--front-token", "port-test"])
        defer { serve.stop() }
        #expect(serve.origin.hasPrefix("http://127.0.0.1:"))
        #expect(!serve.origin.hasSuffix(":0"))
        let client = try UpstreamClient(
            configuration: UpstreamConfiguration(retry: UpstreamRetryPolicy(maximumAttempts: 1)),
            logger: Logger(label: "port-test") { _ in SwiftLogNoOpLogHandler() })
        defer { client.shutdown() }
        let answer = try await client.send(UpstreamRequest(method: "GET", url: serve.origin + "/healthz"))
        #expect(answer.status == 200)
    }

    @Test func theOriginIsReadOnlyFromAWholeFirstLine() {
        let line = "taskgate serve: wyn API at http://127.0.0.1:40123/api/v2/scheduler/tasks in front of qlik-sharing"
        #expect(ServeProcess.origin(announcedIn: line) == nil)
        #expect(ServeProcess.origin(announcedIn: line + "\n") == "http://127.0.0.1:40123")
        #expect(ServeProcess.origin(announcedIn: "front token (generated): x\n") == nil)
    }
}
