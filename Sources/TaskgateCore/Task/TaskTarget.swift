/// The object a task works on.
public struct TaskTarget: Hashable, Sendable {
    /// The kind, from the vocabulary in `mappings/`: `report`, `dashboard`, `dataset`, `app`,
    /// `workflow`, `search`.
    public var kind: String
    /// The product's id of the object (a Wyn document id, a Qlik app id, a vCO workflow id).
    public var id: String
    /// Its name, when the product gives one.
    public var name: String?

    /// Creates a target.
    public init(kind: String, id: String, name: String? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
    }
}
