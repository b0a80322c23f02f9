import Foundation
import JWTKit

/// The claims of an RFC 9068 access token in the Auth0 shape (auth0-compat.md, "Access token").
public struct AccessTokenClaims: JWTPayload, Equatable {
    public var iss: IssuerClaim
    public var sub: SubjectClaim
    public var aud: AudienceClaim
    public var clientID: String
    public var azp: String
    public var iat: IssuedAtClaim
    public var exp: ExpirationClaim
    public var jti: IDClaim
    /// Space-separated scopes, possibly empty.
    public var scope: String
    /// Present when the audience has RBAC on.
    public var permissions: [String]?
    /// `client-credentials` for machine tokens.
    public var gty: String?
    public var orgID: String?
    public var orgName: String?

    /// Creates the claims of one access token.
    public init(
        iss: IssuerClaim, sub: SubjectClaim, aud: AudienceClaim, clientID: String, azp: String, iat: IssuedAtClaim,
        exp: ExpirationClaim, jti: IDClaim, scope: String, permissions: [String]?, gty: String?, orgID: String?,
        orgName: String?
    ) {
        self.iss = iss
        self.sub = sub
        self.aud = aud
        self.clientID = clientID
        self.azp = azp
        self.iat = iat
        self.exp = exp
        self.jti = jti
        self.scope = scope
        self.permissions = permissions
        self.gty = gty
        self.orgID = orgID
        self.orgName = orgName
    }

    private enum CodingKeys: String, CodingKey {
        case iss, sub, aud, azp, iat, exp, jti, scope, permissions, gty
        case clientID = "client_id"
        case orgID = "org_id"
        case orgName = "org_name"
    }

    /// Signature checks happen in `AuthHeroVerify`; here only the expiry is checked, for JWTKit's own verify path.
    public func verify(using algorithm: some JWTAlgorithm) async throws { try exp.verifyNotExpired() }
}
