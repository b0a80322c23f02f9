import Foundation

/// The `authorization_code` grant (RFC 6749 §4.1.3 with PKCE, RFC 7636 §4.6): a code is redeemed once, by the client
/// it was issued to, with the same redirect URI and the verifier of its challenge, at the tenant that issued it.
public struct AuthorizationCodeGrant: Sendable {
    private let storage: any AuthHeroStorage
    private let authenticator: ClientAuthenticator
    private let issuer: UserTokenIssuer
    private let clock: any AuthHeroClock

    /// Creates the grant over storage and the user token issuer.
    public init(storage: any AuthHeroStorage, issuer: UserTokenIssuer, clock: any AuthHeroClock) {
        self.storage = storage
        self.authenticator = ClientAuthenticator(clients: storage)
        self.issuer = issuer
        self.clock = clock
    }

    /// Redeems `code` or throws `OAuthError` (`invalid_grant` for every problem with the code itself).
    public func exchange(
        _ credentials: ClientCredentials, code: String?, redirectURI: String?, codeVerifier: String?,
        tenant: TenantContext
    ) async throws -> UserTokens {
        let tenantID = tenant.tenant.id
        let client = try await authenticator.authenticate(credentials, tenantID: tenantID, allowPublicClients: true)
        guard client.allows(grantType: GrantType.authorizationCode) else {
            throw OAuthError.unauthorizedClient("This client may not use the authorization_code grant.")
        }
        guard let code, !code.isEmpty else { throw OAuthError.invalidRequest("The code parameter is required.") }
        let codeHash = SecretDigest.hash(code)
        let now = clock.now()
        guard let stored = try await storage.consumeAuthorizationCode(hash: codeHash, at: now, tenantID: tenantID)
        else {
            // Unknown here or already used. A replay means the code leaked: revoke what the first use obtained
            // (RFC 6749 §4.1.2). An unknown code (or one of another tenant) has no family, so nothing is revoked.
            try await storage.revokeRefreshTokenFamily(Self.familyID(codeHash: codeHash), at: now, tenantID: tenantID)
            throw OAuthError.invalidGrant("Invalid authorization code: unknown, expired or already used.")
        }
        guard stored.clientID == client.id else {
            throw OAuthError.invalidGrant("The authorization code was issued to another client.")
        }
        guard stored.expiresAt > now else { throw OAuthError.invalidGrant("The authorization code has expired.") }
        guard redirectURI == stored.redirectURI else {
            throw OAuthError.invalidGrant("redirect_uri does not match the one of the authorization request.")
        }
        if let challenge = stored.codeChallenge {
            guard let codeVerifier, !codeVerifier.isEmpty else {
                throw OAuthError.invalidGrant("The code_verifier parameter is required (PKCE).")
            }
            guard PKCE.verify(verifier: codeVerifier, challenge: challenge) else {
                throw OAuthError.invalidGrant("Failed to verify code_verifier against the code_challenge.")
            }
        }
        guard let user = try await storage.user(stored.userID, tenantID: tenantID), !user.blocked else {
            throw OAuthError.invalidGrant("The user of this authorization code no longer exists or is blocked.")
        }
        let organization: Organization?
        if let organizationID = stored.organizationID {
            organization = try await storage.organization(organizationID, tenantID: tenantID)
            guard organization != nil else { throw OAuthError.invalidGrant("The organization no longer exists.") }
        } else {
            organization = nil
        }
        return try await issuer.issue(
            UserTokenGrant(
                tenant: tenant, client: client, user: user, scope: stored.scope, audience: stored.audience,
                organization: organization, nonce: stored.nonce, sessionID: stored.sessionID,
                refreshFamilyID: Self.familyID(codeHash: codeHash)))
    }

    /// The refresh token family a code starts: derived from the code's hash, so a replay finds it again.
    static func familyID(codeHash: String) -> String { "fam_" + codeHash.prefix(40) }
}
