import Synchronization
import TaskgateStore

/// The id-map rows this process has read or made, so that reads and lists do not ask the store each time.
///
/// A mapping never changes once made; it is only removed. A remembered one is the row the store holds —
/// or, once another replica removed it with its task, an upstream id the upstream answers 404 for, which
/// is the answer the removed task gets anyway. Bounded: when `capacity` rows are held it starts again
/// from empty.
final class MappingCache: Sendable {
    private struct Rows {
        var upstreamByFront: [String: String] = [:]
        var frontByUpstream: [String: String] = [:]
    }

    private let rows = Mutex(Rows())
    private let capacity: Int

    /// An empty cache holding up to `capacity` mappings.
    init(capacity: Int = 100_000) {
        self.capacity = max(1, capacity)
    }

    /// The upstream id of front id `frontID`, if remembered.
    func upstreamID(front frontID: String) -> String? {
        rows.withLock { $0.upstreamByFront[frontID] }
    }

    /// The front id of upstream id `upstreamID`, if remembered.
    func frontID(upstream upstreamID: String) -> String? {
        rows.withLock { $0.frontByUpstream[upstreamID] }
    }

    /// Remembers `mapping`.
    func remember(_ mapping: IDMapping) {
        rows.withLock { rows in
            if rows.upstreamByFront.count >= capacity { rows = Rows() }
            rows.upstreamByFront[mapping.frontID] = mapping.upstreamID
            rows.frontByUpstream[mapping.upstreamID] = mapping.frontID
        }
    }

    /// Forgets the mapping of front id `frontID` (its task was deleted).
    func forget(front frontID: String) {
        rows.withLock { rows in
            if let upstreamID = rows.upstreamByFront.removeValue(forKey: frontID) {
                rows.frontByUpstream.removeValue(forKey: upstreamID)
            }
        }
    }
}
