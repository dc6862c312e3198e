import TaskgateCore

/// One entry of a fylr task's `email.recipients` (fylr.md §4.2).
struct FylrEmailRecipientPayload: Hashable, Sendable {
    /// The address mail goes `To:`.
    var email: String
    /// Only when the run did not end in `done`.
    var problemsOnly: Bool
    /// Members without a known meaning, by path, verbatim.
    var unknown: [JSONPath: JSONValue]

    /// Reads a recipient at `path`.
    init(_ json: JSONValue, at path: JSONPath) throws(TaskDecodingError) {
        var recipient = try FylrFieldReader(json, at: path, expected: "a recipient {email, problems_only}")
        guard let email = try recipient.string("email") else {
            throw TaskDecodingError(
                product: .fylr, path: path.appending("email"), value: nil, expected: "an e-mail address")
        }
        self.email = email
        switch recipient.value("problems_only") {
        case nil, .null?: problemsOnly = false
        case .bool(let flag)?: problemsOnly = flag
        case let other?: throw recipient.mismatch("problems_only", other, "true or false")
        }
        unknown = recipient.remaining
    }
}
