import AuthHeroCore
import AuthHeroTesting
import Foundation
import Testing

@testable import BackendSample

/// `GET /customers/:orgId/users` with real organization tokens of the control plane.
@Suite struct CustomerUsersTests {
    @Test func organizationTokenForTheManagementAPIReadsItsTenantsUsers() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.logIn(
                email: Scenario.aliceEmail, audience: ControlPlaneSeed.managementAPI,
                organization: scenario.organizationID)
            let response = try await scenario.backend.get(scenario.customerUsersPath, token: token)
            #expect(response.status == .ok)
            let body = try JSONDecoder().decode(CustomerUsers.self, from: Data(response.text.utf8))
            #expect(body.organization == scenario.organizationID)
            #expect(body.tenantID == scenario.tenantID)
            #expect(Set(body.users.compactMap(\.email)) == Set(Scenario.customerEmails))
        }
    }

    @Test func organizationTokenForTheCustomerAPIReadsItsTenantsUsers() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.logIn(
                email: Scenario.aliceEmail, audience: ControlPlaneSeed.customerAPI,
                organization: scenario.organizationID)
            let response = try await scenario.backend.get(scenario.customerUsersPath, token: token)
            #expect(response.status == .ok)
            let body = try JSONDecoder().decode(CustomerUsers.self, from: Data(response.text.utf8))
            #expect(Set(body.users.compactMap(\.email)) == Set(Scenario.customerEmails))
        }
    }

    @Test func forwardedTokenRefusedByTheManagementAPIIsForbiddenNotABadGateway() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.logIn(
                email: Scenario.aliceEmail, audience: ControlPlaneSeed.managementAPI,
                organization: scenario.organizationID)
            // The organization no longer names the tenant as its own: the control plane refuses the forwarded
            // organization token for that tenant, whatever the backend concluded from the token alone.
            let storage = scenario.controlPlane.services.storage
            let cp = ControlPlane.tenantID
            var organization = try #require(try await storage.organization(scenario.organizationID, tenantID: cp))
            organization.metadata["tenant_id"] = "another-tenant"
            try await storage.updateOrganization(organization, tenantID: cp)

            let response = try await scenario.backend.get(scenario.customerUsersPath, token: token)
            #expect(response.status == .forbidden)
            let json = try response.json()
            #expect(json["error"] as? String == "access_denied")
            #expect((json["error_description"] as? String)?.hasPrefix("The Management API refused your token") == true)
            for email in Scenario.customerEmails { #expect(!response.text.contains(email)) }
        }
    }

    @Test func organizationTokenCannotReadAnotherOrganization() async throws {
        try await Scenario.run { scenario in
            let (_, otherPortalToken) = try await scenario.controlPlane.signUp(email: "owner@tea.example")
            let (teaOrganization, _) = try await scenario.controlPlane.createTenant(
                "tea-house", displayName: "Tea House", portalToken: otherPortalToken)
            let aliceToken = try await scenario.controlPlane.logIn(
                email: Scenario.aliceEmail, audience: ControlPlaneSeed.customerAPI,
                organization: scenario.organizationID)
            let response = try await scenario.backend.get("/customers/\(teaOrganization)/users", token: aliceToken)
            #expect(response.status == .forbidden)
            #expect(try response.json()["error"] as? String == "access_denied")
            #expect(response.text.contains("reaches only its own organization"))
            #expect(!response.text.contains("tea-house"))
        }
    }

    @Test func portalTokenWithoutOrganizationIsRefused() async throws {
        try await Scenario.run { scenario in
            let response = try await scenario.backend.get(scenario.customerUsersPath, token: scenario.alicePortalToken)
            #expect(response.status == .forbidden)
            let json = try response.json()
            #expect(json["error"] as? String == "access_denied")
            #expect((json["error_description"] as? String)?.contains("organization=\(scenario.organizationID)") == true)
        }
    }

    @Test func memberWithoutReadUsersIsRefused() async throws {
        try await Scenario.run { scenario in
            _ = try await scenario.member("bob@coffee.example", roleID: "rol_user")
            let token = try await scenario.controlPlane.logIn(
                email: "bob@coffee.example", audience: ControlPlaneSeed.customerAPI,
                organization: scenario.organizationID)
            let response = try await scenario.backend.get(scenario.customerUsersPath, token: token)
            #expect(response.status == .forbidden)
            #expect(try response.json()["error"] as? String == "insufficient_scope")
            #expect(response.head.headerFields[.wwwAuthenticate]?.contains("scope=\"read:users\"") == true)
        }
    }

    @Test func internalTokenIsNotACustomerToken() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.machineToken(audience: ControlPlaneSeed.internalAPI)
            let response = try await scenario.backend.get(scenario.customerUsersPath, token: token)
            #expect(response.status == .forbidden)
            #expect(try response.json()["error"] as? String == "access_denied")
        }
    }

    @Test func malformedOrganizationIDIsABadRequest() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.logIn(
                email: Scenario.aliceEmail, audience: ControlPlaneSeed.customerAPI,
                organization: scenario.organizationID)
            let response = try await scenario.backend.get("/customers/org%0Aevil%22/users", token: token)
            #expect(response.status == .badRequest)
            #expect(try response.json()["error"] as? String == "invalid_request")
        }
    }
}
