import AuthHeroTesting
import Foundation
import Testing

@testable import BackendSample

/// `GET /internal/analytics/tenants` for platform services.
@Suite struct TenantAnalyticsTests {
    @Test func serviceTokenWithAnalyticsReadCountsEveryTenant() async throws {
        try await Scenario.run { scenario in
            let (_, otherPortalToken) = try await scenario.controlPlane.signUp(email: "owner@tea.example")
            _ = try await scenario.controlPlane.createTenant(
                "tea-house", displayName: "Tea House", portalToken: otherPortalToken)
            let token = try await scenario.controlPlane.machineToken(
                audience: ControlPlaneSeed.internalAPI, scope: "analytics:read")
            let response = try await scenario.backend.get("/internal/analytics/tenants", token: token)
            #expect(response.status == .ok)
            let body = try JSONDecoder().decode(TenantCount.self, from: Data(response.text.utf8))
            #expect(body.tenantCount == 2)
        }
    }

    @Test func serviceTokenWithoutAnalyticsReadIsRefused() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.machineToken(
                audience: ControlPlaneSeed.internalAPI, scope: "support:access")
            let response = try await scenario.backend.get("/internal/analytics/tenants", token: token)
            #expect(response.status == .forbidden)
            #expect(try response.json()["error"] as? String == "insufficient_scope")
            #expect(!response.text.contains("tenant_count"))
        }
    }

    @Test func managementTokenOfTheSameClientIsRefused() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.machineToken(audience: ControlPlaneSeed.managementAPI)
            let response = try await scenario.backend.get("/internal/analytics/tenants", token: token)
            #expect(response.status == .forbidden)
            #expect(try response.json()["error"] as? String == "access_denied")
        }
    }
}
