import AuthHeroVerify
import Foundation
import JWTKit

/// A tenant as seen by a resource server: an issuer URL, its key pairs and the JWKS it publishes.
struct TestIssuer: Sendable {
    static let tenantA = TestIssuer(issuer: "https://tenant-a.example.com/", rsaPEM: TestKeys.rsaA, keyPrefix: "a")
    static let tenantB = TestIssuer(issuer: "https://tenant-b.example.com/", rsaPEM: TestKeys.rsaB, keyPrefix: "b")

    let issuer: String
    let rsa: JWTKit.Insecure.RSA.PrivateKey
    let ec: ES256PrivateKey
    let rsaKeyID: String
    let ecKeyID: String

    init(issuer: String, rsaPEM: String, keyPrefix: String) {
        self.issuer = issuer
        self.rsa = try! JWTKit.Insecure.RSA.PrivateKey(pem: rsaPEM)
        self.ec = ES256PrivateKey()
        self.rsaKeyID = "\(keyPrefix)-rsa-1"
        self.ecKeyID = "\(keyPrefix)-ec-1"
    }

    var rsaJWK: JWK {
        let (modulus, exponent) = try! rsa.publicKey.getKeyPrimitives()
        return .rsa(
            .rs256, identifier: JWKIdentifier(string: rsaKeyID), modulus: modulus.base64URL,
            exponent: exponent.base64URL)
    }

    var ecJWK: JWK {
        let parameters = ec.publicKey.parameters!
        return .ecdsa(
            .es256, identifier: JWKIdentifier(string: ecKeyID), x: parameters.x, y: parameters.y, curve: .p256)
    }

    var jwks: JWKS { JWKS(keys: [rsaJWK, ecJWK]) }

    /// The issuer's keys read in-process.
    var keys: LocalJWKSSource {
        let jwks = self.jwks
        return LocalJWKSSource { jwks }
    }

    /// Access-token claims from this issuer, valid at ``TestClaims/now`` for ``TestClaims/audience``.
    var claims: TestClaims { TestClaims(issuer: issuer) }

    /// A verifier for a resource server that trusts only this issuer, at the tests' fixed "now".
    func verifier(audiences: Set<String> = [TestClaims.audience], keys: (any JWKSSource)? = nil) -> TokenVerifier {
        TokenVerifier(
            policy: VerificationPolicy(issuers: [issuer], audiences: audiences),
            keys: keys ?? self.keys,
            now: { TestClaims.now }
        )
    }

    /// Signs `claims` with the issuer's RSA key (RS256) the way the runtime's signer does: header `alg`, `kid`,
    /// `typ: at+jwt`. `header` entries override or add header fields.
    func signRS256(_ claims: TestClaims, header: [String: JWTHeaderField] = [:]) async throws -> String {
        let keys = await JWTKeyCollection().add(
            rsa: rsa, digestAlgorithm: .sha256, kid: JWKIdentifier(string: rsaKeyID))
        return try await keys.sign(claims, header: Self.header(kid: rsaKeyID, merging: header))
    }

    /// Signs `claims` with the issuer's P-256 key (ES256).
    func signES256(_ claims: TestClaims, header: [String: JWTHeaderField] = [:]) async throws -> String {
        let keys = await JWTKeyCollection().add(ecdsa: ec, kid: JWKIdentifier(string: ecKeyID))
        return try await keys.sign(claims, header: Self.header(kid: ecKeyID, merging: header))
    }

    /// Signs `header` and `claims` exactly as given with the issuer's RSA key, for headers JWTKit would complete
    /// (it always adds `alg` and `typ`).
    func signRawRS256(header: [String: Any], claims: some Encodable) async throws -> String {
        let input = try RawToken.signingInput(header: header, claims: claims)
        let keys = await JWTKeyCollection().add(
            rsa: rsa, digestAlgorithm: .sha256, kid: JWKIdentifier(string: rsaKeyID))
        let signature = try await keys.getKey(for: JWKIdentifier(string: rsaKeyID)).sign(Array(input.utf8))
        return input + "." + Data(signature).base64URL
    }

    private static func header(kid: String, merging extra: [String: JWTHeaderField]) -> JWTHeader {
        var fields: [String: JWTHeaderField] = ["kid": .string(kid), "typ": .string("at+jwt")]
        fields.merge(extra) { _, new in new }
        return JWTHeader(fields: fields)
    }
}
