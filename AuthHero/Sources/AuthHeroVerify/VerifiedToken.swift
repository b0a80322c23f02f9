import Foundation

/// The claims of a token that passed every check of ``TokenVerifier/verify(_:)``.
public struct VerifiedToken: Sendable, Equatable {
    /// `iss`: the tenant that issued the token.
    public let issuer: String
    /// `sub`: the user id, or `{client_id}@clients` for a client-credentials token.
    public let subject: String
    /// `aud`, always as a list.
    public let audiences: [String]
    /// `client_id`: the application the token was issued to.
    public let clientID: String?
    /// `azp`: the authorized party.
    public let authorizedParty: String?
    /// `org_id`: set on organization tokens.
    public let organizationID: String?
    /// `org_name`: set on organization tokens when the tenant allows names.
    public let organizationName: String?
    /// `scope`, split on spaces.
    public let scopes: [String]
    /// `permissions`: the RBAC permissions granted for the audience (empty when RBAC is off).
    public let permissions: [String]
    /// `gty`, e.g. `client-credentials`.
    public let grantType: String?
    /// `iat`.
    public let issuedAt: Date
    /// `exp`.
    public let expiresAt: Date
    /// `jti`.
    public let tokenID: String?
    /// The header `kid` of the key that verified the signature.
    public let keyID: String
    /// The header `alg` that was verified.
    public let algorithm: String

    /// Creates a verified token; ``TokenVerifier`` is the one producer, tests of resource servers are the others.
    public init(
        issuer: String, subject: String, audiences: [String], clientID: String? = nil, authorizedParty: String? = nil,
        organizationID: String? = nil, organizationName: String? = nil, scopes: [String] = [],
        permissions: [String] = [],
        grantType: String? = nil, issuedAt: Date, expiresAt: Date, tokenID: String? = nil, keyID: String,
        algorithm: String
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audiences = audiences
        self.clientID = clientID
        self.authorizedParty = authorizedParty
        self.organizationID = organizationID
        self.organizationName = organizationName
        self.scopes = scopes
        self.permissions = permissions
        self.grantType = grantType
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.tokenID = tokenID
        self.keyID = keyID
        self.algorithm = algorithm
    }

    /// Whether the space-separated `scope` contains `scope` exactly.
    public func hasScope(_ scope: String) -> Bool {
        scopes.contains(scope)
    }

    /// Whether `permissions` contains `permission` exactly.
    public func hasPermission(_ permission: String) -> Bool {
        permissions.contains(permission)
    }
}
