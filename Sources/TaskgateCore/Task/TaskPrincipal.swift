/// A user as a product names one.
public struct TaskPrincipal: Hashable, Sendable {
    /// The product's id of the user.
    public var id: String?
    /// The user's name or login.
    public var name: String?
    /// The identity provider (`local`, an SSO realm).
    public var provider: String?
    /// The organisation or tenant.
    public var organization: String?

    /// Creates a principal.
    public init(id: String? = nil, name: String? = nil, provider: String? = nil, organization: String? = nil) {
        self.id = id
        self.name = name
        self.provider = provider
        self.organization = organization
    }
}
