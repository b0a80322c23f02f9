import AuthHeroCore
import AuthHeroSQLite
import AuthHeroServer
import AuthHeroTesting
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /api/v2/tenants` with the platform's multi-tenancy plugin: the creator's role, a provisioning failure
/// answered 503 (never 500) and healed by reconcile, and synced copies in the new tenant.
@Suite struct TenantProvisioningTests {
    private static let body = #"{"name":"coffee-shop","display_name":"Coffee Shop"}"#

    @Test func provisioningFailureIs503AndTheTenantIsLeftForReconcile() async throws {
        let failures = TransientFailure()
        var plugin = MultiTenancyPlugin()
        plugin.hooks.tenantCreated = { creation, tenant in
            try failures.check()
            try await MultiTenancyHooks.copySyncableSet(creation, tenant)
        }
        try await LoginTestServer.run(multiTenancy: plugin) { server in
            let fixture = try await ManagementFixture.seed(server)
            let portal = try await fixture.controlPlaneToken()
            let answer = try await fixture.post("/api/v2/tenants", token: portal, json: Self.body)
            #expect(answer.status == .serviceUnavailable)
            let error = try answer.json()
            #expect(error["statusCode"] as? Int == 503)
            #expect(error["error"] as? String == "Service Unavailable")
            #expect(error["errorCode"] as? String == "tenant_provisioning_failed")
            let message = try #require(error["message"] as? String)
            #expect(message.contains("coffee-shop"))
            #expect(!message.contains("Failure"), "internal reasons stay out of the answer")

            let storage = server.services.storage
            #expect(try await storage.tenant("coffee-shop")?.provisioningState == .failed)
            let summary = try await server.services.tenantProvisioner.reconcile()
            #expect(summary.provisioned == ["coffee-shop"])
            #expect(try await storage.tenant("coffee-shop")?.provisioningState == .ready)
            let again = try await fixture.post("/api/v2/tenants", token: portal, json: Self.body)
            #expect(again.status == .conflict)
        }
    }

    @Test func creatorGetsThePluginsCreatorRoleAndTheTenantGetsSyncedCopies() async throws {
        try await LoginTestServer.run(multiTenancy: MultiTenancyPlugin(creatorRoleID: "rol_owner")) { server in
            let fixture = try await ManagementFixture.seed(server)
            let storage = server.services.storage
            let cp = ControlPlane.tenantID
            // The seeded control plane shares https://api.example.com; its management API and roles' management
            // permissions stay behind.
            let portal = try await fixture.controlPlaneToken()
            let created = try await fixture.post("/api/v2/tenants", token: portal, json: Self.body)
            #expect(created.status == .created)
            let organizationID = try #require(try created.json()["id"] as? String)

            let sqlite = try #require(storage as? SQLiteStorage)
            let roles = try await sqlite.registry.read { db in
                try String.fetchAll(
                    db, sql: "SELECT role_id FROM user_roles WHERE tenant_id = ? AND organization_id = ?",
                    arguments: [cp, organizationID])
            }
            #expect(roles == ["rol_owner"])

            let copies = try await storage.syncedCopies(tenantID: "coffee-shop")
            #expect(copies.resourceServers.map(\.identifier) == [LoginTestServer.audience])
            #expect(
                copies.roles.flatMap(\.permissions).allSatisfy {
                    $0.resourceServerIdentifier == LoginTestServer.audience
                })
            let own = try await storage.resourceServer(
                identifier: BuiltInManagementAPI.identifier, tenantID: "coffee-shop")
            #expect(own?.isSystem == true)
            #expect(own?.syncedFrom == nil)
        }
    }
}

/// Throws on its first check only, like a database that was briefly unavailable.
private final class TransientFailure: @unchecked Sendable {
    struct Failure: Error {}
    private let lock = NSLock()
    private var failed = false

    func check() throws {
        let first = lock.withLock {
            defer { failed = true }
            return !failed
        }
        if first { throw Failure() }
    }
}
