import AuthHeroVerify
import Foundation
import JWTKit
import Testing

/// Attacks carried in the JOSE header: algorithm substitution, missing or confused keys, extensions.
struct HeaderAttackTests {
    let tenant = TestIssuer.tenantA

    @Test func unsignedAlgNoneTokenIsRefused() async throws {
        let token = try RawToken.make(
            header: ["alg": "none", "kid": tenant.rsaKeyID, "typ": "at+jwt"], claims: tenant.claims)
        await #expect(throws: TokenVerificationError.algorithmNotAllowed("none")) {
            try await tenant.verifier().verify(token)
        }
    }

    @Test func hs256SignedWithThePublicKeyAsSecretIsRefused() async throws {
        // The classic confusion: the attacker HMACs with the public key, hoping the verifier uses it as a secret.
        let header: [String: Any] = ["alg": "HS256", "kid": tenant.rsaKeyID, "typ": "at+jwt"]
        for secret in [
            tenant.rsa.publicKey.pemRepresentation, try tenant.rsa.publicKey.getKeyPrimitives().modulus.base64URL,
        ] {
            let token = try RawToken.hs256(header: header, claims: tenant.claims, secret: Data(secret.utf8))
            await #expect(throws: TokenVerificationError.algorithmNotAllowed("HS256")) {
                try await tenant.verifier().verify(token)
            }
        }
    }

    @Test func hs256StaysRefusedEvenWhenThePolicyListsIt() async throws {
        let verifier = TokenVerifier(
            policy: VerificationPolicy(
                issuers: [tenant.issuer], audiences: [TestClaims.audience], algorithms: ["RS256", "HS256"]),
            keys: tenant.keys, now: { TestClaims.now })
        let token = try RawToken.make(
            header: ["alg": "HS256", "kid": tenant.rsaKeyID], claims: tenant.claims, signature: Data(count: 32))
        await #expect(throws: TokenVerificationError.algorithmNotAllowed("HS256")) {
            try await verifier.verify(token)
        }
    }

    @Test func algorithmOutsideTheAllowListIsRefused() async throws {
        let rsaOnly = TokenVerifier(
            policy: VerificationPolicy(
                issuers: [tenant.issuer], audiences: [TestClaims.audience], algorithms: ["RS256"]),
            keys: tenant.keys, now: { TestClaims.now })
        let token = try await tenant.signES256(tenant.claims)
        await #expect(throws: TokenVerificationError.algorithmNotAllowed("ES256")) {
            try await rsaOnly.verify(token)
        }
    }

    @Test func headerWithoutKidIsRefused() async throws {
        let token = try await tenant.signRawRS256(header: ["alg": "RS256", "typ": "at+jwt"], claims: tenant.claims)
        await #expect(throws: TokenVerificationError.malformed("the header has no \"kid\" naming the signing key")) {
            try await tenant.verifier().verify(token)
        }
    }

    @Test func unknownKidIsRefusedAfterOneRefresh() async throws {
        let reads = ReadCounter()
        let jwks = tenant.jwks
        let keys = LocalJWKSSource {
            reads.increment()
            return jwks
        }
        let token = try await tenant.signRS256(tenant.claims, header: ["kid": .string("rotated-away")])
        await #expect(throws: TokenVerificationError.unknownKeyID("rotated-away")) {
            try await tenant.verifier(keys: keys).verify(token)
        }
        #expect(reads.value == 2)
    }

    @Test func kidOfAnRS256KeyWithAnES256HeaderIsAKeyAlgorithmMismatch() async throws {
        // Signed by the EC key but naming the RSA key: the RSA JWK declares RS256 and is not an EC key.
        let token = try await tenant.signES256(tenant.claims, header: ["kid": .string(tenant.rsaKeyID)])
        await #expect(throws: TokenVerificationError.keyAlgorithmMismatch(keyID: tenant.rsaKeyID, algorithm: "ES256")) {
            try await tenant.verifier().verify(token)
        }
    }

    @Test func rsaKeyWithoutDeclaredAlgIsStillNeverUsedForES256() async throws {
        var undeclared = tenant.rsaJWK
        undeclared.algorithm = nil
        let jwks = JWKS(keys: [undeclared])
        let keys = LocalJWKSSource { jwks }
        let token = try await tenant.signES256(tenant.claims, header: ["kid": .string(tenant.rsaKeyID)])
        await #expect(throws: TokenVerificationError.keyAlgorithmMismatch(keyID: tenant.rsaKeyID, algorithm: "ES256")) {
            try await tenant.verifier(keys: keys).verify(token)
        }
    }

    @Test func es256HeaderNamingAP384KeyIsAKeyAlgorithmMismatch() async throws {
        let parameters = ES384PrivateKey().publicKey.parameters!
        let p384 = JWK.ecdsa(
            nil, identifier: JWKIdentifier(string: "p384"), x: parameters.x, y: parameters.y, curve: .p384)
        let jwks = JWKS(keys: [p384])
        let token = try await tenant.signES256(tenant.claims, header: ["kid": .string("p384")])
        await #expect(throws: TokenVerificationError.keyAlgorithmMismatch(keyID: "p384", algorithm: "ES256")) {
            try await tenant.verifier(keys: LocalJWKSSource { jwks }).verify(token)
        }
    }

    @Test func criticalHeaderExtensionIsRefused() async throws {
        let token = try await tenant.signRawRS256(
            header: ["alg": "RS256", "kid": tenant.rsaKeyID, "typ": "at+jwt", "crit": ["exp"], "exp": 1],
            claims: tenant.claims)
        guard case .malformed(let reason) = await tenant.verifier().failure(token) else {
            Issue.record("a token with a crit header must be refused as malformed")
            return
        }
        #expect(reason.contains("crit"))
    }

    @Test(arguments: ["logout+jwt", "dpop+jwt", "secevent+jwt", "JWE"])
    func tokenTypeForAnotherPurposeIsRefused(type: String) async throws {
        let token = try await tenant.signRS256(tenant.claims, header: ["typ": .string(type)])
        guard case .malformed(let reason) = await tenant.verifier().failure(token) else {
            Issue.record("a \(type) token must be refused as malformed")
            return
        }
        #expect(reason.contains(type))
    }

    @Test func embeddedJWKHeaderIsNotTrusted() async throws {
        // The attacker signs with its own key and ships the public half in the header, under a new kid.
        let attacker = TestIssuer(issuer: tenant.issuer, rsaPEM: TestKeys.rsaX, keyPrefix: "x")
        let (modulus, exponent) = try attacker.rsa.publicKey.getKeyPrimitives()
        let embedded: JWTHeaderField = .object([
            "kty": .string("RSA"), "n": .string(modulus.base64URL), "e": .string(exponent.base64URL),
        ])
        let token = try await attacker.signRS256(
            tenant.claims, header: ["jwk": embedded, "jku": .string("https://evil.example/jwks")])
        await #expect(throws: TokenVerificationError.unknownKeyID(attacker.rsaKeyID)) {
            try await tenant.verifier().verify(token)
        }
    }
}
