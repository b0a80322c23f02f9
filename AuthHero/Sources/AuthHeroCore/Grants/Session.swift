import Foundation

/// A login session at a tenant (the cookie side of interactive login, next issue).
public struct Session: Codable, Sendable, Equatable {
    public var tenantID: String
    public var id: String
    public var userID: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date
    public var revokedAt: Date?

    /// Creates a session record.
    public init(
        tenantID: String, id: String, userID: String, createdAt: Date, lastSeenAt: Date? = nil, expiresAt: Date,
        revokedAt: Date? = nil
    ) {
        self.tenantID = tenantID
        self.id = id
        self.userID = userID
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt ?? createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }
}
