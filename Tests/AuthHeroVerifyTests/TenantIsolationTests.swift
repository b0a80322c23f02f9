import AuthHeroVerify
import Foundation
import JWTKit
import Testing

/// Every tenant is its own issuer with its own keys: a token minted by one never verifies at another.
struct TenantIsolationTests {
    let tenantA = TestIssuer.tenantA
    let tenantB = TestIssuer.tenantB

    @Test func tenantATokenIsRefusedByTenantBForItsIssuer() async throws {
        let token = try await tenantA.signRS256(tenantA.claims)
        await #expect(throws: TokenVerificationError.issuerNotAccepted(tenantA.issuer, accepted: [tenantB.issuer])) {
            try await tenantB.verifier().verify(token)
        }
    }

    @Test func tenantATokenClaimingTenantBIssuerHasAnUnknownKey() async throws {
        // Tenant A's key, tenant A's kid, tenant B's issuer: B does not publish A's kid.
        let token = try await tenantA.signRS256(TestClaims(issuer: tenantB.issuer))
        await #expect(throws: TokenVerificationError.unknownKeyID(tenantA.rsaKeyID)) {
            try await tenantB.verifier().verify(token)
        }
    }

    @Test func tenantAKeyNamedWithTenantBKidFailsTheSignature() async throws {
        let token = try await tenantA.signRS256(
            TestClaims(issuer: tenantB.issuer), header: ["kid": .string(tenantB.rsaKeyID)])
        await #expect(throws: TokenVerificationError.badSignature) {
            try await tenantB.verifier().verify(token)
        }
    }

    @Test func multiTenantVerifierChecksEachIssuerAgainstItsOwnKeysOnly() async throws {
        let verifier = TokenVerifier(
            policy: VerificationPolicy(issuers: [tenantA.issuer, tenantB.issuer], audiences: [TestClaims.audience]),
            keysByIssuer: [tenantA.issuer: tenantA.keys, tenantB.issuer: tenantB.keys],
            now: { TestClaims.now })
        #expect(try await verifier.verify(try await tenantA.signRS256(tenantA.claims)).issuer == tenantA.issuer)
        #expect(try await verifier.verify(try await tenantB.signES256(tenantB.claims)).issuer == tenantB.issuer)

        let forged = try await tenantA.signRS256(TestClaims(issuer: tenantB.issuer))
        await #expect(throws: TokenVerificationError.unknownKeyID(tenantA.rsaKeyID)) {
            try await verifier.verify(forged)
        }
    }

    @Test func issuerWithoutTrailingSlashIsAnotherIssuer() async throws {
        let issuer = String(tenantA.issuer.dropLast())
        let token = try await tenantA.signRS256(TestClaims(issuer: issuer))
        await #expect(throws: TokenVerificationError.issuerNotAccepted(issuer, accepted: [tenantA.issuer])) {
            try await tenantA.verifier().verify(token)
        }
    }
}
