import Foundation
import HTTPTypes
import Hummingbird

/// How a product's requests carry their credential.
enum AuthScheme: Hashable, Sendable {
    /// Wyn: header `Reference-Token: T` or query `?token=T`.
    case referenceToken
    /// Qlik: `Authorization: Bearer T`.
    case bearer
    /// fylr: `Authorization: Bearer T`, header `X-Fylr-Authorization: Bearer T` or query `access_token=T`.
    case fylrBearer
    /// vCO: `Authorization: Basic user:T` (any user, password = the token) or `Bearer T`.
    case basicOrBearer

    /// Whether the request carries `token` in any of the places the product reads it.
    func accepts(_ request: Request, token: String) -> Bool {
        presentedTokens(request).contains(token)
    }

    /// The token the request presents first, in the order `accepts` reads them (for vCO's basic
    /// credential, the password); `nil` when it presents none.
    func presentedToken(_ request: Request) -> String? {
        presentedTokens(request).first { _ in true }
    }

    /// Every token the request presents, in the product's order: Wyn's header then `?token=`; a bearer
    /// `Authorization`; fylr's bearer, `X-Fylr-Authorization`, then `?access_token=`; vCO's bearer, then
    /// the password of a basic credential.
    ///
    /// Lazy: a place is read only when the ones before it did not settle the question, so a request with the
    /// right bearer token (nearly all of them) never has its query parsed.
    private func presentedTokens(_ request: Request) -> some Sequence<String> {
        (0..<placeCount).lazy.compactMap { token(at: $0, in: request) }
    }

    /// How many places the product reads a token from.
    private var placeCount: Int {
        switch self {
        case .referenceToken: 2
        case .bearer: 1
        case .fylrBearer: 3
        case .basicOrBearer: 2
        }
    }

    /// The token in the product's place number `place` (see ``presentedTokens(_:)`` for the order).
    private func token(at place: Int, in request: Request) -> String? {
        switch (self, place) {
        case (.referenceToken, 0): request.headers[.referenceToken]
        case (.referenceToken, _): request.uri.queryParameters.get("token")
        case (.bearer, _), (.fylrBearer, 0), (.basicOrBearer, 0): Self.bearerToken(request.headers[.authorization])
        case (.fylrBearer, 1): Self.bearerToken(request.headers[.fylrAuthorization])
        case (.fylrBearer, _): request.uri.queryParameters.get("access_token")
        case (.basicOrBearer, _): Self.basicPassword(request.headers[.authorization])
        }
    }

    /// `T` of `Bearer T`.
    private static func bearerToken(_ value: String?) -> String? {
        guard let value, value.hasPrefix("Bearer ") else { return nil }
        return String(value.dropFirst(7))
    }

    /// The password of `Basic base64(user:password)`.
    private static func basicPassword(_ value: String?) -> String? {
        guard let value, value.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(value.dropFirst(6))),
            let text = String(data: decoded, encoding: .utf8),
            let colon = text.firstIndex(of: ":")
        else { return nil }
        return String(text[text.index(after: colon)...])
    }

    /// The challenge sent with a 401.
    var challenge: String {
        switch self {
        case .referenceToken, .bearer, .fylrBearer: "Bearer"
        case .basicOrBearer: "Basic realm=\"vco\", Bearer"
        }
    }
}

extension HTTPField.Name {
    /// Wyn's token header.
    static let referenceToken = HTTPField.Name("Reference-Token") ?? .authorization
    /// fylr's alternative token header.
    static let fylrAuthorization = HTTPField.Name("X-Fylr-Authorization") ?? .authorization
}
