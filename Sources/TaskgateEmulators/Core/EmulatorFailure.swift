import HTTPTypes
import TaskgateCore

/// A request the emulator refuses, with the status and the product's own error body.
struct EmulatorFailure: Error, Sendable {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// The body, already in the product's error shape; `nil` for an empty body.
    var body: JSONValue?
    /// Extra headers (`Retry-After`, `WWW-Authenticate`).
    var headers: HTTPFields = [:]
}
