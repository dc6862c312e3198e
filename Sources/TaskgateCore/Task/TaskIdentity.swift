/// Which product a task came from, and what people call it.
public struct TaskIdentity: Hashable, Sendable {
    /// The product the task was read from.
    public var product: Product
    /// The task's name (Wyn `description`, Qlik `name`, fylr `description`).
    public var name: String
    /// A longer description, where the product has one besides the name.
    public var description: String?

    /// Creates an identity.
    public init(product: Product, name: String, description: String? = nil) {
        self.product = product
        self.name = name
        self.description = description
    }
}
