import AuthHeroCore
import AuthHeroTesting
import AuthHeroVerify
import Foundation
import Testing

@testable import {{module_name}}

/// `token inspect` with the keys of the local database, as the command runs it.
@Suite struct TokenInspectTests {
    static func inspect(_ token: String, _ server: TestControlPlane, audience: String = "urn:authhero:management")
        async throws -> TokenInspection
    {
        let keys = try await InspectionKeys.local(server.runtime)
        let verifier = TokenVerifier(policy: VerificationPolicy(issuers: Set(keys.keys), audiences: [audience]), keysByIssuer: keys)
        return await TokenInspection.inspect(token, with: verifier)
    }

    static func machineToken(_ server: TestControlPlane) async throws -> String {
        try #require(try await server.backendSampleToken(audience: "urn:authhero:management").json()["access_token"] as? String)
    }

    @Test func aGoodTokenIsValidAndItsClaimsAreShown() async throws {
        try await TestControlPlane.run { server in
            let inspection = try await Self.inspect(try await Self.machineToken(server), server)
            #expect(inspection.problem == nil)
            #expect(inspection.text.contains("VALID"))
            #expect(inspection.claims?.contains(#""iss" : "\#(TestControlPlane.baseURL)""#) == true)
            #expect(inspection.times.contains { $0.name == "exp" })
        }
    }

    @Test func aForgedSignatureIsExplained() async throws {
        try await TestControlPlane.run { server in
            let parts = try await Self.machineToken(server).split(separator: ".").map(String.init)
            // Claims edited by an attacker: the original signature no longer matches.
            var claims = try jwtClaims(parts.joined(separator: "."))
            claims["scope"] = "read:users delete:users"
            let forgedPayload = try JSONSerialization.data(withJSONObject: claims).base64URL
            let inspection = try await Self.inspect([parts[0], forgedPayload, parts[2]].joined(separator: "."), server)
            #expect(inspection.problem == .badSignature)
            #expect(inspection.text.contains("INVALID: The token's signature does not match"))
        }
    }

    @Test func algNoneIsExplained() async throws {
        try await TestControlPlane.run { server in
            let parts = try await Self.machineToken(server).split(separator: ".").map(String.init)
            let header = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64URL
            let inspection = try await Self.inspect([header, parts[1], ""].joined(separator: "."), server)
            #expect(inspection.problem == .algorithmNotAllowed("none"))
        }
    }

    @Test func theWrongAudienceIsExplained() async throws {
        try await TestControlPlane.run { server in
            let inspection = try await Self.inspect(try await Self.machineToken(server), server, audience: "https://api.yourplatform.com")
            guard case .audienceNotAccepted = inspection.problem else {
                Issue.record("expected a wrong-audience explanation, got \(String(describing: inspection.problem))")
                return
            }
        }
    }
}

extension Data {
    /// Base64url without padding, as JWS segments are written.
    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
