import TaskgateCore

/// The task's owner as fylr shows it: nested `{"_basetype": "user", "user": {…}}` in the seed,
/// flat `{_id, _version, _generated_displayname}` in the current spec (fylr.md §4.1).
struct FylrUserPayload: Hashable, Sendable {
    /// The user id.
    var id: Int64?
    /// The name fylr builds from login and e-mail.
    var displayName: String?
    /// Whether the user came in the seed's nested shape.
    var nested: Bool

    /// Reads `_user` at `path`.
    init(_ json: JSONValue, at path: JSONPath) throws(TaskDecodingError) {
        var outer = try FylrFieldReader(json, at: path, expected: "a user object")
        var inner = outer
        nested = false
        if let userValue = outer.value("user") {
            inner = try FylrFieldReader(userValue, at: path.appending("user"), expected: "a user object")
            nested = true
        }
        id = try inner.integer("_id")
        displayName = try inner.string("_generated_displayname")
    }
}
