import AuthHeroCore
import AuthHeroTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Logging in to an organization: membership is enforced, and the token carries the organization's roles only.
@Suite struct OrganizationLoginTests {
    @Test func aNonMemberGetsAccessDenied() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            let form = try await server.openLoginPage(
                browser, tenantID: "alpha",
                authorizePath: LoginTestServer.authorizePath(
                    pkce: PKCEPair(), ["organization": LoginTestServer.organizationID]))
            let answer = try await server.submit(form, browser, tenantID: "alpha", email: "bob@example.com")
            #expect(answer.status == .found)
            #expect(answer.redirectQuery["error"] == "access_denied")
            #expect(
                answer.redirectQuery["error_description"]
                    == "user \(server.bob) is not part of the \(LoginTestServer.organizationID) organization")
            #expect(answer.redirectQuery["code"] == nil)
        }
    }

    @Test func anOrganizationTokenCarriesOnlyOrganizationRolePermissions() async throws {
        try await LoginTestServer.run { server in
            let tokens = try await server.logInForTokens(
                ["organization": LoginTestServer.organizationID, "audience": LoginTestServer.audience])
            let access = try jwtClaims(try #require(tokens["access_token"] as? String))
            #expect(access["org_id"] as? String == LoginTestServer.organizationID)
            #expect(access["permissions"] as? [String] == ["write:data"])
            #expect(access["org_name"] == nil)
            let idToken = try jwtClaims(try #require(tokens["id_token"] as? String))
            #expect(idToken["org_id"] as? String == LoginTestServer.organizationID)
        }
    }

    @Test func globalPermissionsCountInOrganizationsOnlyBehindTheTenantFlag() async throws {
        var settings = TenantSettings()
        settings.inheritGlobalPermissionsInOrganizations = true
        try await LoginTestServer.run(settings: settings) { server in
            let tokens = try await server.logInForTokens(
                ["organization": LoginTestServer.organizationID, "audience": LoginTestServer.audience])
            let access = try jwtClaims(try #require(tokens["access_token"] as? String))
            #expect(access["permissions"] as? [String] == ["read:data", "write:data"])
        }
    }

    @Test func organizationNamesWorkWhenTheTenantAllowsThem() async throws {
        var settings = TenantSettings()
        settings.allowOrganizationNameInToken = true
        try await LoginTestServer.run(settings: settings) { server in
            let tokens = try await server.logInForTokens(["organization": "ACME"])
            let idToken = try jwtClaims(try #require(tokens["id_token"] as? String))
            #expect(idToken["org_id"] as? String == LoginTestServer.organizationID)
            #expect(idToken["org_name"] as? String == "acme")
        }
    }

    @Test func organizationNamesAreRefusedWhenTheTenantDoesNotAllowThem() async throws {
        try await LoginTestServer.run { server in
            let answer = try await server.browser().get(
                LoginTestServer.authorizePath(pkce: PKCEPair(), ["organization": "acme"]),
                host: LoginTestServer.host("alpha"))
            #expect(answer.redirectQuery["error"] == "invalid_request")
        }
    }
}
