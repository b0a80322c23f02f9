import Foundation

/// An application registered with a tenant (Auth0 "client").
public struct Client: Codable, Sendable, Equatable {
    public var tenantID: String
    public var id: String
    public var name: String
    public var appType: ApplicationType
    /// SHA-256 of the client secret (see `SecretDigest`); nil for public clients (SPAs).
    public var secretHash: String?
    public var callbacks: [String]
    public var allowedLogoutURLs: [String]
    public var webOrigins: [String]
    public var grantTypes: [String]
    public var createdAt: Date

    /// Creates a client record.
    public init(
        tenantID: String, id: String, name: String, appType: ApplicationType, secretHash: String?,
        callbacks: [String] = [], allowedLogoutURLs: [String] = [], webOrigins: [String] = [],
        grantTypes: [String]? = nil, createdAt: Date
    ) {
        self.tenantID = tenantID
        self.id = id
        self.name = name
        self.appType = appType
        self.secretHash = secretHash
        self.callbacks = callbacks
        self.allowedLogoutURLs = allowedLogoutURLs
        self.webOrigins = webOrigins
        self.grantTypes = grantTypes ?? appType.defaultGrantTypes
        self.createdAt = createdAt
    }

    /// Whether this client may use `grantType` at `/oauth/token`.
    public func allows(grantType: String) -> Bool { grantTypes.contains(grantType) }
}

/// The Auth0 application types.
public enum ApplicationType: String, Codable, Sendable, Equatable {
    case spa
    case regularWeb = "regular_web"
    case machineToMachine = "non_interactive"

    /// The grant types a new client of this type gets.
    public var defaultGrantTypes: [String] {
        switch self {
        case .spa: [GrantType.authorizationCode, GrantType.refreshToken]
        case .regularWeb: [GrantType.authorizationCode, GrantType.refreshToken]
        case .machineToMachine: [GrantType.clientCredentials]
        }
    }
}

/// OAuth grant type names as they appear in `grant_type`.
public enum GrantType {
    public static let authorizationCode = "authorization_code"
    public static let refreshToken = "refresh_token"
    public static let clientCredentials = "client_credentials"
}
