import Foundation
import JWTKit

/// The claims of an access token as sent, decoded leniently: presence and values are checked by ``TokenVerifier``
/// so that each failure gets its own explanation.
struct AccessTokenClaims: JWTPayload {
    var iss: String?
    var sub: String?
    var aud: AudienceClaim?
    var exp: Date?
    var nbf: Date?
    var iat: Date?
    var jti: String?
    var clientID: String?
    var azp: String?
    var scope: String?
    var permissions: [String]?
    var gty: String?
    var orgID: String?
    var orgName: String?

    private enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, nbf, iat, jti, azp, scope, permissions, gty
        case clientID = "client_id"
        case orgID = "org_id"
        case orgName = "org_name"
    }

    /// Deliberately empty: JWTKit calls this right after the signature check, but expiry and audience need the
    /// verifier's policy (leeway, accepted audiences) and typed errors, so ``TokenVerifier`` checks them itself.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// The only claim read before the signature is checked: it picks which issuer's keys to use.
struct UnverifiedIssuer: JWTPayload {
    var iss: String?

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
