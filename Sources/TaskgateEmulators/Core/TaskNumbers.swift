import GRDB
import Synchronization

/// The products' task numbers (fylr's integer ids: 1, 2, …, never reused after a delete; for every product,
/// the task's place in its range of rowids, ``TaskSequences``), handed out inside a commit group and written
/// to the `counter` table once per group.
///
/// A group reads a product's last number the first time one of its writes asks for one, counts on in memory,
/// and writes the last number it handed out just before it commits (``GroupState``). Everything happens in
/// the group's transaction, which holds SQLite's write lock: no other connection hands out numbers
/// meanwhile, and a group that is rolled back leaves the table as it was.
///
/// Writing the counter once per write was about 15 % of the writer's time in a profile of fylr creates: an
/// upsert with `RETURNING`, and its row read through a cursor.
final class TaskNumbers: GroupState {
    /// One product's numbers in the current group.
    private struct Handed {
        /// The last number stored before the group.
        var stored: Int64
        /// The last number handed out in the group.
        var last: Int64
    }

    /// The current group's numbers; only the writer's queue touches them, one group at a time.
    private let handed = Mutex<[EmulatedProduct: Handed]>([:])

    /// The next number of `product`, in the transaction of the current group.
    func next(for product: EmulatedProduct, in database: Database) throws -> Int64 {
        let known = handed.withLock { $0[product] }
        let current: Handed
        if let known {
            current = known
        } else {
            let stored =
                try Int64.fetchOne(
                    database.cachedStatement(sql: "SELECT last FROM counter WHERE product = ?"),
                    arguments: [product.rawValue]) ?? 0
            current = Handed(stored: stored, last: stored)
        }
        let number = current.last + 1
        handed.withLock { $0[product] = Handed(stored: current.stored, last: number) }
        return number
    }

    /// Takes back `number`, the last one handed out for `product`: the write that took it was rolled back, and
    /// the next create gets it again, as it did when the counter was written in that write's savepoint.
    func giveBack(_ number: Int64, for product: EmulatedProduct) {
        handed.withLock { handed in
            guard handed[product]?.last == number else { return }
            handed[product]?.last = number - 1
        }
    }

    /// Writes each product's last number that the group moved on.
    func flush(_ database: Database) throws {
        let moved = handed.withLock { handed in
            defer { handed.removeAll(keepingCapacity: true) }
            return handed.filter { $0.value.last > $0.value.stored }
        }
        for (product, numbers) in moved {
            try database.cachedStatement(
                sql: """
                    INSERT INTO counter (product, last) VALUES (?, ?)
                    ON CONFLICT (product) DO UPDATE SET last = excluded.last
                    """
            ).execute(arguments: [product.rawValue, numbers.last])
        }
    }

    /// Forgets the group's numbers: its transaction is rolled back, and so is everything it handed out.
    func discard() {
        handed.withLock { $0.removeAll(keepingCapacity: true) }
    }
}
