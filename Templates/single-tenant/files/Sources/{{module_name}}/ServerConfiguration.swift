import Foundation

/// What the server needs to know at start-up: the environment (`PORT`, `BASE_URL`, `DATABASE_PATH`,
/// `LOG_LEVEL`, `TRUSTED_PROXIES`, `ENVIRONMENT`) over the values chosen at generation.
struct ServerConfiguration: Sendable {
    /// The name users see: the tenant's and the application's name.
    let displayName: String
    /// The port the server listens on.
    let port: Int
    /// The public base URL: the tenant's issuer.
    let baseURL: String
    /// The SQLite file.
    let databasePath: String
    /// One of debug, info, warning, error.
    let logLevel: String
    /// The reverse proxies (comma-separated CIDR blocks) whose `X-Forwarded-For` names the client address that
    /// login throttles count by; empty trusts nobody.
    let trustedProxies: String
    /// `ENVIRONMENT=development`: `localhost` and `127.0.0.1` also reach the tenant whatever `BASE_URL` names.
    /// Unset or anything else is production, where only `BASE_URL`'s host does.
    let isDevelopment: Bool

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        displayName = "{{display_name}}"
        port = environment["PORT"].flatMap(Int.init) ?? {{port}}
        baseURL = environment["BASE_URL"] ?? "http://localhost:\(port)/"
        databasePath = environment["DATABASE_PATH"] ?? "data/{{name_kebab}}.sqlite"
        logLevel = environment["LOG_LEVEL"] ?? "{{log_level}}"
        trustedProxies = environment["TRUSTED_PROXIES"] ?? ""
        isDevelopment = environment["ENVIRONMENT"]?.lowercased() == "development"
    }
}
