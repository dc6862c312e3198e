import TaskgateCore

/// Typed access to the members of one JSON object, with errors that name the JSON path, the value
/// found and what was expected (STYLE.md: errors name where, what and what was expected).
///
/// The reader remembers which members were read, so that ``unread`` gives the members a wire type
/// does not model; those are kept verbatim.
struct JSONFieldReader {
    /// The product whose document is read, for errors.
    let product: Product
    /// Where the object is in the document.
    let path: JSONPath
    /// The object's members.
    let members: JSONObject
    /// The names read so far, in the order read (a few per object: a list costs less to keep than a set).
    private var read: [String] = []

    /// Opens `value` as an object, or throws naming `path`.
    init(_ value: JSONValue, at path: JSONPath, product: Product) throws(TaskDecodingError) {
        guard case .object(let members) = value else {
            throw TaskDecodingError(product: product, path: path, value: value, expected: "an object")
        }
        self.product = product
        self.path = path
        self.members = members
        read.reserveCapacity(16)
    }

    /// The members not read, verbatim.
    var unread: JSONObject {
        // Usually every member was read: then no dictionary is built.
        guard members.keys.contains(where: { !read.contains($0) }) else { return [:] }
        return members.filter { !read.contains($0.key) }
    }

    /// A member's raw value, `nil` when absent.
    mutating func raw(_ key: String) -> JSONValue? {
        read.append(key)
        return members[key]
    }

    /// An optional string; `null` counts as absent.
    mutating func string(_ key: String) throws(TaskDecodingError) -> String? {
        switch raw(key) {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw mismatch(key, other, "a string")
        }
    }

    /// A required string.
    mutating func requiredString(_ key: String) throws(TaskDecodingError) -> String {
        guard let text = try string(key) else { throw missing(key, "a string") }
        return text
    }

    /// An optional Boolean; `null` counts as absent.
    mutating func bool(_ key: String) throws(TaskDecodingError) -> Bool? {
        switch raw(key) {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        case let other?: throw mismatch(key, other, "true or false")
        }
    }

    /// An optional object member, opened as a reader; `null` counts as absent.
    mutating func object(_ key: String) throws(TaskDecodingError) -> JSONFieldReader? {
        switch raw(key) {
        case nil, .null?: return nil
        case let value?: return try JSONFieldReader(value, at: path.appending(key), product: product)
        }
    }

    /// An optional array of strings; `null` counts as absent.
    mutating func strings(_ key: String) throws(TaskDecodingError) -> [String]? {
        switch raw(key) {
        case nil, .null?: return nil
        case .array(let items)?:
            var texts: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    throw TaskDecodingError(
                        product: product, path: path.appending(key).appending(index), value: item,
                        expected: "a string")
                }
                texts.append(text)
            }
            return texts
        case let other?: throw mismatch(key, other, "an array of strings")
        }
    }

    /// An optional array; `null` counts as absent.
    mutating func array(_ key: String) throws(TaskDecodingError) -> [JSONValue]? {
        switch raw(key) {
        case nil, .null?: return nil
        case .array(let items)?: return items
        case let other?: throw mismatch(key, other, "an array")
        }
    }

    /// An optional RFC 3339 instant; `null` and (when `emptyIsAbsent`) `""` count as absent.
    mutating func instant(_ key: String, emptyIsAbsent: Bool = false) throws(TaskDecodingError) -> Instant? {
        guard let text = try string(key) else { return nil }
        if emptyIsAbsent && text.isEmpty { return nil }
        guard let instant = Instant(parsingRFC3339: text) else {
            throw mismatch(key, .string(text), "an RFC 3339 instant such as 2026-04-04T05:00:00Z")
        }
        return instant
    }

    /// The error for a member of the wrong type or value.
    func mismatch(_ key: String, _ value: JSONValue, _ expected: String) -> TaskDecodingError {
        TaskDecodingError(product: product, path: path.appending(key), value: value, expected: expected)
    }

    /// The error for a required member that is absent.
    func missing(_ key: String, _ expected: String) -> TaskDecodingError {
        TaskDecodingError(product: product, path: path.appending(key), value: nil, expected: expected)
    }
}
