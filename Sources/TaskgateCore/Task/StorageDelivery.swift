/// Output written to a store.
public struct StorageDelivery: Hashable, Sendable {
    /// The kind of store, from the vocabulary in `mappings/`: `wyn-document-store`, `smb`,
    /// `external`, `sharepoint`.
    public var kind: String
    /// A folder or path, where the product names one.
    public var location: String?
    /// The product's settings for the store, verbatim.
    public var settings: JSONObject

    /// Creates a storage delivery.
    public init(kind: String, location: String? = nil, settings: JSONObject = [:]) {
        self.kind = kind
        self.location = location
        self.settings = settings
    }
}
