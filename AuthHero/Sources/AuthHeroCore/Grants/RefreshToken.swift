import Foundation

/// A refresh token (stored by hash), bound to its client, audience and organization; `familyID` ties rotations
/// together so reuse of a rotated token can revoke the whole family.
public struct RefreshToken: Codable, Sendable, Equatable {
    public var tenantID: String
    public var id: String
    public var tokenHash: String
    public var familyID: String
    public var clientID: String
    public var userID: String
    public var audience: String?
    public var scope: String
    public var organizationID: String?
    public var sessionID: String?
    public var createdAt: Date
    public var expiresAt: Date
    public var rotatedAt: Date?
    public var revokedAt: Date?

    /// Creates a refresh token record.
    public init(
        tenantID: String, id: String, tokenHash: String, familyID: String, clientID: String, userID: String,
        audience: String? = nil, scope: String, organizationID: String? = nil, sessionID: String? = nil,
        createdAt: Date, expiresAt: Date, rotatedAt: Date? = nil, revokedAt: Date? = nil
    ) {
        self.tenantID = tenantID
        self.id = id
        self.tokenHash = tokenHash
        self.familyID = familyID
        self.clientID = clientID
        self.userID = userID
        self.audience = audience
        self.scope = scope
        self.organizationID = organizationID
        self.sessionID = sessionID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.rotatedAt = rotatedAt
        self.revokedAt = revokedAt
    }
}
