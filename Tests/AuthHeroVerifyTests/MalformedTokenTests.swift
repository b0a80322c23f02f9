import AuthHeroVerify
import Foundation
import JWTKit
import Testing

/// Garbage in gives `malformed` (or `badSignature` for a well-formed token whose signature fails), never a crash.
struct MalformedTokenTests {
    let tenant = TestIssuer.tenantA

    @Test(arguments: [
        "", "abc", "a.b", "a.b.c", "...", "a.b.c.d.e", "Bearer x.y.z", "eyJhbGciOiJSUzI1NiJ9..",
        "%%%.%%%.%%%", "eyJ9.eyJ9.eyJ9", "bnVsbA.bnVsbA.", "W10.W10.", "\u{0}\u{0}.\u{0}.\u{0}",
    ])
    func garbageIsMalformed(token: String) async throws {
        let error = await tenant.verifier().failure(token)
        guard case .malformed = error else {
            Issue.record("\(token.debugDescription) gave \(String(describing: error)) instead of malformed")
            return
        }
    }

    @Test func oversizedTokenIsMalformedWithoutParsing() async throws {
        var claims = tenant.claims
        claims.permissions = (0..<2000).map { "permission:\($0)" }
        let token = try await tenant.signRS256(claims)
        guard case .malformed(let reason) = await tenant.verifier().failure(token) else {
            Issue.record("an oversized token must be malformed")
            return
        }
        #expect(reason.contains("\(TokenVerifier.maximumTokenBytes)"))
    }

    @Test func tamperedPayloadWithTheOriginalSignatureIsRefused() async throws {
        let token = try await tenant.signRS256(tenant.claims)
        let parts = token.split(separator: ".").map(String.init)
        var elevated = tenant.claims
        elevated.permissions = ["admin:tenants"]
        elevated.sub = "auth0|someone-else"
        let forged = try RawToken.make(header: ["alg": "RS256"], claims: elevated)
            .split(separator: ".").map(String.init)
        let tampered = [parts[0], forged[1], parts[2]].joined(separator: ".")
        await #expect(throws: TokenVerificationError.badSignature) {
            try await tenant.verifier().verify(tampered)
        }
    }

    @Test func truncatedSignatureIsABadSignature() async throws {
        for token in [try await tenant.signRS256(tenant.claims), try await tenant.signES256(tenant.claims)] {
            await #expect(throws: TokenVerificationError.badSignature) {
                try await tenant.verifier().verify(String(token.dropLast(8)))
            }
        }
    }

    @Test func claimOfTheWrongTypeIsMalformed() async throws {
        let token = try await tenant.signRawRS256(
            header: ["alg": "RS256", "kid": tenant.rsaKeyID],
            claims: ["iss": tenant.issuer, "sub": "u", "aud": TestClaims.audience, "exp": "tomorrow", "iat": "now"])
        guard case .malformed = await tenant.verifier().failure(token) else {
            Issue.record("a token whose exp is a string must be malformed")
            return
        }
    }
}
