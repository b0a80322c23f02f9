import Foundation
import JWTKit

/// Builds the tokens of a user grant: the access token through the shared `TokenIssuer` (permissions from the
/// user's roles, per organization when one is used), an RS256 ID token, and a rotating refresh token.
public struct UserTokenIssuer: Sendable {
    /// Auth0's default ID token lifetime (10 hours).
    public static let idTokenLifetime: TimeInterval = 36_000
    /// How long an unused refresh token stays valid.
    public static let refreshTokenLifetime: TimeInterval = 30 * 24 * 3600
    /// Scopes defined by OpenID Connect, kept in the token's scope whatever the audience.
    static let openIDScopes: Set<String> = ["openid", "profile", "email", "offline_access"]

    private let storage: any ResourceServerStore & RoleStore & GrantStore
    private let tokens: TokenIssuer
    private let keys: SigningKeyService
    private let clock: any AuthHeroClock

    /// Creates the issuer over storage, the shared access token issuer and the tenant keys.
    public init(
        storage: any ResourceServerStore & RoleStore & GrantStore, tokens: TokenIssuer, keys: SigningKeyService,
        clock: any AuthHeroClock
    ) {
        self.storage = storage
        self.tokens = tokens
        self.keys = keys
        self.clock = clock
    }

    /// Issues the tokens for `grant`.
    public func issue(_ grant: UserTokenGrant) async throws -> UserTokens {
        let tenantID = grant.tenant.tenant.id
        let resourceServer: ResourceServer
        if let audience = grant.audience {
            guard let found = try await storage.resourceServer(identifier: audience, tenantID: tenantID) else {
                throw OAuthError.accessDenied("Service not found: \(audience).")
            }
            resourceServer = found
        } else {
            resourceServer = UserinfoAudience.resourceServer(tenant: grant.tenant)
        }
        let apiScopes = Set(resourceServer.scopes.map(\.value))
        var permissions: [String]? = nil
        if resourceServer.enforcePolicies {
            let held = try await storage.permissions(
                userID: grant.user.id, organizationID: grant.organization?.id,
                includeGlobal: grant.organization == nil
                    || grant.tenant.tenant.settings.inheritGlobalPermissionsInOrganizations,
                audience: resourceServer.identifier, tenantID: tenantID)
            permissions = held.filter(apiScopes.contains).sorted()
        }
        // An API that does not allow offline access gets no refresh token, and the granted scope says so.
        let offline = grant.scopes.contains("offline_access") && resourceServer.allowOfflineAccess
        let scopes = grant.scopes.filter { scope in
            scope == "offline_access"
                ? offline
                : Self.openIDScopes.contains(scope)
                    || (apiScopes.contains(scope) && (permissions.map { $0.contains(scope) } ?? true))
        }
        let organizationName =
            grant.tenant.tenant.settings.allowOrganizationNameInToken
            ? grant.organization?.name.lowercased() : nil
        let access = try await tokens.issueAccessToken(
            AccessTokenRequest(
                tenantID: tenantID, issuer: grant.tenant.issuer, subject: grant.user.id, clientID: grant.client.id,
                resourceServer: resourceServer, scopes: scopes, permissions: permissions,
                organizationID: grant.organization?.id, organizationName: organizationName))
        let idToken = try await signIDToken(grant, organizationName: organizationName)
        let refreshToken = offline ? try await issueRefreshToken(grant) : nil
        return UserTokens(access: access, idToken: idToken, refreshToken: refreshToken)
    }

    private func signIDToken(_ grant: UserTokenGrant, organizationName: String?) async throws -> String {
        let now = Date(timeIntervalSince1970: clock.now().timeIntervalSince1970.rounded(.down))
        let scopes = Set(grant.scopes)
        let email = grant.user.email
        let claims = IDTokenClaims(
            iss: IssuerClaim(value: grant.tenant.issuer), sub: SubjectClaim(value: grant.user.id),
            aud: AudienceClaim(value: grant.client.id), iat: IssuedAtClaim(value: now),
            exp: ExpirationClaim(value: now + Self.idTokenLifetime), nonce: grant.nonce, sid: grant.sessionID,
            orgID: grant.organization?.id, orgName: organizationName,
            email: scopes.contains("email") ? email : nil,
            emailVerified: scopes.contains("email") ? grant.user.emailVerified : nil,
            name: scopes.contains("profile") ? (grant.user.name ?? grant.user.username ?? email) : nil,
            nickname: scopes.contains("profile") ? email?.split(separator: "@").first.map(String.init) : nil)
        // auth0-spa-js accepts only RS256 ID tokens, whatever the audience signs with.
        return try await keys.sign(claims, tenantID: grant.tenant.tenant.id, algorithm: .rs256, type: "JWT")
    }

    /// A refresh token when the client may use the refresh grant (the caller checked that offline access was granted
    /// and the API allows it).
    private func issueRefreshToken(_ grant: UserTokenGrant) async throws -> String? {
        guard grant.client.allows(grantType: GrantType.refreshToken) else {
            return nil
        }
        let value = RandomToken.make()
        let now = clock.now()
        try await storage.insertRefreshToken(
            RefreshToken(
                tenantID: grant.tenant.tenant.id, id: RandomToken.identifier(prefix: "rt_", length: 24),
                tokenHash: SecretDigest.hash(value), familyID: grant.refreshFamilyID, clientID: grant.client.id,
                userID: grant.user.id, audience: grant.audience, scope: grant.scope,
                organizationID: grant.organization?.id, sessionID: grant.sessionID, createdAt: now,
                expiresAt: now + Self.refreshTokenLifetime),
            tenantID: grant.tenant.tenant.id)
        return value
    }
}
