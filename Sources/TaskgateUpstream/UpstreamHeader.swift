/// One HTTP header field, kept in the order it was sent or received.
public struct UpstreamHeader: Hashable, Sendable {
    /// The field name as written ("Content-Type").
    public var name: String
    /// The field value, without surrounding whitespace.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension [UpstreamHeader] {
    /// The first value of the named field, compared without case.
    public func first(named name: String) -> String? {
        let lowered = name.lowercased()
        return first { $0.name.lowercased() == lowered }?.value
    }
}
