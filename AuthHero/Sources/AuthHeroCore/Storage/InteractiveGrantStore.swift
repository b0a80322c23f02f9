import Foundation

/// The grant-state writes interactive login needs beyond `GrantStore`: refresh token rotation and ending sessions.
public protocol InteractiveGrantStore: Sendable {
    /// Marks the refresh token rotated at `date`; returns false when it already was (so two concurrent uses of one
    /// token cannot both rotate it).
    func markRefreshTokenRotated(id: String, at date: Date, tenantID: String) async throws -> Bool
    /// Ends a session (logout); later lookups see `revokedAt`.
    func revokeSession(_ sessionID: String, at date: Date, tenantID: String) async throws
    /// Revokes every refresh token and session of `userID` at `date` (removal from an organization, block, delete),
    /// so nothing already issued can mint new tokens; returns how many refresh tokens it revoked.
    @discardableResult
    func revokeGrants(ofUser userID: String, at date: Date, tenantID: String) async throws -> Int
}
