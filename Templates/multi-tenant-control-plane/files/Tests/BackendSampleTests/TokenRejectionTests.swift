import AuthHeroTesting
import Foundation
import Testing

@testable import BackendSample

/// Requests without a usable token are 401 with a `WWW-Authenticate` challenge and a JSON error, on every route.
@Suite struct TokenRejectionTests {
    static let routes = [
        "/customers/org_any/users", "/internal/customers/org_any/users", "/internal/analytics/tenants",
    ]

    @Test func missingTokenIsUnauthorizedWithAChallenge() async throws {
        try await Scenario.run { scenario in
            for route in Self.routes {
                let response = try await scenario.backend.get(route)
                #expect(response.status == .unauthorized)
                #expect(response.head.headerFields[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(try response.json()["error"] as? String == "invalid_token")
            }
        }
    }

    @Test func garbageTokenIsUnauthorized() async throws {
        try await Scenario.run { scenario in
            for token in ["garbage", "a.b.c", String(repeating: "x", count: 20_000)] {
                let response = try await scenario.backend.get(scenario.customerUsersPath, token: token)
                #expect(response.status == .unauthorized)
                #expect(response.head.headerFields[.wwwAuthenticate]?.contains("invalid_token") == true)
                #expect(try response.json()["error_description"] is String)
            }
        }
    }

    @Test func unsignedAlgNoneTokenIsUnauthorized() async throws {
        try await Scenario.run { scenario in
            let claims: [String: Any] = [
                "iss": ControlPlaneServer.issuer, "sub": "auth0|attacker", "aud": ControlPlaneSeed.customerAPI,
                "org_id": scenario.organizationID, "permissions": ["read:users"],
                "iat": Int(Date().timeIntervalSince1970), "exp": Int(Date().timeIntervalSince1970) + 600,
            ]
            let token = try ForgedToken.unsigned(header: ["alg": "none", "typ": "JWT", "kid": "any"], claims: claims)
            let response = try await scenario.backend.get(scenario.customerUsersPath, token: token)
            #expect(response.status == .unauthorized)
            #expect(!response.text.contains("barista"))
        }
    }

    @Test func tamperedOrganizationClaimIsUnauthorized() async throws {
        try await Scenario.run { scenario in
            let (_, otherPortalToken) = try await scenario.controlPlane.signUp(email: "owner@tea.example")
            let (teaOrganization, _) = try await scenario.controlPlane.createTenant(
                "tea-house", displayName: "Tea House", portalToken: otherPortalToken)
            let token = try await scenario.controlPlane.logIn(
                email: Scenario.aliceEmail, audience: ControlPlaneSeed.customerAPI,
                organization: scenario.organizationID)
            let forged = try ForgedToken.replacingClaim("org_id", with: teaOrganization, in: token)
            let response = try await scenario.backend.get("/customers/\(teaOrganization)/users", token: forged)
            #expect(response.status == .unauthorized)
            #expect(try response.json()["error"] as? String == "invalid_token")
        }
    }

    @Test func nonBearerSchemeIsUnauthorized() async throws {
        try await Scenario.run { scenario in
            let response = try await scenario.backend.get(
                scenario.customerUsersPath, authorization: "Basic YmFja2VuZDpzZWNyZXQ=")
            #expect(response.status == .unauthorized)
            #expect(try response.json()["error"] as? String == "invalid_token")
        }
    }

    @Test func unknownRouteIsAJSONNotFound() async throws {
        try await Scenario.run { scenario in
            let response = try await scenario.backend.get("/nowhere", token: scenario.alicePortalToken)
            #expect(response.status == .notFound)
            #expect(try response.json()["error"] as? String == "not_found")
        }
    }
}

/// Tokens an attacker can make without the control plane's private key.
enum ForgedToken {
    /// `header.claims.` with an empty signature.
    static func unsigned(header: [String: Any], claims: [String: Any]) throws -> String {
        try part(header) + "." + part(claims) + "."
    }

    /// `token` with one claim changed and the original signature kept.
    static func replacingClaim(_ name: String, with value: String, in token: String) throws -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var claims = try jwtClaims(token)
        claims[name] = value
        return [parts[0], try part(claims), parts[2]].joined(separator: ".")
    }

    private static func part(_ object: [String: Any]) throws -> String {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
