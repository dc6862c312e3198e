import Testing

@testable import TaskgateCore

@Suite struct PendingOccurrencesTests {
    static func occurrence(_ second: Int64) -> Occurrence {
        let instant = Instant(secondsSinceEpoch: second)
        return Occurrence(instant: instant, local: LocalDateTime(secondsSinceEpoch: second))
    }

    @Test func occurrencesLeaveInTheOrderTheyCameThroughEveryCompaction() {
        var queue = PendingOccurrences()
        var taken: [Int64] = []
        // Appends outpace takes, so the taken front is dropped several times while others wait.
        for second in Int64(0)..<5_000 {
            queue.append(Self.occurrence(second))
            if second % 3 != 0, let first = queue.removeFirst() { taken.append(first.instant.secondsSinceEpoch) }
        }
        while let first = queue.removeFirst() { taken.append(first.instant.secondsSinceEpoch) }
        #expect(taken == Array(0..<5_000))
        #expect(queue.first == nil)
    }

    @Test func theOldestMatchingOccurrenceIsTakenFromTheMiddle() {
        var queue = PendingOccurrences()
        for second: Int64 in [10, 20, 30, 40] { queue.append(Self.occurrence(second)) }
        #expect(queue.removeFirst()?.instant.secondsSinceEpoch == 10)
        #expect(queue.removeFirst { $0.instant.secondsSinceEpoch >= 25 }?.instant.secondsSinceEpoch == 30)
        #expect(queue.removeFirst { $0.instant.secondsSinceEpoch > 40 } == nil)
        #expect(queue.removeFirst { _ in true }?.instant.secondsSinceEpoch == 20)
        #expect(queue.removeFirst()?.instant.secondsSinceEpoch == 40)
        #expect(queue.removeFirst() == nil)
    }
}
