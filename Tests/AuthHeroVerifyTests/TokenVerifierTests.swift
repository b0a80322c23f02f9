import AuthHeroVerify
import Foundation
import JWTKit
import Testing

/// A good token passes and comes back as typed claims.
struct TokenVerifierTests {
    let tenant = TestIssuer.tenantA

    @Test func rs256AccessTokenVerifiesIntoTypedClaims() async throws {
        var claims = tenant.claims
        claims.aud = AudienceClaim(value: [TestClaims.audience, "https://tenant-a.example.com/userinfo"])
        claims.permissions = ["read:reports", "write:reports"]
        claims.orgID = "org_abc123"
        claims.orgName = "acme"
        claims.gty = "client-credentials"
        let token = try await tenant.signRS256(claims)

        let verified = try await tenant.verifier().verify(token)

        #expect(
            verified
                == VerifiedToken(
                    issuer: tenant.issuer, subject: "auth0|user-1",
                    audiences: [TestClaims.audience, "https://tenant-a.example.com/userinfo"], clientID: "client-1",
                    authorizedParty: "client-1", organizationID: "org_abc123", organizationName: "acme",
                    scopes: ["openid", "read:reports"], permissions: ["read:reports", "write:reports"],
                    grantType: "client-credentials", issuedAt: claims.iat!, expiresAt: claims.exp!, tokenID: "token-1",
                    keyID: tenant.rsaKeyID, algorithm: "RS256"))
        #expect(verified.hasScope("read:reports") && !verified.hasScope("read"))
        #expect(verified.hasPermission("write:reports") && !verified.hasPermission("delete:reports"))
    }

    @Test func es256AccessTokenVerifies() async throws {
        let token = try await tenant.signES256(tenant.claims)
        let verified = try await tenant.verifier().verify(token)
        #expect(verified.algorithm == "ES256")
        #expect(verified.keyID == tenant.ecKeyID)
    }

    @Test func plainJWTTypeIsAccepted() async throws {
        let token = try await tenant.signRS256(tenant.claims, header: ["typ": .string("JWT")])
        #expect(try await tenant.verifier().verify(token).subject == "auth0|user-1")
    }

    @Test func missingTypeIsAcceptedAsPlainJWT() async throws {
        let token = try await tenant.signRawRS256(
            header: ["alg": "RS256", "kid": tenant.rsaKeyID], claims: tenant.claims)
        #expect(try await tenant.verifier().verify(token).subject == "auth0|user-1")
    }

    @Test func anyOfSeveralAcceptedAudiencesIsEnough() async throws {
        let token = try await tenant.signRS256(tenant.claims)
        let verifier = tenant.verifier(audiences: ["urn:authhero:management", TestClaims.audience])
        #expect(try await verifier.verify(token).audiences == [TestClaims.audience])
    }
}
