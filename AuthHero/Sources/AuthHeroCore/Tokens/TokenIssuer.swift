import Foundation
import JWTKit

/// The one place access tokens are built and signed, whichever grant asked for them.
public struct TokenIssuer: Sendable {
    private let keys: SigningKeyService
    private let clock: any AuthHeroClock

    /// Creates the issuer over the tenant key service and a clock.
    public init(keys: SigningKeyService, clock: any AuthHeroClock) {
        self.keys = keys
        self.clock = clock
    }

    /// Signs an RFC 9068 access token (`typ: at+jwt`) with the tenant's current key for the audience's algorithm.
    public func issueAccessToken(_ request: AccessTokenRequest) async throws -> IssuedToken {
        // Whole seconds: JWT NumericDate values stay integers.
        let issuedAt = Date(timeIntervalSince1970: clock.now().timeIntervalSince1970.rounded(.down))
        let lifetime = request.resourceServer.tokenLifetime
        let scope = request.scopes.joined(separator: " ")
        let claims = AccessTokenClaims(
            iss: IssuerClaim(value: request.issuer), sub: SubjectClaim(value: request.subject),
            aud: AudienceClaim(value: request.resourceServer.identifier), clientID: request.clientID,
            azp: request.clientID, iat: IssuedAtClaim(value: issuedAt),
            exp: ExpirationClaim(value: issuedAt + TimeInterval(lifetime)),
            jti: IDClaim(value: RandomToken.make(byteCount: 16)),
            scope: scope, permissions: request.permissions, gty: request.grantType, orgID: request.organizationID,
            orgName: request.organizationName)
        let token = try await keys.sign(
            claims, tenantID: request.tenantID, algorithm: request.resourceServer.signingAlgorithm, type: "at+jwt")
        return IssuedToken(accessToken: token, expiresIn: lifetime, scope: scope)
    }
}
