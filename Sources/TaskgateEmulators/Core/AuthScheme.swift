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
        presentedTokens(request).first
    }

    /// Every token the request presents, in the product's order: Wyn's header then `?token=`; a bearer
    /// `Authorization`; fylr's bearer, `X-Fylr-Authorization`, then `?access_token=`; vCO's bearer, then
    /// the password of a basic credential.
    private func presentedTokens(_ request: Request) -> [String] {
        let bearer = Self.bearerToken(request.headers[.authorization])
        let query = request.uri.queryParameters
        let candidates: [String?]
        switch self {
        case .referenceToken:
            candidates = [request.headers[.referenceToken], query.get("token")]
        case .bearer:
            candidates = [bearer]
        case .fylrBearer:
            candidates = [
                bearer, Self.bearerToken(request.headers[.fylrAuthorization]), query.get("access_token"),
            ]
        case .basicOrBearer:
            candidates = [bearer, Self.basicPassword(request.headers[.authorization])]
        }
        return candidates.compactMap { $0 }
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
