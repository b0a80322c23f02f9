import AuthHeroCore
import Testing

@Suite struct JWKThumbprintTests {
    /// The example of RFC 7638 §3.1.
    @Test func rsaThumbprintMatchesTheRFCExample() {
        let n =
            "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMs"
            + "tn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5h"
            + "ajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"
        #expect(JWKThumbprint.rsa(modulus: n, exponent: "AQAB") == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
    }

    @Test func generatedKeyIDIsTheThumbprintOfItsPublicKey() throws {
        let material = try KeyMaterial.generate(.es256)
        let jwk = material.publicJWK
        #expect(jwk.kid == JWKThumbprint.ec(x: jwk.x ?? "", y: jwk.y ?? ""))
        #expect(jwk.crv == "P-256" && jwk.use == "sig" && jwk.alg == "ES256")
        #expect(!(jwk.x ?? "=").contains("="))
        #expect(try KeyMaterial.publicJWK(privateKeyPEM: material.privateKeyPEM, algorithm: .es256) == jwk)
    }
}
