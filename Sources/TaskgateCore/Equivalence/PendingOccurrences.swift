/// One side's unmatched occurrences waiting to be paired with the other side's, oldest first: a queue
/// whose oldest element is taken in constant time.
///
/// An array's `removeFirst()` moves every element behind the first. With a side that fires every few
/// minutes and nothing to pair with, the pairing window (26 hours) holds about 500 occurrences, all
/// moved for each one taken: 77 % of a 15-second conversion of a Wyn task that fires every 3 minutes
/// from 1695, whose zone's mean solar offset (+05:53:28) the target cannot hold.
struct PendingOccurrences {
    private var storage: [Occurrence] = []
    /// The index of the oldest waiting occurrence in `storage`; the ones before it were taken.
    private var head = 0

    /// The oldest waiting occurrence.
    var first: Occurrence? { head < storage.count ? storage[head] : nil }

    /// Adds the newest occurrence.
    mutating func append(_ occurrence: Occurrence) {
        storage.append(occurrence)
    }

    /// Takes the oldest occurrence.
    mutating func removeFirst() -> Occurrence? {
        guard head < storage.count else { return nil }
        let occurrence = storage[head]
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024, head * 2 >= storage.count {
            // The taken half is dropped at once: each occurrence is moved at most once more.
            storage.removeFirst(head)
            head = 0
        }
        return occurrence
    }

    /// Takes the oldest occurrence that `matches`, if any.
    mutating func removeFirst(where matches: (Occurrence) -> Bool) -> Occurrence? {
        guard let index = storage[head...].firstIndex(where: matches) else { return nil }
        return index == head ? removeFirst() : storage.remove(at: index)
    }
}
