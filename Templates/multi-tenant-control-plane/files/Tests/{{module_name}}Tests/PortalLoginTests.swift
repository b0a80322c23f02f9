import AuthHeroCore
import AuthHeroTesting
import Testing

/// Sign-up and login through the HTML pages with PKCE, as the Portal SPA does.
@Suite struct PortalLoginTests {
    @Test func theAdministratorLogsInAndHoldsPlatformAdminPermissions() async throws {
        try await TestControlPlane.run { server in
            let tokens = try await server.portalTokens(
                email: TestControlPlane.adminEmail, password: TestControlPlane.adminPassword)
            let claims = try jwtClaims(try #require(tokens["access_token"] as? String))
            let permissions = claims["permissions"] as? [String] ?? []
            #expect(permissions.contains("admin:tenants"))
            #expect(claims["aud"] as? String == "urn:authhero:management" || (claims["aud"] as? [String])?.contains("urn:authhero:management") == true)
            #expect(tokens["id_token"] is String)
        }
    }

    @Test func aWrongPasswordIsRefusedOnTheLoginPage() async throws {
        try await TestControlPlane.run { server in
            let browser = server.browser()
            let form = try await server.openForm(browser, pkce: PKCEPair(), signUp: false)
            var fields = form.fields
            fields["email"] = TestControlPlane.adminEmail
            fields["password"] = "not-the-password"
            let answer = try await browser.post(form.action, host: TestControlPlane.host(), form: fields)
            #expect(answer.status != .found)
        }
    }

    @Test func aNewUserSignsUpAndHasNoPermissionsYet() async throws {
        try await TestControlPlane.run { server in
            let tokens = try await server.portalTokens(
                email: "founder@example.com", password: "a long enough secret", signUp: true)
            let claims = try jwtClaims(try #require(tokens["access_token"] as? String))
            #expect((claims["sub"] as? String)?.hasPrefix("auth0|") == true)
            #expect((claims["permissions"] as? [String] ?? []).isEmpty)
        }
    }
}
