import HTTPTypes
import Hummingbird
import TaskgateCore

/// What the generic core needs to know about one product: where it lives, how it checks
/// credentials, how its errors look, and its routes.
protocol ProductDescription: Sendable {
    /// The product.
    var product: EmulatedProduct { get }
    /// How requests prove who they are.
    var authScheme: AuthScheme { get }
    /// The product's error body for a status, a product error code and a message.
    func errorBody(status: HTTPResponse.Status, code: String, message: String) -> JSONValue?
    /// Registers the product's task routes under its base path.
    func registerRoutes(on group: RouterGroup<BasicRequestContext>, core: EmulatorCore)
    /// Registers routes outside the task API that the product's tasks need (vCO's workflow runs).
    func registerRelatedRoutes(on router: Router<BasicRequestContext>, core: EmulatorCore)
}

extension ProductDescription {
    /// Most products need nothing outside their task API.
    func registerRelatedRoutes(on router: Router<BasicRequestContext>, core: EmulatorCore) {}

    /// A failure in the product's error shape.
    func failure(_ status: HTTPResponse.Status, code: String, message: String) -> EmulatorFailure {
        EmulatorFailure(status: status, body: errorBody(status: status, code: code, message: message))
    }
}
