/// An API that tokens are issued for; its `identifier` is the token `aud`.
public struct ResourceServer: Codable, Sendable, Equatable {
    public var tenantID: String
    public var id: String
    public var identifier: String
    public var name: String
    public var scopes: [ResourceServerScope]
    /// RBAC: when on, access tokens carry `permissions` (auth0-compat.md, "Access token").
    public var enforcePolicies: Bool
    public var tokenLifetime: Int
    /// Auth0's `allow_offline_access`: whether a user grant for this audience may receive a refresh token.
    public var allowOfflineAccess: Bool
    public var signingAlgorithm: SigningAlgorithm
    /// Free-form flags such as `sync` and `internal` used by control-plane sync.
    public var metadata: [String: String]
    /// The built-in management API, which every tenant has and sync never copies.
    public var isSystem: Bool
    /// The control-plane id this record was copied from by sync (read-only in the customer tenant); nil when the
    /// tenant owns it.
    public var syncedFrom: String?

    /// Creates a resource server record.
    public init(
        tenantID: String, id: String, identifier: String, name: String, scopes: [ResourceServerScope] = [],
        enforcePolicies: Bool = false, tokenLifetime: Int = 86_400, allowOfflineAccess: Bool = false,
        signingAlgorithm: SigningAlgorithm = .rs256,
        metadata: [String: String] = [:], isSystem: Bool = false, syncedFrom: String? = nil
    ) {
        self.tenantID = tenantID
        self.id = id
        self.identifier = identifier
        self.name = name
        self.scopes = scopes
        self.enforcePolicies = enforcePolicies
        self.tokenLifetime = tokenLifetime
        self.allowOfflineAccess = allowOfflineAccess
        self.signingAlgorithm = signingAlgorithm
        self.metadata = metadata
        self.isSystem = isSystem
        self.syncedFrom = syncedFrom
    }
}

/// A scope a resource server defines (`{"value":"read:profile","description":"..."}`).
public struct ResourceServerScope: Codable, Sendable, Equatable, Hashable {
    public var value: String
    public var description: String

    /// Creates a scope.
    public init(value: String, description: String = "") {
        self.value = value
        self.description = description
    }
}
