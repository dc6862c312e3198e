/// The start of a response body, for error messages.
enum BodyExcerpt {
    /// The first 300 characters of a body (and `…` when there is more).
    static func text(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(300), as: UTF8.self)
        return bytes.count > 300 ? text + "…" : text
    }
}
