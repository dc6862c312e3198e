import TaskgateCore

/// A Qlik error response found where a task was expected. Both envelopes are read
/// (qlik-sharing.md §9.1, qlik-scheduling.md §7, H37): the documented
/// `{"errors":[{"code","title","detail"|"context","meta"}],"traceId"}` with an integer or string
/// `code`, and the scheduling service's `CHO` envelope
/// `{"status_code","code":"CHO-017","message","context","timestamp","value"}`.
struct QlikErrorResponse: Hashable, Sendable {
    /// The code: `HTTP-123`, `400`, `CHO-017`.
    var code: String?
    /// The short message (`title` or `message`).
    var title: String?
    /// The cause (`detail` or `context`).
    var detail: String?
    /// The HTTP status the body states (`meta.httpCode` or `status_code`).
    var httpCode: Int64?
    /// The trace id.
    var traceID: String?

    /// Reads an error envelope; `nil` when `json` is not one.
    init?(_ json: JSONValue) {
        guard case .object(let members) = json else { return nil }
        func text(_ value: JSONValue?) -> String? {
            switch value {
            case .string(let text)?: text
            case .integer(let number)?: String(number)
            default: nil
            }
        }
        if case .array(let errors)? = members["errors"], members["id"] == nil {
            let first = errors.first?.objectValue ?? [:]
            code = text(first["code"])
            title = text(first["title"])
            detail = text(first["detail"]) ?? text(first["context"])
            httpCode = first["meta"]?["httpCode"]?.integerValue
            traceID = text(members["traceId"])
        } else if members["status_code"] != nil, let code = text(members["code"]), code.hasPrefix("CHO-") {
            self.code = code
            title = text(members["message"])
            detail = text(members["context"])
            httpCode = members["status_code"]?.integerValue
            traceID = text(members["traceId"])
        } else {
            return nil
        }
    }

    /// `HTTP 400, code CHO-017: schedule rejected (StartTask), trace 7975401f3954aa47`.
    var description: String {
        var text = "a Qlik error response"
        if let httpCode { text += " (HTTP \(httpCode))" }
        text += ": " + ([code, title].compactMap { $0 }.joined(separator: " "))
        if let detail { text += " — \(detail)" }
        if let traceID { text += "; trace \(traceID)" }
        return text
    }
}
