import TaskgateCore

/// Typed access to the members of one fylr JSON object, with errors that name the JSON path,
/// the value found and what was expected. Members read are remembered, so that the rest can be
/// kept verbatim (``remaining``).
struct FylrFieldReader {
    /// The object's members.
    let members: JSONObject
    /// Where the object is in the document.
    let path: JSONPath
    /// Members already read.
    private(set) var read: Set<String> = []

    /// Reads `value` at `path` as an object.
    init(_ value: JSONValue, at path: JSONPath, expected: String) throws(TaskDecodingError) {
        guard case .object(let members) = value else {
            throw TaskDecodingError(product: .fylr, path: path, value: value, expected: expected)
        }
        self.members = members
        self.path = path
    }

    /// A member, or `nil` when it is missing; marks it read.
    mutating func value(_ key: String) -> JSONValue? {
        read.insert(key)
        return members[key]
    }

    /// A string member; `nil` when missing or null.
    mutating func string(_ key: String) throws(TaskDecodingError) -> String? {
        switch value(key) {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw mismatch(key, other, "a string")
        }
    }

    /// An integer member (a whole `5.0` counts); `nil` when missing or null.
    mutating func integer(_ key: String) throws(TaskDecodingError) -> Int64? {
        switch value(key) {
        case nil, .null?: return nil
        case let found?:
            guard let number = found.integerValue else { throw mismatch(key, found, "an integer") }
            return number
        }
    }

    /// An object member; `nil` when missing or null.
    mutating func object(_ key: String) throws(TaskDecodingError) -> JSONObject? {
        switch value(key) {
        case nil, .null?: return nil
        case .object(let object)?: return object
        case let other?: throw mismatch(key, other, "an object")
        }
    }

    /// An array member; `nil` when missing or null.
    mutating func array(_ key: String) throws(TaskDecodingError) -> [JSONValue]? {
        switch value(key) {
        case nil, .null?: return nil
        case .array(let items)?: return items
        case let other?: throw mismatch(key, other, "an array")
        }
    }

    /// An RFC 3339 instant member; `nil` when missing or null.
    mutating func instant(_ key: String) throws(TaskDecodingError) -> Instant? {
        guard let text = try string(key) else { return nil }
        guard let instant = Instant(parsingRFC3339: text) else {
            throw mismatch(key, .string(text), "an RFC 3339 instant such as 2026-05-30T12:00:10Z")
        }
        return instant
    }

    /// The members not read, by path, verbatim.
    var remaining: [JSONPath: JSONValue] {
        var result: [JSONPath: JSONValue] = [:]
        for (key, value) in members where !read.contains(key) {
            result[path.appending(key)] = value
        }
        return result
    }

    /// The error for a member of the wrong type.
    func mismatch(_ key: String, _ value: JSONValue, _ expected: String) -> TaskDecodingError {
        TaskDecodingError(product: .fylr, path: path.appending(key), value: value, expected: expected)
    }
}
