import Logging
import Synchronization
import Testing

@testable import taskgate

@Suite struct ServerLogHandlerTests {
    /// The lines a handler wrote.
    final class Lines: Sendable {
        let kept = Mutex<[String]>([])
        func append(_ line: String) { kept.withLock { $0.append(line) } }
        var all: [String] { kept.withLock { $0 } }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String { "upstream refused" }
    }

    static func logger(_ lines: Lines, nanoseconds: Int = 48_000_000) -> Logger {
        // 1,795,537,582 s: 2026-11-24T16:26:22Z.
        Logger(label: "taskgate.serve") { label in
            ServerLogHandler(
                label: label, sink: { line, _ in lines.append(line) }, clock: { (1_795_537_582, nanoseconds) })
        }
    }

    @Test func aLineHasTheTimeInUTCToTheMillisecondAndTheMetadataSortedByKey() {
        let lines = Lines()
        var logger = Self.logger(lines)
        logger[metadataKey: "tg.request_id"] = "e8665dd8-d20b-481e-b6a1-5ec1800d1965"
        logger.info(
            "request finished", metadata: ["tg.status": "200", "tg.method": "GET", "tg.request_id": "given"],
            source: "TaskgateProxy")
        #expect(
            lines.all == [
                "2026-11-24T16:26:22.048Z info taskgate.serve: tg.method=GET tg.request_id=given tg.status=200 "
                    + "[TaskgateProxy] request finished\n"
            ])
    }

    @Test(arguments: [(0, "000"), (7_000_000, "007"), (999_999_999, "999"), (120_500_000, "120")])
    func millisecondsHaveThreeDigits(nanoseconds: Int, written: String) {
        let lines = Lines()
        Self.logger(lines, nanoseconds: nanoseconds).notice("up", source: "taskgate")
        #expect(lines.all == ["2026-11-24T16:26:22.\(written)Z notice taskgate.serve: [taskgate] up\n"])
    }

    @Test func anErrorIsNamedAndLevelsBelowInfoAreDropped() {
        let lines = Lines()
        let logger = Self.logger(lines)
        logger.debug("not written", source: "taskgate")
        logger.error("upstream failed", error: Failure(), source: "TaskgateUpstream")
        #expect(
            lines.all == [
                "2026-11-24T16:26:22.048Z error taskgate.serve: error.message=upstream refused "
                    + "error.type=TaskgateCLITests.ServerLogHandlerTests.Failure [TaskgateUpstream] upstream failed\n"
            ])
    }
}
