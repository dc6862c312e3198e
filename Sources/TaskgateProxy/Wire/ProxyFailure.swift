import HTTPTypes
import TaskgateCore
import TaskgateEmulators

/// A request the proxy answers with an error, already in the front product's error shape.
struct ProxyFailure: Error, Sendable {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// The body, `nil` for an empty one.
    var body: JSONValue?
    /// Extra headers (`WWW-Authenticate`, `Retry-After`).
    var headers: HTTPFields = [:]
}

extension ProductWire {
    /// A failure in this product's error shape, the status and message kept.
    ///
    /// Where the product answers an error with an empty body (Wyn's 404, wyn.md §7), the proxy
    /// still needs to carry a message (an upstream's, a loss report), and answers with the problem
    /// details Wyn uses for its server errors, `{status, title}`. Only the 401 keeps the product's
    /// exact shape.
    func failure(
        _ status: HTTPResponse.Status, code: String, message: String, report: JSONValue? = nil
    ) -> ProxyFailure {
        var body = emulated.errorBody(status: status, code: code, message: message)
        if body == nil, status != .unauthorized {
            body = .object(["status": .integer(Int64(status.code)), "title": .string(message)])
        }
        if let report, var object = body?.objectValue {
            object["taskgate"] = report
            body = .object(object)
        }
        var failure = ProxyFailure(status: status, body: body)
        if status == .unauthorized {
            failure.headers[.wwwAuthenticate] = emulated.authenticationChallenge
        }
        return failure
    }

    /// The message of an error answer of this product (`title`, `errors[0].detail`, `error`,
    /// `message`), or `nil` when the body says none.
    func errorMessage(in body: JSONValue?) -> String? {
        guard let body else { return nil }
        switch product {
        case .wyn:
            if let errors = body["errors"]?.objectValue,
                let first = errors.keys.sorted().first,
                let message = errors[first]?.arrayValue?.first?.stringValue
            {
                return "\(first): \(message)"
            }
            return body["title"]?.stringValue
        case .qlikSharing, .qlikScheduling:
            let first = body["errors"]?.arrayValue?.first
            return first?["detail"]?.stringValue ?? first?["title"]?.stringValue
        case .fylr:
            return body["error"]?.stringValue
        case .vco:
            return body["message"]?.stringValue
        }
    }

    /// The status of a created task's answer: Qlik answers 201, vCO 202, Wyn and fylr 200.
    var createdStatus: HTTPResponse.Status {
        switch product {
        case .qlikSharing, .qlikScheduling: .created
        case .vco: .accepted
        case .wyn, .fylr: .ok
        }
    }
}
