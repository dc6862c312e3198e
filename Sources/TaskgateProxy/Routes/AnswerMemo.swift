import TaskgateCore
import TaskgateVendors

/// Upstream tasks already converted into the front's shape: by the upstream's task as it sent it, the
/// document the front last wrote, and the second.
///
/// Clients poll, and under load the same task is read many times a second; each read decoded the
/// upstream's task and encoded the front's anew, about a fifth of a proxied GET's CPU. A conversion depends
/// only on the upstream's task, the front's document where it is merged in, the adapters' settings (fixed
/// for the process) and "now", which has whole seconds: a remembered answer is exactly a new one. The key
/// holds the upstream's bytes, not the JSON read from them: hashing a tree of dictionaries cost more than
/// half of what a hit saved, and a hit keyed by bytes does not read them at all.
final class AnswerMemo: Sendable {
    /// What an answer depends on.
    struct Key: Hashable, Sendable {
        /// The task as the upstream answered it (or as ``JSONWriter`` writes a task read from a list).
        var task: [UInt8]
        /// The front's last write of the task, when it was merged in; `nil` for the upstream's task alone.
        var written: [UInt8]?
        /// "Now", in whole seconds.
        var now: Instant

        /// The bytes hashed as one block: an array's own hashing combines its elements one by one.
        func hash(into hasher: inout Hasher) {
            task.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(task.count)
            if let written {
                written.withUnsafeBytes { hasher.combine(bytes: $0) }
                hasher.combine(written.count)
            } else {
                hasher.combine(-1)
            }
            hasher.combine(now)
        }
    }

    /// The upstream's task in the front's shape.
    struct Answer: Sendable {
        /// The front's JSON, without the front id; `nil` when the front's shape cannot hold the task.
        var json: JSONValue?
        /// The conversion's verdict.
        var status: ConversionStatus
    }

    /// Why there is no answer.
    enum Failure: Error, Hashable, Sendable {
        /// The upstream's bytes are not a JSON object.
        case notATask
        /// The upstream's adapter cannot read the task.
        case unreadable(TaskDecodingError)
    }

    private let answers: BoundedMemo<Key, Result<Answer, Failure>>

    /// An empty memo holding up to `capacity` answers.
    init(capacity: Int = 4096) {
        answers = BoundedMemo(capacity: capacity)
    }

    /// The answer for `key`, remembered, or `convert()`'s.
    func answer(for key: Key, convert: () -> Result<Answer, Failure>) -> Result<Answer, Failure> {
        answers.value(for: key, make: convert)
    }
}
