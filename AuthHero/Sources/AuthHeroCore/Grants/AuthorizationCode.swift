import Foundation

/// A one-time authorization code (stored by hash) with everything the code exchange must check later (PKCE,
/// redirect URI, organization). Interactive login (the next issue) issues and redeems these.
public struct AuthorizationCode: Codable, Sendable, Equatable {
    public var tenantID: String
    public var codeHash: String
    public var clientID: String
    public var userID: String
    public var redirectURI: String
    public var scope: String
    public var audience: String?
    public var organizationID: String?
    public var codeChallenge: String?
    public var codeChallengeMethod: String?
    public var nonce: String?
    public var sessionID: String?
    public var createdAt: Date
    public var expiresAt: Date
    public var consumedAt: Date?

    /// Creates a code record.
    public init(
        tenantID: String, codeHash: String, clientID: String, userID: String, redirectURI: String, scope: String,
        audience: String? = nil, organizationID: String? = nil, codeChallenge: String? = nil,
        codeChallengeMethod: String? = nil, nonce: String? = nil, sessionID: String? = nil, createdAt: Date,
        expiresAt: Date, consumedAt: Date? = nil
    ) {
        self.tenantID = tenantID
        self.codeHash = codeHash
        self.clientID = clientID
        self.userID = userID
        self.redirectURI = redirectURI
        self.scope = scope
        self.audience = audience
        self.organizationID = organizationID
        self.codeChallenge = codeChallenge
        self.codeChallengeMethod = codeChallengeMethod
        self.nonce = nonce
        self.sessionID = sessionID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.consumedAt = consumedAt
    }
}
