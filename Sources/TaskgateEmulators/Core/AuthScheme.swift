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

    /// Whether the request carries `token`.
    func accepts(_ request: Request, token: String) -> Bool {
        let authorization = request.headers[.authorization]
        let query = request.uri.queryParameters
        switch self {
        case .referenceToken:
            if let header = request.headers[.referenceToken], header == token { return true }
            return query.get("token") == token
        case .bearer:
            return authorization == "Bearer \(token)"
        case .fylrBearer:
            if authorization == "Bearer \(token)" { return true }
            if request.headers[.fylrAuthorization] == "Bearer \(token)" { return true }
            return query.get("access_token") == token
        case .basicOrBearer:
            if authorization == "Bearer \(token)" { return true }
            guard let value = authorization, value.hasPrefix("Basic "),
                let decoded = Data(base64Encoded: String(value.dropFirst(6))),
                let text = String(data: decoded, encoding: .utf8),
                let colon = text.firstIndex(of: ":")
            else { return false }
            return text[text.index(after: colon)...] == token
        }
    }

    /// The token the request presents, read the way `accepts` reads it (for vCO's basic credential,
    /// the password); `nil` when it presents none.
    func presentedToken(_ request: Request) -> String? {
        let authorization = request.headers[.authorization]
        let bearer = authorization.flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        let query = request.uri.queryParameters
        switch self {
        case .referenceToken:
            return request.headers[.referenceToken] ?? query.get("token")
        case .bearer:
            return bearer
        case .fylrBearer:
            let header = request.headers[.fylrAuthorization].flatMap {
                $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil
            }
            return bearer ?? header ?? query.get("access_token")
        case .basicOrBearer:
            if let bearer { return bearer }
            guard let value = authorization, value.hasPrefix("Basic "),
                let decoded = Data(base64Encoded: String(value.dropFirst(6))),
                let text = String(data: decoded, encoding: .utf8),
                let colon = text.firstIndex(of: ":")
            else { return nil }
            return String(text[text.index(after: colon)...])
        }
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
