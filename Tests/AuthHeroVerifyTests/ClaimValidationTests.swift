import AuthHeroVerify
import Foundation
import JWTKit
import Testing

/// Audience, expiry, not-before and issued-at, each with the policy's leeway (60 s by default).
struct ClaimValidationTests {
    let tenant = TestIssuer.tenantA

    @Test func expiredTokenIsRefusedWithItsExpiry() async throws {
        var claims = tenant.claims
        claims.exp = TestClaims.now.addingTimeInterval(-61)
        let token = try await tenant.signRS256(claims)
        await #expect(throws: TokenVerificationError.expired(claims.exp!)) {
            try await tenant.verifier().verify(token)
        }
    }

    @Test func tokenExpiredWithinTheLeewayIsAccepted() async throws {
        var claims = tenant.claims
        claims.exp = TestClaims.now.addingTimeInterval(-30)
        let token = try await tenant.signRS256(claims)
        #expect(try await tenant.verifier().verify(token).expiresAt == claims.exp)
    }

    @Test func wrongAudienceIsRefused() async throws {
        var claims = tenant.claims
        claims.aud = AudienceClaim(value: ["https://other-api.example.com/"])
        let token = try await tenant.signRS256(claims)
        let expected = TokenVerificationError.audienceNotAccepted(
            ["https://other-api.example.com/"], accepted: [TestClaims.audience])
        await #expect(throws: expected) {
            try await tenant.verifier().verify(token)
        }
        #expect(expected.description.contains("audience=\(TestClaims.audience)"))
    }

    @Test func audienceArrayContainingTheAcceptedAudienceIsAccepted() async throws {
        var claims = tenant.claims
        claims.aud = AudienceClaim(value: ["https://other-api.example.com/", TestClaims.audience])
        let token = try await tenant.signRS256(claims)
        #expect(try await tenant.verifier().verify(token).audiences.contains(TestClaims.audience))
    }

    @Test func audienceArrayWithoutTheAcceptedAudienceIsRefused() async throws {
        var claims = tenant.claims
        claims.aud = AudienceClaim(value: ["https://a.example.com/", "https://b.example.com/"])
        let token = try await tenant.signRS256(claims)
        await #expect(
            throws: TokenVerificationError.audienceNotAccepted(
                ["https://a.example.com/", "https://b.example.com/"], accepted: [TestClaims.audience])
        ) {
            try await tenant.verifier().verify(token)
        }
    }

    @Test func tokenWithoutAudienceIsRefused() async throws {
        var claims = tenant.claims
        claims.aud = nil
        let token = try await tenant.signRS256(claims)
        await #expect(throws: TokenVerificationError.audienceNotAccepted([], accepted: [TestClaims.audience])) {
            try await tenant.verifier().verify(token)
        }
    }

    @Test func notBeforeInTheFutureIsRefused() async throws {
        var claims = tenant.claims
        claims.nbf = TestClaims.now.addingTimeInterval(120)
        let token = try await tenant.signRS256(claims)
        await #expect(throws: TokenVerificationError.notYetValid(claims.nbf!)) {
            try await tenant.verifier().verify(token)
        }
    }

    @Test func notBeforeWithinTheLeewayIsAccepted() async throws {
        var claims = tenant.claims
        claims.nbf = TestClaims.now.addingTimeInterval(30)
        let token = try await tenant.signRS256(claims)
        #expect(try await tenant.verifier().verify(token).subject == "auth0|user-1")
    }

    @Test func issuedAtFarInTheFutureIsRefused() async throws {
        var claims = tenant.claims
        claims.iat = TestClaims.now.addingTimeInterval(24 * 3600)
        claims.exp = TestClaims.now.addingTimeInterval(25 * 3600)
        let token = try await tenant.signRS256(claims)
        await #expect(throws: TokenVerificationError.issuedInFuture(claims.iat!)) {
            try await tenant.verifier().verify(token)
        }
    }

    @Test(arguments: ["sub", "exp", "iat"])
    func requiredClaimMissingIsMalformed(claim: String) async throws {
        var claims = tenant.claims
        switch claim {
        case "sub": claims.sub = nil
        case "exp": claims.exp = nil
        default: claims.iat = nil
        }
        let token = try await tenant.signRS256(claims)
        guard case .malformed(let reason) = await tenant.verifier().failure(token) else {
            Issue.record("a token without \(claim) must be refused as malformed")
            return
        }
        #expect(reason.contains("\"\(claim)\""))
    }

    @Test func issuerErrorNamesBothIssuers() {
        let error = TokenVerificationError.issuerNotAccepted(
            "https://x.example.com/", accepted: ["https://y.example.com/"])
        #expect(
            error.description.contains(
                "issued by \"https://x.example.com/\"; this API accepts \"https://y.example.com/\""))
    }

    @Test func unknownKidErrorExplainsRotationAndTenants() {
        let error = TokenVerificationError.unknownKeyID("k1")
        #expect(error.description.contains("rotated") && error.description.contains("another tenant"))
    }
}
