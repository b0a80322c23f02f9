import AuthHeroVerify
import Foundation
import JWTKit
import Testing

/// The verifier keeps built keys between tokens; these attacks show the cache never outlives the issuer's key set.
struct KeyCacheTests {
    let tenant = TestIssuer.tenantA

    /// An in-process key set a test can replace, as a tenant's storage would after a revocation.
    final class SwappableKeys: @unchecked Sendable {
        private let lock = NSLock()
        private var jwks: JWKS
        init(_ jwks: JWKS) { self.jwks = jwks }
        func replace(with jwks: JWKS) { lock.withLock { self.jwks = jwks } }
        var source: LocalJWKSSource { LocalJWKSSource { self.lock.withLock { self.jwks } } }
    }

    @Test func revokedKeyStopsVerifyingAlthoughItWasCached() async throws {
        let keys = SwappableKeys(tenant.jwks)
        let verifier = tenant.verifier(keys: keys.source)
        let token = try await tenant.signRS256(tenant.claims)
        _ = try await verifier.verify(token)

        keys.replace(with: JWKS(keys: [tenant.ecJWK]))
        await #expect(throws: TokenVerificationError.unknownKeyID(tenant.rsaKeyID)) {
            try await verifier.verify(token)
        }
    }

    @Test func reusedKeyIDWithNewMaterialNeverVerifiesWithTheOldKey() async throws {
        let keys = SwappableKeys(tenant.jwks)
        let verifier = tenant.verifier(keys: keys.source)
        let oldToken = try await tenant.signRS256(tenant.claims)
        _ = try await verifier.verify(oldToken)

        // Same issuer, same kid, different RSA key.
        let impostor = TestIssuer(issuer: tenant.issuer, rsaPEM: TestKeys.rsaX, keyPrefix: "a")
        keys.replace(with: JWKS(keys: [impostor.rsaJWK]))
        await #expect(throws: TokenVerificationError.badSignature) { try await verifier.verify(oldToken) }
        let newToken = try await impostor.signRS256(tenant.claims)
        #expect(try await verifier.verify(newToken).keyID == tenant.rsaKeyID)
    }

    @Test func cachedKeyOfOneIssuerNeverVerifiesAnothersToken() async throws {
        let other = TestIssuer.tenantB
        let verifier = TokenVerifier(
            policy: VerificationPolicy(issuers: [tenant.issuer, other.issuer], audiences: [TestClaims.audience]),
            keysByIssuer: [tenant.issuer: tenant.keys, other.issuer: other.keys], now: { TestClaims.now })
        _ = try await verifier.verify(try await tenant.signRS256(tenant.claims))

        // Tenant A's key (already built and cached) signs a token claiming B's issuer under A's kid.
        let forged = try await tenant.signRS256(TestClaims(issuer: other.issuer))
        await #expect(throws: TokenVerificationError.unknownKeyID(tenant.rsaKeyID)) {
            try await verifier.verify(forged)
        }
    }
}
