import Synchronization

/// Values already computed in this process, by key, shared by the tasks of a run (``ConversionMemo``,
/// ``ParseMemo``, the proxy's converted answers). Each value must depend only on its key, so that a
/// remembered one is the very value a new computation would give. Bounded: when `capacity` values are
/// held, the memo starts again from empty.
package final class BoundedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])
    private let capacity: Int

    /// An empty memo holding up to `capacity` values.
    package init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The value remembered for `key`, or `make()`'s, remembered. Two tasks asking at once for the same key
    /// may both compute it; both get the same value.
    package func value(for key: Key, make: () -> Value) -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        let made = make()
        values.withLock { values in
            if values.count >= capacity { values.removeAll(keepingCapacity: true) }
            values[key] = made
        }
        return made
    }

    /// How many values are held.
    package var count: Int { values.withLock { $0.count } }
}
