import Synchronization
import TaskgateCore
import Testing

@testable import TaskgateProxy

@Suite("converted answers remembered")
struct AnswerMemoTests {
    private static let task = Array(#"{"name":"Hourly ops snapshot"}"#.utf8)
    private static let now = Instant(secondsSinceEpoch: 1_795_000_000)

    @Test("an answer is converted once per task, front document and second")
    func keys() {
        let memo = AnswerMemo()
        let conversions = Mutex(0)
        func answer(_ key: AnswerMemo.Key) -> ConversionStatus? {
            let result = memo.answer(for: key) {
                let count = conversions.withLock { count in
                    count += 1
                    return count
                }
                return .success(AnswerMemo.Answer(json: .integer(Int64(count)), status: .lossy))
            }
            return try? result.get().status
        }
        let first = AnswerMemo.Key(task: Self.task, written: nil, now: Self.now)
        #expect(answer(first) == .lossy)
        #expect(answer(first) == .lossy)
        #expect(conversions.withLock { $0 } == 1)
        // Each part of the key makes a new conversion: another second, a front document (even an empty
        // one, which is not the same as none), other bytes.
        let others = [
            AnswerMemo.Key(task: Self.task, written: nil, now: Instant(secondsSinceEpoch: 1_795_000_001)),
            AnswerMemo.Key(task: Self.task, written: [], now: Self.now),
            AnswerMemo.Key(task: Self.task, written: Array("{}".utf8), now: Self.now),
            AnswerMemo.Key(task: Self.task + [0x20], written: nil, now: Self.now),
        ]
        for key in others { _ = answer(key) }
        #expect(conversions.withLock { $0 } == 5)
        for key in others { _ = answer(key) }
        #expect(conversions.withLock { $0 } == 5)
    }

    @Test("keys that are equal hash alike, and the bytes of a task and its document do not run together")
    func hashing() {
        let key = AnswerMemo.Key(task: [1, 2, 3], written: [4], now: Self.now)
        #expect(key == AnswerMemo.Key(task: [1, 2, 3], written: [4], now: Self.now))
        #expect(key.hashValue == AnswerMemo.Key(task: [1, 2, 3], written: [4], now: Self.now).hashValue)
        #expect(key != AnswerMemo.Key(task: [1, 2], written: [3, 4], now: Self.now))
        #expect(key.hashValue != AnswerMemo.Key(task: [1, 2], written: [3, 4], now: Self.now).hashValue)
    }
}
