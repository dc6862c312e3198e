import TaskgateCore

/// Typed access to the members of one JSON object in a product document, with errors that name
/// the JSON path, the value found and what was expected.
struct JSONFields: Hashable, Sendable {
    /// The product whose document it is.
    var product: Product
    /// Where the object is in the document.
    var path: JSONPath
    /// Its members.
    var members: JSONObject

    /// Reads `value` as an object.
    ///
    /// - Throws: ``TaskDecodingError`` when `value` is not an object.
    init(_ value: JSONValue, at path: JSONPath, product: Product) throws(TaskDecodingError) {
        guard case .object(let members) = value else {
            throw TaskDecodingError(product: product, path: path, value: value, expected: "an object")
        }
        self.product = product
        self.path = path
        self.members = members
    }

    /// An error at a member.
    func error(_ key: String, _ value: JSONValue?, expected: String) -> TaskDecodingError {
        TaskDecodingError(product: product, path: path.appending(key), value: value, expected: expected)
    }

    /// A string member; `nil` when missing or `null`.
    func string(_ key: String) throws(TaskDecodingError) -> String? {
        switch members[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw error(key, other, expected: "a string")
        }
    }

    /// A string member that must be there.
    func requiredString(_ key: String) throws(TaskDecodingError) -> String {
        guard let text = try string(key) else { throw error(key, nil, expected: "a string") }
        return text
    }

    /// A Boolean member; `nil` when missing or `null`.
    func bool(_ key: String) throws(TaskDecodingError) -> Bool? {
        switch members[key] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        case let other?: throw error(key, other, expected: "true or false")
        }
    }

    /// An array member; `nil` when missing or `null`.
    func array(_ key: String) throws(TaskDecodingError) -> [JSONValue]? {
        switch members[key] {
        case nil, .null?: return nil
        case .array(let items)?: return items
        case let other?: throw error(key, other, expected: "an array")
        }
    }

    /// An array of strings; `nil` when missing or `null`.
    func strings(_ key: String) throws(TaskDecodingError) -> [String]? {
        guard let items = try array(key) else { return nil }
        var texts: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw TaskDecodingError(
                    product: product, path: path.appending(key).appending(index), value: item, expected: "a string")
            }
            texts.append(text)
        }
        return texts
    }

    /// An object member; `nil` when missing or `null`.
    func object(_ key: String) throws(TaskDecodingError) -> JSONFields? {
        switch members[key] {
        case nil, .null?: return nil
        case let value?: return try JSONFields(value, at: path.appending(key), product: product)
        }
    }

    /// The members not named in `keys`, verbatim.
    func members(except keys: Set<String>) -> JSONObject {
        members.filter { !keys.contains($0.key) }
    }
}
