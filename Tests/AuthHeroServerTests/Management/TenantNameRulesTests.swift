import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Tenant names over HTTP: the platform's own list extended by the plugin, a deleted tenant's name held back so its
/// issuer cannot change owner, and the per-user quota that binds customers but not platform staff.
@Suite struct TenantNameRulesTests {
    private static let cpHost = LoginTestServer.host(ControlPlane.tenantID)

    private static func createBody(_ name: String) -> String { #"{"name":"\#(name)","display_name":"Shop"}"# }

    private static func error(_ response: TestClient.Response) throws -> (code: String?, message: String) {
        let body = try response.json()
        #expect(body["statusCode"] as? Int == Int(response.status.code))
        return (body["errorCode"] as? String, body["message"] as? String ?? "")
    }

    @Test func aNameThePluginReservesIsRefusedAndNothingIsWritten() async throws {
        let plugin = MultiTenancyPlugin(reservedTenantNames: TenantName.reserved.union(["ops"]))
        try await LoginTestServer.run(multiTenancy: plugin) { server in
            let fixture = try await ManagementFixture.seed(server)
            let portal = try await fixture.controlPlaneToken()
            let refused = try await fixture.post("/api/v2/tenants", token: portal, json: Self.createBody("ops"))
            #expect(refused.status == .badRequest)
            let error = try Self.error(refused)
            #expect(error.code == "invalid_body")
            #expect(error.message == #"The tenant name "ops" is reserved by the platform; choose another."#)
            let storage = server.services.storage
            #expect(try await storage.tenant("ops") == nil)
            #expect(try await storage.organization(named: "ops", tenantID: ControlPlane.tenantID) == nil)
        }
    }

    @Test func aDeletedTenantsNameIsHeldForThirtyDaysThenFree() async throws {
        try await LoginTestServer.run { server in
            let fixture = try await ManagementFixture.seed(server)
            let storage = server.services.storage
            let portal = try await fixture.controlPlaneToken()
            let created = try await fixture.post("/api/v2/tenants", token: portal, json: Self.createBody("coffee-shop"))
            let organizationID = try #require(try created.json()["id"] as? String)
            let deleted = try await server.browser().send(
                .delete, "/api/v2/tenants/\(organizationID)", host: Self.cpHost,
                headers: [.authorization: "Bearer \(portal)"])
            #expect(deleted.status == .noContent)

            // Another customer tries to take the old issuer http://coffee-shop.localhost:3000/.
            let staff = try await fixture.controlPlaneToken(email: ManagementFixture.staffEmail)
            let taken = try await fixture.post("/api/v2/tenants", token: staff, json: Self.createBody("coffee-shop"))
            #expect(taken.status == .conflict)
            let error = try Self.error(taken)
            #expect(error.code == "tenant_conflict")
            #expect(error.message.contains(#"The tenant name "coffee-shop" belonged to a deleted tenant"#))
            #expect(try await storage.tenant("coffee-shop") == nil)
            #expect(try await storage.organization(named: "coffee-shop", tenantID: ControlPlane.tenantID) == nil)
            let jwks = try await server.browser().get(
                "/.well-known/jwks.json", host: LoginTestServer.host("coffee-shop"))
            #expect(jwks.status == .notFound)

            server.clock.advance(by: 29 * 86_400)
            let stillHeld = try await fixture.controlPlaneToken(email: ManagementFixture.staffEmail)
            let early = try await fixture.post(
                "/api/v2/tenants", token: stillHeld, json: Self.createBody("coffee-shop"))
            #expect(early.status == .conflict)

            server.clock.advance(by: 86_400 + 1)
            let later = try await fixture.controlPlaneToken(email: ManagementFixture.staffEmail)
            let free = try await fixture.post("/api/v2/tenants", token: later, json: Self.createBody("coffee-shop"))
            #expect(free.status == .created)
        }
    }

    @Test func theQuotaBindsCustomersButNotPlatformStaff() async throws {
        try await LoginTestServer.run(multiTenancy: MultiTenancyPlugin(tenantQuotaPerUser: 1)) { server in
            let fixture = try await ManagementFixture.seed(server)
            let storage = server.services.storage
            let customer = try await fixture.controlPlaneToken()
            #expect(
                try await fixture.post("/api/v2/tenants", token: customer, json: Self.createBody("shop-a")).status
                    == .created)
            let over = try await fixture.post("/api/v2/tenants", token: customer, json: Self.createBody("shop-b"))
            #expect(over.status == .tooManyRequests)
            #expect(try Self.error(over).code == "too_many_tenants")
            #expect(try await storage.tenant("shop-b") == nil)

            let staff = try await fixture.controlPlaneToken(
                email: ManagementFixture.staffEmail, scope: "read:users admin:tenants")
            for name in ["staff-a", "staff-b", "staff-c"] {
                let answer = try await fixture.post("/api/v2/tenants", token: staff, json: Self.createBody(name))
                #expect(answer.status == .created, "platform staff creating \(name)")
            }
        }
    }
}
