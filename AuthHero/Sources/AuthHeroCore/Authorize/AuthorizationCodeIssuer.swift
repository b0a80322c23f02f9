import Foundation

/// Issues single-use authorization codes: the browser gets a random value, storage keeps only its SHA-256 with
/// everything the exchange must check (client, redirect URI, PKCE challenge, organization, nonce, session).
public struct AuthorizationCodeIssuer: Sendable {
    /// Codes are short-lived (RFC 6749 §4.1.2 recommends at most 10 minutes); the browser redeems them at once.
    public static let lifetime: TimeInterval = 60

    private let grants: any GrantStore
    private let clock: any AuthHeroClock

    /// Creates the issuer over the grant store.
    public init(grants: any GrantStore, clock: any AuthHeroClock) {
        self.grants = grants
        self.clock = clock
    }

    /// Stores a new code for `userID` and returns its value (the only time it exists in clear).
    public func issue(
        for request: AuthorizationRequest, userID: String, sessionID: String?, tenantID: String
    ) async throws -> String {
        let code = RandomToken.make()
        let now = clock.now()
        try await grants.insertAuthorizationCode(
            AuthorizationCode(
                tenantID: tenantID, codeHash: SecretDigest.hash(code), clientID: request.client.id, userID: userID,
                redirectURI: request.target.redirectURI, scope: request.scope, audience: request.audience,
                organizationID: request.organization?.id, codeChallenge: request.codeChallenge,
                codeChallengeMethod: request.codeChallenge == nil ? nil : PKCE.s256, nonce: request.nonce,
                sessionID: sessionID, createdAt: now, expiresAt: now + Self.lifetime),
            tenantID: tenantID)
        return code
    }
}
