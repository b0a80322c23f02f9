import Foundation

/// Everything the backend sample needs to know about the control plane and itself.
///
/// Settings are read from the process environment, then from `.env` (the environment wins):
/// - `AUTH_ISSUER` (required): the control plane's issuer, exactly as in its tokens (`http://localhost:3000/`).
/// - `AUTH_SERVER_URL`: where to reach the control plane when that differs from the issuer (a container network);
///   defaults to `AUTH_ISSUER`.
/// - `BACKEND_SAMPLE_CLIENT_ID`, `BACKEND_SAMPLE_CLIENT_SECRET` (required): this service's machine-to-machine
///   client, used for tenant look-ups, internal reads and analytics.
/// - `BACKEND_SAMPLE_AUDIENCES`: the audiences `/customers/...` accepts, comma-separated (default
///   ``defaultCustomerAudiences``).
/// - `BACKEND_SAMPLE_AUDIT_LOG`: the append-only audit file (default `data/backend-sample-audit.jsonl`).
struct BackendConfiguration: Sendable {
    /// The audiences organization tokens may carry by default: the customer API, and the Management API that the
    /// portal requests organization tokens for.
    static let defaultCustomerAudiences = ["https://api.yourplatform.com", managementAudience]
    /// The control plane's Management API.
    static let managementAudience = "urn:authhero:management"
    /// The platform's internal API: its tokens never carry an organization.
    static let internalAudience = "internal:platform-api"
    static let defaultAuditLogPath = "data/backend-sample-audit.jsonl"

    /// The accepted `iss`, with its trailing slash.
    var issuer: String
    /// The base URL requests to the control plane go to (keys, token endpoint, Management API).
    var controlPlaneURL: URL
    var clientID: String
    var clientSecret: String
    /// The audiences `GET /customers/:orgId/users` accepts.
    var customerAudiences: [String]
    /// The JSON-lines file internal reads are recorded in before they are answered.
    var auditLogPath: String

    /// A configuration from explicit values; `controlPlaneURL` defaults to the issuer.
    init(
        issuer: String, controlPlaneURL: URL? = nil, clientID: String, clientSecret: String,
        customerAudiences: [String] = Self.defaultCustomerAudiences, auditLogPath: String = Self.defaultAuditLogPath
    ) throws(ConfigurationError) {
        let issuerURL = try Self.issuerURL(issuer, key: "AUTH_ISSUER")
        self.issuer = issuer
        self.controlPlaneURL = controlPlaneURL ?? issuerURL
        guard !customerAudiences.isEmpty else {
            throw .invalid("BACKEND_SAMPLE_AUDIENCES", "name at least one audience")
        }
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.customerAudiences = customerAudiences
        self.auditLogPath = auditLogPath
    }

    /// The configuration from `settings` (the environment merged over `.env`).
    init(settings: [String: String]) throws(ConfigurationError) {
        func required(_ key: String) throws(ConfigurationError) -> String {
            guard let value = settings[key], !value.isEmpty else { throw .missing(key) }
            return value
        }
        let issuer = try required("AUTH_ISSUER")
        let serverURL = try settings["AUTH_SERVER_URL"].map { (value) throws(ConfigurationError) in
            try Self.issuerURL(value, key: "AUTH_SERVER_URL")
        }
        let audiences = settings["BACKEND_SAMPLE_AUDIENCES"].map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        try self.init(
            issuer: issuer, controlPlaneURL: serverURL, clientID: try required("BACKEND_SAMPLE_CLIENT_ID"),
            clientSecret: try required("BACKEND_SAMPLE_CLIENT_SECRET"),
            customerAudiences: audiences ?? Self.defaultCustomerAudiences,
            auditLogPath: settings["BACKEND_SAMPLE_AUDIT_LOG"] ?? Self.defaultAuditLogPath)
    }

    /// Issuers are compared byte for byte, so the value must be the exact base URL with its trailing slash.
    private static func issuerURL(_ value: String, key: String) throws(ConfigurationError) -> URL {
        guard let url = URL(string: value), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host?.isEmpty == false, url.query == nil
        else { throw .invalid(key, "use an absolute http(s) URL such as http://localhost:3000/") }
        guard value.hasSuffix("/") else {
            throw .invalid(key, "end it with \"/\" as the control plane's tokens do (\(value)/)")
        }
        return url
    }
}
