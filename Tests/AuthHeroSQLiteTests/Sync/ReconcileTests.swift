import AuthHeroCore
import AuthHeroSQLite
import Foundation
import GRDB
import Testing

/// Reconcile finishes interrupted tenants and repairs copies a lost outbox entry left behind; creation uses the
/// plugin's choices.
@Suite struct ReconcileTests {
    private static let api = "https://api.example.com"

    @Test func reconcileRepairsAMissingCopyAStaleCopyAndAPendingTenant() async throws {
        let fixture = try await SyncFixture()
        // A crash between the control-plane write and its outbox entry: nothing was recorded.
        let source = try await fixture.createAPI(Self.api, record: false)
        try await fixture.createRole("editor", permissions: [(Self.api, "read:data")], record: false)
        try await fixture.storage.saveSyncedRole(
            Role(tenantID: SyncFixture.cp, id: "rol_gone", name: "gone"), tenantID: "a")
        try await fixture.storage.transaction { transaction in
            try transaction.createTenant(
                Tenant(id: "half-done", friendlyName: "Half", provisioningState: .pending, createdAt: Date()))
        }

        let summary = try await fixture.provisioner.reconcile()
        #expect(summary.provisioned == ["half-done"])
        #expect(summary.failed.isEmpty)
        #expect(summary.fullSync.tenants == 3)
        #expect(summary.fullSync.failures.isEmpty)
        #expect(summary.fullSync.repairs > 0)
        #expect(!summary.hasFailures)
        #expect(summary.description.hasPrefix("provisioned half-done; "))
        for tenantID in ["a", "b", "half-done"] {
            #expect(
                try await fixture.storage.syncedCopies(tenantID: tenantID).resourceServers.map(\.syncedFrom) == [
                    source.id
                ])
            #expect(try await fixture.syncedRoles(tenantID) == ["editor": ["\(Self.api) read:data"]], "\(tenantID)")
        }
        #expect(try await fixture.storage.tenant("half-done")?.provisioningState == .ready)
        #expect(try await !fixture.storage.keys(tenantID: "half-done").isEmpty)

        let again = try await fixture.provisioner.reconcile()
        #expect(again.provisioned.isEmpty)
        #expect(again.fullSync.repairs == 0)
    }

    @Test func fullSyncRestoresCopiesThatDriftedFromTheControlPlane() async throws {
        let fixture = try await SyncFixture()
        try await fixture.createAPI(Self.api, name: "Customer API")
        try await fixture.createRole("editor", permissions: [(Self.api, "read:data")])
        try await fixture.sync.processPending()
        #expect(try await fixture.sync.synchronizeAll().repairs == 0)

        try await fixture.execute(
            "UPDATE resource_servers SET name = 'Edited' WHERE tenant_id = 'a' AND synced_from IS NOT NULL")
        let copy = try #require(try await fixture.storage.syncedCopies(tenantID: "b").roles.first)
        try await fixture.storage.addPermissions(
            [
                RolePermission(
                    tenantID: "b", roleID: copy.role.id, resourceServerIdentifier: Self.api,
                    permissionName: "write:data")
            ],
            tenantID: "b")

        let summary = try await fixture.sync.synchronizeAll()
        #expect(summary.repairs == 2)
        #expect(try await fixture.storage.syncedCopies(tenantID: "a").resourceServers.map(\.name) == ["Customer API"])
        #expect(try await fixture.syncedRoles("b") == ["editor": ["\(Self.api) read:data"]])
    }

    @Test func creatorHoldsThePluginsCreatorRoleInTheNewOrganization() async throws {
        let fixture = try await SyncFixture(multiTenancy: MultiTenancyPlugin(creatorRoleID: "rol_owner"))
        let (tenant, organization) = try await fixture.provisioner.create(
            name: "coffee-shop", displayName: "Coffee Shop", creatorUserID: SyncFixture.owner)
        #expect(tenant.provisioningState == .ready)
        let roles = try await fixture.storage.registry.read { db in
            try String.fetchAll(
                db, sql: "SELECT role_id FROM user_roles WHERE tenant_id = ? AND user_id = ? AND organization_id = ?",
                arguments: [SyncFixture.cp, SyncFixture.owner, organization.id])
        }
        #expect(roles == ["rol_owner"])
        #expect(try await fixture.storage.role(TenantProvisioner.adminRoleID, tenantID: SyncFixture.cp) == nil)
        #expect(
            try await fixture.storage.permissions(
                userID: SyncFixture.owner, organizationID: organization.id, includeGlobal: false,
                audience: BuiltInManagementAPI.identifier, tenantID: SyncFixture.cp
            ).contains("delete:tenants"))
    }

    @Test func failedProvisioningLeavesTheTenantFailedUntilReconcile() async throws {
        let failures = FailFirst()
        var plugin = MultiTenancyPlugin()
        plugin.hooks.tenantCreated = { creation, tenant in
            try failures.check()
            try await MultiTenancyHooks.copySyncableSet(creation, tenant)
        }
        let fixture = try await SyncFixture(multiTenancy: plugin)
        try await fixture.createAPI(Self.api)
        await #expect(throws: TenantCreationError.self) {
            _ = try await fixture.provisioner.create(
                name: "coffee-shop", displayName: "Coffee Shop", creatorUserID: SyncFixture.owner)
        }
        #expect(try await fixture.storage.tenant("coffee-shop")?.provisioningState == .failed)
        let summary = try await fixture.provisioner.reconcile()
        #expect(summary.provisioned == ["coffee-shop"])
        #expect(try await fixture.storage.tenant("coffee-shop")?.provisioningState == .ready)
        #expect(try await fixture.syncedAPIs("coffee-shop") == [Self.api])
        #expect(!summary.hasFailures)
    }
}
