import Foundation
import PostgresNIO
public import TaskgateStore

/// Where a `PostgresStore` connects: `postgres://USER:PASSWORD@HOST:PORT/DATABASE?schema=NAME&sslmode=MODE`.
///
/// `postgresql://` is accepted too. The user, password and database may be percent-encoded. `schema` (default
/// `public`) puts taskgate's tables in their own schema, created when missing. `sslmode` is `disable`, `prefer`
/// (the default: TLS with certificate verification when the server offers it) or `require`. The description
/// never shows the password.
public struct PostgresStoreURL: Hashable, Sendable, CustomStringConvertible {
    /// How the connection uses TLS.
    public enum TLSMode: String, Hashable, Sendable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS, certificate verified, when the server offers it; plain TCP otherwise.
        case prefer
        /// TLS with a verified certificate, or no connection.
        case require
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to log in as.
    public var username: String
    /// The role's password, if the server asks for one.
    public var password: String?
    /// The database.
    public var database: String
    /// The schema of taskgate's tables; nil for the role's default search path (`public`).
    public var schema: String?
    /// How the connection uses TLS.
    public var tls: TLSMode

    /// Creates a location.
    public init(
        host: String, port: Int = 5432, username: String, password: String? = nil, database: String,
        schema: String? = nil, tls: TLSMode = .prefer
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
        self.tls = tls
    }

    /// Whether `text` names a PostgreSQL store (`postgres://` or `postgresql://`) rather than an SQLite file.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` URL; the error names the URL with its password replaced by `***`.
    public init(parsing text: String) throws(StoreError) {
        let shown = Self.redact(text)
        func failure(_ message: String) -> StoreError {
            StoreError(kind: .database, operation: "open store at \(shown)", message: message)
        }
        guard Self.isPostgres(text), let components = URLComponents(string: text) else {
            throw failure("expected postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        guard let host = components.host, !host.isEmpty else {
            throw failure("the URL names no host")
        }
        guard let user = components.percentEncodedUser?.removingPercentEncoding, !user.isEmpty else {
            throw failure("the URL names no user")
        }
        let path = String(components.percentEncodedPath.drop(while: { $0 == "/" }))
        guard let database = path.removingPercentEncoding, !database.isEmpty, !database.contains("/") else {
            throw failure("the URL names no database (postgres://USER@HOST/DATABASE)")
        }
        var schema: String?
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "schema":
                let name = item.value ?? ""
                guard Self.isPlainIdentifier(name) else {
                    throw failure(
                        "schema '\(name)' is not a plain identifier (lower-case letters, digits and _, at most 63)")
                }
                schema = name
            case "sslmode":
                guard let mode = TLSMode(rawValue: item.value ?? "") else {
                    throw failure("sslmode '\(item.value ?? "")' is not one of disable, prefer, require")
                }
                tls = mode
            default:
                throw failure("'\(item.name)' is not a parameter; expected schema or sslmode")
            }
        }
        self.init(
            host: host, port: components.port ?? 5432, username: user,
            password: components.percentEncodedPassword?.removingPercentEncoding, database: database, schema: schema,
            tls: tls)
    }

    /// The URL with the password as `***`.
    public var description: String {
        var text = "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
        var parameters: [String] = []
        if let schema { parameters.append("schema=\(schema)") }
        if tls != .prefer { parameters.append("sslmode=\(tls.rawValue)") }
        if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
        return text
    }

    /// `text` with anything between the user and the host (`user:SECRET@host`) replaced by `***` and without
    /// its query (which could carry a secret too), even when the URL cannot be read.
    public static func redact(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        if let query = text[scheme.upperBound...].firstIndex(where: { $0 == "?" || $0 == "#" }) {
            return redact(String(text[..<query]))
        }
        let rest = text[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            return text
        }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    /// Lower-case letters, digits and `_`, not starting with a digit, at most 63 bytes: a name that needs no
    /// quoting and cannot inject SQL.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63,
            !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return false }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }

    /// The postgres-nio client configuration: at most `maximumConnections` pooled connections, each with
    /// `search_path` set to the schema.
    func clientConfiguration(maximumConnections: Int) -> PostgresClient.Configuration {
        let mode: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: mode = .disable
        case .prefer: mode = .prefer(.makeClientConfiguration())
        case .require: mode = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: mode)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = .seconds(10)
        if let schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        return configuration
    }

    /// The configuration of one connection outside the pool (the schema migration on start), so that a server
    /// that cannot be reached fails at once with the connection's own error.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let mode: PostgresConnection.Configuration.TLS
        switch tls {
        case .disable: mode = .disable
        case .prefer: mode = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: mode = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: mode)
        configuration.options.connectTimeout = .seconds(10)
        if let schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        return configuration
    }
}
