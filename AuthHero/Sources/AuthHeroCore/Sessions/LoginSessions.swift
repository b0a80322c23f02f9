import Foundation

/// Login sessions behind the session cookie. The cookie holds a random value; storage keeps only its SHA-256 as the
/// session id, under the tenant that created it, so a cookie is worthless at any other tenant (or to someone who
/// reads the database).
public struct LoginSessions: Sendable {
    /// How long a session lasts without a new login.
    public static let lifetime: TimeInterval = 3 * 24 * 3600

    private let storage: any GrantStore & InteractiveGrantStore & UserStore
    private let clock: any AuthHeroClock

    /// Creates the service over the grant and user stores.
    public init(storage: any GrantStore & InteractiveGrantStore & UserStore, clock: any AuthHeroClock) {
        self.storage = storage
        self.clock = clock
    }

    /// Starts a session for `userID` and returns the cookie value and the stored session.
    public func start(userID: String, tenantID: String) async throws -> (cookieValue: String, session: Session) {
        let cookieValue = RandomToken.make()
        let now = clock.now()
        let session = Session(
            tenantID: tenantID, id: SecretDigest.hash(cookieValue), userID: userID, createdAt: now,
            expiresAt: now + Self.lifetime)
        try await storage.insertSession(session, tenantID: tenantID)
        return (cookieValue, session)
    }

    /// The live session and its user for a cookie value at `tenantID`: nil when unknown here, expired, revoked, or
    /// when the user is gone or blocked.
    public func resume(cookieValue: String?, tenantID: String) async throws -> (session: Session, user: User)? {
        guard let cookieValue, !cookieValue.isEmpty,
            let session = try await storage.session(SecretDigest.hash(cookieValue), tenantID: tenantID),
            session.tenantID == tenantID, session.revokedAt == nil, session.expiresAt > clock.now(),
            let user = try await storage.user(session.userID, tenantID: tenantID), !user.blocked
        else { return nil }
        return (session, user)
    }

    /// Ends the session the cookie names at `tenantID`, if any.
    public func end(cookieValue: String?, tenantID: String) async throws {
        guard let cookieValue, !cookieValue.isEmpty else { return }
        try await storage.revokeSession(SecretDigest.hash(cookieValue), at: clock.now(), tenantID: tenantID)
    }
}
