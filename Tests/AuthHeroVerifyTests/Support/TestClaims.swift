import Foundation
import JWTKit

/// The claims an AuthHero access token carries (RFC 9068 and Auth0 shapes), every one optional so a test can
/// leave any out.
struct TestClaims: JWTPayload {
    /// The instant every test treats as "now"; verifiers in tests read this instead of the wall clock.
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let audience = "https://api.example.com/"

    var iss: String?
    var sub: String? = "auth0|user-1"
    var aud: AudienceClaim? = AudienceClaim(value: [Self.audience])
    var exp: Date? = Self.now.addingTimeInterval(3600)
    var nbf: Date?
    var iat: Date? = Self.now.addingTimeInterval(-10)
    var jti: String? = "token-1"
    var clientID: String? = "client-1"
    var azp: String? = "client-1"
    var scope: String? = "openid read:reports"
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

    init(issuer: String?) {
        iss = issuer
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
