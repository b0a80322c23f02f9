import Foundation
import NIOSSL
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=…` URL, read the way libpq reads it so the same value works
/// for `psql`. postgres-nio takes no URL, so this maps it onto a `PostgresClient.Configuration`. Its description never
/// shows the password.
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// libpq's `sslmode` values this runtime supports, mapped explicitly onto postgres-nio's TLS modes.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS when the server offers it, without checking its certificate (libpq's default).
        case prefer
        /// TLS always, without checking the certificate (libpq's `require` without a root certificate).
        case require
        /// TLS always; the certificate must chain to a trusted root and name the host.
        case verifyFull = "verify-full"
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port (5432 when the URL names none).
    public var port: Int
    /// The role to log in as.
    public var username: String
    /// The role's password, if the URL has one.
    public var password: String?
    /// The database (the role's name when the URL names none, as with libpq).
    public var database: String
    /// How the connection uses TLS (`prefer` when the URL names none, as with libpq).
    public var sslMode: SSLMode

    /// Parses `string`; throws ``DatabaseURLError`` (whose message never repeats the password) when it is not a
    /// PostgreSQL URL this runtime can use.
    public init(_ string: String) throws(DatabaseURLError) {
        guard let components = URLComponents(string: string),
            let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme)
        else { throw DatabaseURLError.notAPostgresURL }
        guard let host = components.host, !host.isEmpty else { throw DatabaseURLError.missingHost }
        guard let username = components.user, !username.isEmpty else { throw DatabaseURLError.missingUser }
        self.host = host
        port = components.port ?? 5432
        self.username = username
        password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? username : path
        sslMode = .prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else { throw DatabaseURLError.unsupportedParameter(item.name) }
            guard let mode = item.value.flatMap(SSLMode.init(rawValue:)) else {
                throw DatabaseURLError.unsupportedSSLMode(item.value ?? "")
            }
            sslMode = mode
        }
    }

    /// The URL with its password replaced by `***`, for logs and error messages.
    public var description: String {
        let credentials = password == nil ? username : "\(username):***"
        return "postgres://\(credentials)@\(host):\(port)/\(database)?sslmode=\(sslMode.rawValue)"
    }

    /// The client configuration for this URL with a pool of at most `poolSize` connections.
    public func clientConfiguration(poolSize: Int) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.maximumConnections = max(1, poolSize)
        return configuration
    }

    private var tls: PostgresClient.Configuration.TLS {
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        switch sslMode {
        case .disable: return .disable
        case .prefer: return .prefer(unverified)
        case .require: return .require(unverified)
        case .verifyFull: return .require(.makeClientConfiguration())
        }
    }
}

/// Why a database URL cannot be used; each message says what to write instead and never contains the password.
public enum DatabaseURLError: Error, Equatable, CustomStringConvertible {
    /// The value is not a `postgres://` or `postgresql://` URL.
    case notAPostgresURL
    /// The URL names no host.
    case missingHost
    /// The URL names no user.
    case missingUser
    /// The URL has a parameter other than `sslmode` (libpq rejects unknown ones too).
    case unsupportedParameter(String)
    /// `sslmode` has a value this runtime does not support.
    case unsupportedSSLMode(String)

    public var description: String {
        let form = "postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE"
        return switch self {
        case .notAPostgresURL: "DATABASE_URL must be a PostgreSQL URL of the form \(form)."
        case .missingHost: "DATABASE_URL names no host: use \(form)."
        case .missingUser: "DATABASE_URL names no user: use \(form)."
        case .unsupportedParameter(let name):
            "DATABASE_URL has the parameter \"\(name)\"; only sslmode is read (set the pool size with "
                + "DATABASE_POOL_SIZE)."
        case .unsupportedSSLMode(let value):
            "DATABASE_URL has sslmode=\(value); use one of "
                + DatabaseURL.SSLMode.allCases.map(\.rawValue).joined(separator: ", ") + "."
        }
    }
}
