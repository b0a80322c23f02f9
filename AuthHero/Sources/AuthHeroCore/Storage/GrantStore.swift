import Foundation

/// Short- and long-lived grant state: authorization codes, refresh tokens and sessions.
public protocol GrantStore: Sendable {
    /// Stores a code.
    func insertAuthorizationCode(_ code: AuthorizationCode, tenantID: String) async throws
    /// Marks the code consumed and returns it, or nil when unknown or already consumed (single use, atomically).
    func consumeAuthorizationCode(hash: String, at date: Date, tenantID: String) async throws -> AuthorizationCode?
    /// Stores a refresh token.
    func insertRefreshToken(_ token: RefreshToken, tenantID: String) async throws
    /// The refresh token with this hash, if any.
    func refreshToken(hash: String, tenantID: String) async throws -> RefreshToken?
    /// Revokes every token of a family; returns how many were still active.
    @discardableResult
    func revokeRefreshTokenFamily(_ familyID: String, at date: Date, tenantID: String) async throws -> Int
    /// Stores a session.
    func insertSession(_ session: Session, tenantID: String) async throws
    /// The session with this id, if any.
    func session(_ sessionID: String, tenantID: String) async throws -> Session?
}
