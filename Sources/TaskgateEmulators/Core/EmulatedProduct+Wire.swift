public import HTTPTypes
public import Hummingbird
public import TaskgateCore

/// What the emulators know about each product's wire that the proxy also needs: its error bodies
/// and how its requests carry a credential. One description serves both, so that a proxy front and
/// an emulator of the same product answer alike.
extension EmulatedProduct {
    /// The product's error body for a status, a product error code and a message; `nil` where the
    /// product answers with an empty body (Wyn's 401 and 404).
    public func errorBody(status: HTTPResponse.Status, code: String, message: String) -> JSONValue? {
        description.errorBody(status: status, code: code, message: message)
    }

    /// Whether `request` carries `token` the way this product's clients send credentials.
    public func acceptsCredential(_ request: Request, token: String) -> Bool {
        description.authScheme.accepts(request, token: token)
    }

    /// The token `request` presents the way this product's clients send credentials, or `nil`.
    public func presentedCredential(_ request: Request) -> String? {
        description.authScheme.presentedToken(request)
    }

    /// The `WWW-Authenticate` challenge of this product's 401.
    public var authenticationChallenge: String {
        description.authScheme.challenge
    }
}

extension EmulatedProduct {
    /// The JSON Patch paths a Qlik sharing task accepts in `PATCH /sharing-tasks/{id}`.
    public static var qlikSharingPatchPaths: Set<String> { QlikSharingDescription.patchPaths }
}
