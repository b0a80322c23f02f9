import Foundation
import JWTKit

/// The claims of an OpenID Connect ID token (OIDC Core §2) in the shape auth0-spa-js checks: `nonce` when sent,
/// `org_id` / `org_name` when an organization was used, profile claims by scope.
public struct IDTokenClaims: JWTPayload, Equatable {
    public var iss: IssuerClaim
    public var sub: SubjectClaim
    /// The client id.
    public var aud: AudienceClaim
    public var iat: IssuedAtClaim
    public var exp: ExpirationClaim
    public var nonce: String?
    /// The session the token came from.
    public var sid: String?
    public var orgID: String?
    public var orgName: String?
    /// With scope `email`.
    public var email: String?
    public var emailVerified: Bool?
    /// With scope `profile`.
    public var name: String?
    public var nickname: String?

    private enum CodingKeys: String, CodingKey {
        case iss, sub, aud, iat, exp, nonce, sid, email, name, nickname
        case orgID = "org_id"
        case orgName = "org_name"
        case emailVerified = "email_verified"
    }

    /// Relying parties verify ID tokens; here only the expiry is checked, for JWTKit's own verify path.
    public func verify(using algorithm: some JWTAlgorithm) async throws { try exp.verifyNotExpired() }
}
