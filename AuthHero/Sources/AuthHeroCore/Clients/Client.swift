import Foundation

/// An application registered with a tenant (Auth0 "client").
public struct Client: Codable, Sendable, Equatable {
    public var tenantID: String
    public var id: String
    public var name: String
    /// Free text shown to administrators (Auth0 `description`, at most 140 characters).
    public var description: String
    public var appType: ApplicationType
    /// SHA-256 of the client secret (see `SecretDigest`); nil exactly when `tokenEndpointAuthMethod` is `none`.
    public var secretHash: String?
    /// How the client proves its identity at `/oauth/token`.
    public var tokenEndpointAuthMethod: TokenEndpointAuthMethod
    public var callbacks: [String]
    public var allowedLogoutURLs: [String]
    public var webOrigins: [String]
    /// Origins allowed to make cross-origin authentication requests (Auth0 `allowed_origins`).
    public var allowedOrigins: [String]
    public var grantTypes: [String]
    public var createdAt: Date

    /// Creates a client record; without an explicit method, a client with a secret uses `client_secret_post` and
    /// one without is public (`none`).
    public init(
        tenantID: String, id: String, name: String, description: String = "", appType: ApplicationType,
        secretHash: String?, tokenEndpointAuthMethod: TokenEndpointAuthMethod? = nil, callbacks: [String] = [],
        allowedLogoutURLs: [String] = [], webOrigins: [String] = [], allowedOrigins: [String] = [],
        grantTypes: [String]? = nil, createdAt: Date
    ) {
        self.tenantID = tenantID
        self.id = id
        self.name = name
        self.description = description
        self.appType = appType
        self.secretHash = secretHash
        self.tokenEndpointAuthMethod =
            tokenEndpointAuthMethod ?? (secretHash == nil ? TokenEndpointAuthMethod.none : .clientSecretPost)
        self.callbacks = callbacks
        self.allowedLogoutURLs = allowedLogoutURLs
        self.webOrigins = webOrigins
        self.allowedOrigins = allowedOrigins
        self.grantTypes = grantTypes ?? appType.defaultGrantTypes
        self.createdAt = createdAt
    }

    /// Whether this client may use `grantType` at `/oauth/token`.
    public func allows(grantType: String) -> Bool { grantTypes.contains(grantType) }
}

/// The Auth0 application types.
public enum ApplicationType: String, Codable, Sendable, Equatable, CaseIterable {
    case spa
    case native
    case regularWeb = "regular_web"
    case machineToMachine = "non_interactive"

    /// The grant types a new client of this type gets.
    public var defaultGrantTypes: [String] {
        switch self {
        case .spa, .native, .regularWeb: [GrantType.authorizationCode, GrantType.refreshToken]
        case .machineToMachine: [GrantType.clientCredentials]
        }
    }

    /// Whether the application runs where a secret cannot be kept (a browser or a device), so it is a public client.
    public var isPublic: Bool { self == .spa || self == .native }
}

/// OAuth grant type names as they appear in `grant_type`.
public enum GrantType {
    public static let authorizationCode = "authorization_code"
    public static let refreshToken = "refresh_token"
    public static let clientCredentials = "client_credentials"
    /// The grant types this runtime implements at `/oauth/token`.
    public static let supported = [authorizationCode, refreshToken, clientCredentials]
}
