import AuthHeroCore
import AuthHeroTesting
import Foundation
import HummingbirdTesting
import Testing

@testable import {{module_name}}

/// Self-service tenants: a signed-up user creates a tenant with `POST /api/v2/tenants`, and
/// `GET /api/v2/tenants` is their "list my organizations".
@Suite struct TenantSelfServiceTests {
    static func signedUpToken(_ server: TestControlPlane) async throws -> String {
        let tokens = try await server.portalTokens(email: "founder@example.com", password: "a long enough secret", signUp: true)
        return try #require(tokens["access_token"] as? String)
    }

    @Test func creatingATenantMakesItsOrganizationLinkAndAdminMembership() async throws {
        try await TestControlPlane.run { server in
            let token = try await Self.signedUpToken(server)
            let created = try await server.api(
                .post, "/api/v2/tenants", token: token, json: #"{"name":"coffee-shop","display_name":"Coffee Shop"}"#)
            #expect(created.status == .created)
            let organizationID = try #require(try created.json()["id"] as? String)

            let storage = server.runtime.storage
            let cp = ControlPlane.tenantID
            let tenant = try #require(try await storage.tenant("coffee-shop"))
            #expect(tenant.provisioningState == .ready)
            #expect(tenant.organizationID == organizationID)
            let organization = try #require(try await storage.organization(organizationID, tenantID: cp))
            #expect(organization.metadata["tenant_id"] == "coffee-shop")
            let founder = try #require(try jwtClaims(token)["sub"] as? String)
            let memberships = try await storage.organizations(ofUser: founder, tenantID: cp)
            #expect(memberships.map(\.id) == [organizationID])
            let adminPermissions = try await storage.permissions(
                userID: founder, organizationID: organizationID, includeGlobal: false,
                audience: "urn:authhero:management", tenantID: cp)
            #expect(adminPermissions.contains("read:users"))

            let discovery = try await server.browser().get(
                "/.well-known/openid-configuration", host: TestControlPlane.host("coffee-shop"))
            #expect(try discovery.json()["issuer"] as? String == "http://coffee-shop.localhost:{{port}}/")
        }
    }

    @Test func syncedAPIReachesTheNewTenantAndTheInternalOneNever() async throws {
        try await TestControlPlane.run { server in
            let token = try await Self.signedUpToken(server)
            let created = try await server.api(
                .post, "/api/v2/tenants", token: token, json: #"{"name":"coffee-shop","display_name":"Coffee Shop"}"#)
            #expect(created.status == .created)

            let storage = server.runtime.storage
            let apis = try await storage.resourceServers(tenantID: "coffee-shop")
            let portalAPI = try #require(apis.first { $0.identifier == "https://api.yourplatform.com" })
            #expect(portalAPI.syncedFrom != nil)
            #expect(!apis.contains { $0.identifier == "internal:platform-api" })
            // The tenant's own Management API, never a copy of the control plane's.
            #expect(apis.contains { $0.identifier == "urn:authhero:management" && $0.syncedFrom == nil })
            // The seeded roles arrive as synced copies, and none carries a permission on the internal API (the
            // seeded platform-admin and support-engineer roles hold only internal or staff permissions).
            let window = ListWindow(offset: 0, limit: 100)
            let roles = try await storage.roles(nameContains: nil, window: window, tenantID: "coffee-shop").items
            #expect(roles.contains { $0.name == "viewer" && $0.syncedFrom != nil })
            for role in roles {
                let permissions = try await storage.permissions(ofRole: role.id, window: window, tenantID: "coffee-shop")
                #expect(!permissions.items.contains { $0.resourceServerIdentifier == "internal:platform-api" })
            }
        }
    }

    @Test func listingMyOrganizationsShowsOnlyMine() async throws {
        try await TestControlPlane.run { server in
            let token = try await Self.signedUpToken(server)
            _ = try await server.api(.post, "/api/v2/tenants", token: token, json: #"{"name":"coffee-shop","display_name":"Coffee"}"#)
            let other = try await server.portalTokens(email: "other@example.com", password: "another long secret", signUp: true)
            let otherToken = try #require(other["access_token"] as? String)
            _ = try await server.api(.post, "/api/v2/tenants", token: otherToken, json: #"{"name":"tea-house","display_name":"Tea"}"#)

            let listed = try await server.api(.get, "/api/v2/tenants", token: token)
            #expect(listed.status == .ok)
            let entries = try JSONSerialization.jsonObject(with: Data(listed.text.utf8)) as? [[String: Any]] ?? []
            #expect(entries.map { $0["tenant_id"] as? String } == ["coffee-shop"])
        }
    }
}
