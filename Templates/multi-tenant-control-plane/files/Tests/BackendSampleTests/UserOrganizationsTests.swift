import AuthHeroCore
import AuthHeroTesting
import Foundation
import Testing

@testable import BackendSample

/// `GET /user/organizations`: the caller's organizations through the control plane, with real portal tokens.
@Suite struct UserOrganizationsTests {
    @Test func aPortalTokenListsTheSameEntriesAsTheControlPlane() async throws {
        try await Scenario.run { scenario in
            let (tea, _) = try await scenario.controlPlane.createTenant(
                "tea-house", displayName: "Tea House", portalToken: scenario.alicePortalToken)
            let response = try await scenario.backend.get("/user/organizations", token: scenario.alicePortalToken)
            #expect(response.status == .ok)
            let body = try JSONDecoder().decode(UserOrganizations.self, from: Data(response.text.utf8))
            #expect(body.organizations.map(\.id).sorted() == [scenario.organizationID, tea].sorted())
            let coffee = try #require(body.organizations.first { $0.id == scenario.organizationID })
            #expect(coffee.tenantID == scenario.tenantID)
            #expect(coffee.displayName == "The Coffee Shop")
            #expect(!coffee.domains.isEmpty)
        }
    }

    @Test func anotherUserSeesOnlyTheirOwnOrganizations() async throws {
        try await Scenario.run { scenario in
            let (_, bobToken) = try await scenario.controlPlane.signUp(email: "bob@tea.example")
            let empty = try await scenario.backend.get("/user/organizations", token: bobToken)
            #expect(empty.status == .ok)
            #expect(try JSONDecoder().decode(UserOrganizations.self, from: Data(empty.text.utf8)).organizations.isEmpty)
        }
    }

    @Test func anOrganizationTokenIsRefusedWithTheReason() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.logIn(
                email: Scenario.aliceEmail, audience: ControlPlaneSeed.managementAPI,
                organization: scenario.organizationID)
            let response = try await scenario.backend.get("/user/organizations", token: token)
            #expect(response.status == .forbidden)
            let json = try response.json()
            #expect(json["error"] as? String == "access_denied")
            #expect((json["error_description"] as? String)?.contains("without an organization") == true)
        }
    }

    @Test func aTokenForAnotherAudienceIsRefused() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.logIn(
                email: Scenario.aliceEmail, audience: ControlPlaneSeed.customerAPI)
            let response = try await scenario.backend.get("/user/organizations", token: token)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("portal token"))
        }
    }

    @Test func withoutATokenTheAnswerIs401() async throws {
        try await Scenario.run { scenario in
            let response = try await scenario.backend.get("/user/organizations")
            #expect(response.status == .unauthorized)
        }
    }
}
