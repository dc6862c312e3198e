public import TaskgateCore

/// Ids of the same objects in two products — a Wyn document and the Qlik app that replaces it —
/// supplied by the user (`--id-map FILE`).
public struct IDMap: Hashable, Sendable {
    /// One mapped object.
    public struct Entry: Hashable, Sendable {
        /// The product the object is known in.
        public var from: Product
        /// The product the object is known in.
        public var fromID: String
        /// The product it is known in after the move.
        public var to: Product
        /// The product it is known in after the move.
        public var toID: String
        /// The target kind in the destination product (`app`, `workflow`), when it changes.
        public var toKind: String?

        /// Creates an entry.
        public init(from: Product, fromID: String, to: Product, toID: String, toKind: String? = nil) {
            self.from = from
            self.fromID = fromID
            self.to = to
            self.toID = toID
            self.toKind = toKind
        }
    }

    /// The mapped objects.
    public var entries: [Entry]

    /// Creates a map.
    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// The destination entry for a source object, if the user mapped it.
    public func entry(from: Product, id: String, to: Product) -> Entry? {
        entries.first { $0.from == from && $0.fromID == id && $0.to == to }
    }
}
