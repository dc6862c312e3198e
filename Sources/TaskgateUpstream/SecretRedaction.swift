import Foundation

/// Removes credentials from URLs and messages before they reach an error, a log line or a report.
public enum SecretRedaction {
    /// Query parameter names (lower case, as substrings) whose values are treated as secrets.
    static let secretParameterFragments = [
        "token", "key", "secret", "password", "passwd", "pwd", "auth", "signature", "sig", "session",
        "credential", "code",
    ]

    /// The URL with `user:password@` removed and secret query values replaced by `REDACTED`.
    public static func redact(url: String) -> String {
        var text = url
        var fragment = ""
        if let hash = text.firstIndex(of: "#") {
            fragment = String(text[hash...])
            text = String(text[..<hash])
        }
        var query: String?
        if let question = text.firstIndex(of: "?") {
            query = String(text[text.index(after: question)...])
            text = String(text[..<question])
        }
        if let schemeEnd = text.range(of: "://") {
            let authorityStart = schemeEnd.upperBound
            let authorityEnd = text[authorityStart...].firstIndex(of: "/") ?? text.endIndex
            if let at = text[authorityStart..<authorityEnd].lastIndex(of: "@") {
                text.removeSubrange(authorityStart...at)
            }
        }
        guard let query else { return text + fragment }
        let parameters = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = pair[..<equals].lowercased()
            if secretParameterFragments.contains(where: { name.contains($0) }) {
                return pair[..<equals] + "=REDACTED"
            }
            return String(pair)
        }
        return text + "?" + parameters.joined(separator: "&") + fragment
    }

    /// The secrets a request carries: URL user info, secret query values and credential header values.
    static func secrets(of request: UpstreamRequest) -> [String] {
        var secrets: [String] = []
        for header in request.headers {
            let name = header.name.lowercased()
            if name == "authorization" || name == "proxy-authorization" || name == "cookie" || name.contains("token")
                || name.contains("api-key") || name.contains("secret")
            {
                secrets.append(header.value)
                secrets.append(contentsOf: header.value.split(separator: " ").map(String.init))
            }
        }
        let url = request.url
        if let schemeEnd = url.range(of: "://") {
            let rest = url[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@") {
                let userInfo = rest[..<at]
                secrets.append(String(userInfo))
                secrets.append(contentsOf: userInfo.split(separator: ":").map(String.init))
            }
        }
        if let question = url.firstIndex(of: "?") {
            let query = url[url.index(after: question)...].split(separator: "#").first ?? ""
            for pair in query.split(separator: "&") {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                let name = pair[..<equals].lowercased()
                if secretParameterFragments.contains(where: { name.contains($0) }) {
                    secrets.append(String(pair[pair.index(after: equals)...]))
                }
            }
        }
        return secrets.filter { $0.count >= 3 }.sorted { $0.count > $1.count }
    }

    /// The message with every secret of the request replaced by `REDACTED`.
    static func scrub(_ message: String, of request: UpstreamRequest) -> String {
        var text = message.replacingAll(request.url, with: redact(url: request.url))
        for secret in secrets(of: request) {
            text = text.replacingAll(secret, with: "REDACTED")
        }
        return text
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
