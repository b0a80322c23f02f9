import Foundation

/// The `refresh_token` grant with rotation: each use returns a new refresh token and retires the old one; using a
/// retired token again (after the tenant's reuse leeway, default 0) revokes the whole family. A refresh token stays
/// bound to its client, tenant and organization.
public struct RefreshTokenGrant: Sendable {
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

    /// Rotates `refreshToken` or throws `OAuthError`. `organization`, when sent, must name the token's own
    /// organization (refresh tokens cannot change the organization).
    public func exchange(
        _ credentials: ClientCredentials, refreshToken: String?, organization: String?, scope: String?,
        tenant: TenantContext
    ) async throws -> UserTokens {
        let tenantID = tenant.tenant.id
        let client = try await authenticator.authenticate(credentials, tenantID: tenantID, allowPublicClients: true)
        guard client.allows(grantType: GrantType.refreshToken) else {
            throw OAuthError.unauthorizedClient("This client may not use the refresh_token grant.")
        }
        guard let refreshToken, !refreshToken.isEmpty else {
            throw OAuthError.invalidRequest("The refresh_token parameter is required.")
        }
        let invalid = OAuthError.invalidGrant("Unknown or invalid refresh token.")
        let now = clock.now()
        guard let stored = try await storage.refreshToken(hash: SecretDigest.hash(refreshToken), tenantID: tenantID),
            stored.clientID == client.id, stored.revokedAt == nil, stored.expiresAt > now
        else { throw invalid }

        let organizationRecord = try await boundOrganization(stored, requested: organization, tenant: tenant)
        let requestedScope = try narrowedScope(scope, granted: stored.scope)

        let rotated = try await storage.markRefreshTokenRotated(id: stored.id, at: now, tenantID: tenantID)
        if !rotated {
            let leeway = TimeInterval(tenant.tenant.settings.refreshTokenReuseLeewaySeconds)
            let rotatedAt =
                try await storage.refreshToken(hash: stored.tokenHash, tenantID: tenantID)?.rotatedAt
                ?? stored.rotatedAt ?? .distantPast
            guard now.timeIntervalSince(rotatedAt) <= leeway, leeway > 0 else {
                // A retired token came back: it leaked, or the client misbehaves. Either way the family is done.
                try await storage.revokeRefreshTokenFamily(stored.familyID, at: now, tenantID: tenantID)
                throw OAuthError.invalidGrant("This refresh token was already used; its token family has been revoked.")
            }
        }
        guard let user = try await storage.user(stored.userID, tenantID: tenantID), !user.blocked else { throw invalid }
        // Membership is checked again at every refresh: the org_id tokens it mints are verified offline by backends,
        // so a member removed since login must not keep minting them for the refresh token's lifetime.
        if let organizationRecord,
            try await !storage.isMember(userID: user.id, organizationID: organizationRecord.id, tenantID: tenantID)
        {
            throw OAuthError.invalidGrant(
                "The user is no longer a member of organization \(organizationRecord.id); log in again.")
        }
        return try await issuer.issue(
            UserTokenGrant(
                tenant: tenant, client: client, user: user, scope: requestedScope, audience: stored.audience,
                organization: organizationRecord, nonce: nil, sessionID: stored.sessionID,
                refreshFamilyID: stored.familyID))
    }

    /// The token's organization, after checking that the request names none or the same one (by id, or by name
    /// when the tenant allows names). Nothing is issued on a mismatch.
    private func boundOrganization(_ stored: RefreshToken, requested: String?, tenant: TenantContext) async throws
        -> Organization?
    {
        let tenantID = tenant.tenant.id
        var organization: Organization?
        if let organizationID = stored.organizationID {
            organization = try await storage.organization(organizationID, tenantID: tenantID)
            guard organization != nil else { throw OAuthError.invalidGrant("The organization no longer exists.") }
        }
        guard let requested, !requested.isEmpty else { return organization }
        let mismatch = OAuthError.invalidGrant(
            "This refresh token was issued for another organization; log in to \(requested) instead.")
        guard let organization else { throw mismatch }
        let sameName =
            tenant.tenant.settings.allowOrganizationNameInToken
            && requested.lowercased() == organization.name.lowercased()
        guard requested == organization.id || sameName else { throw mismatch }
        return organization
    }

    /// The requested scopes, which must be within the originally granted ones; all of them when none are requested.
    private func narrowedScope(_ requested: String?, granted: String) throws -> String {
        guard let requested, !requested.isEmpty else { return granted }
        let grantedSet = Set(granted.split(separator: " "))
        let beyond = requested.split(separator: " ").filter { !grantedSet.contains($0) }
        guard beyond.isEmpty else {
            throw OAuthError.invalidScope("Scope beyond the original grant: \(beyond.joined(separator: " ")).")
        }
        return requested
    }
}
