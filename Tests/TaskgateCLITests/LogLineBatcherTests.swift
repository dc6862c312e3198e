import Foundation
import Logging
import Synchronization
import Testing

@testable import taskgate

@Suite struct LogLineBatcherTests {
    /// The batches a batcher wrote, as text.
    final class Batches: Sendable {
        let kept = Mutex<[String]>([])
        func append(_ bytes: [UInt8]) { kept.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } }
        var all: [String] { kept.withLock { $0 } }
    }

    @Test func infoLinesWaitAndLeaveInOneWriteOnFlush() {
        let batches = Batches()
        let batcher = LogLineBatcher(delay: .seconds(600)) { batches.append($0) }
        batcher.append("one\n", level: .info)
        batcher.append("two\n", level: .notice)
        #expect(batches.all == [])
        batcher.flush()
        batcher.flush()
        #expect(batches.all == ["one\ntwo\n"])
    }

    @Test func aWarningIsWrittenAtOnceAfterTheLinesBeforeIt() {
        let batches = Batches()
        let batcher = LogLineBatcher(delay: .seconds(600)) { batches.append($0) }
        batcher.append("request finished\n", level: .info)
        batcher.append("upstream refused\n", level: .warning)
        batcher.append("later\n", level: .info)
        #expect(batches.all == ["request finished\nupstream refused\n"])
        batcher.append("failed\n", level: .error)
        #expect(batches.all == ["request finished\nupstream refused\n", "later\nfailed\n"])
    }

    @Test func linesPassingTheLimitAreWrittenAtOnce() {
        let batches = Batches()
        let batcher = LogLineBatcher(delay: .seconds(600), limit: 10) { batches.append($0) }
        batcher.append("12345\n", level: .info)
        #expect(batches.all == [])
        batcher.append("67890\n", level: .info)
        #expect(batches.all == ["12345\n67890\n"])
    }

    @Test func waitingLinesAreWrittenAfterTheDelay() {
        let batches = Batches()
        // Signalled by each write, which runs on the batcher's own queue: the wait needs no other thread.
        let written = DispatchSemaphore(value: 0)
        let batcher = LogLineBatcher(delay: .milliseconds(20)) { bytes in
            batches.append(bytes)
            written.signal()
        }
        batcher.append("one\n", level: .info)
        batcher.append("two\n", level: .info)
        #expect(written.wait(timeout: .now() + 30) == .success)
        #expect(batches.all == ["one\ntwo\n"])
        // The next line schedules a write of its own.
        batcher.append("three\n", level: .info)
        #expect(written.wait(timeout: .now() + 30) == .success)
        #expect(batches.all == ["one\ntwo\n", "three\n"])
    }

    @Test func anImmediateBatcherWritesEachLine() {
        let batches = Batches()
        let batcher = LogLineBatcher(delay: .seconds(600), immediate: true) { batches.append($0) }
        batcher.append("one\n", level: .info)
        batcher.append("two\n", level: .debug)
        #expect(batches.all == ["one\n", "two\n"])
    }
}
