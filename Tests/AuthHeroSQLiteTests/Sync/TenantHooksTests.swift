import AuthHeroCore
import AuthHeroSQLite
import Foundation
import Testing

/// The tenant-created and tenant-deleted hook points receive the target tenant while its rows exist.
@Suite struct TenantHooksTests {
    @Test func tenantDeletedHookRunsBeforeTheRowsGoAndCanStopTheDeletion() async throws {
        let refuse = FailFirst()
        var plugin = MultiTenancyPlugin()
        plugin.hooks.tenantDeleted = { deletion, tenant in
            #expect(deletion.actor == SyncFixture.owner)
            #expect(try await tenant.storage.tenant(tenant.id) != nil, "the hook sees the tenant it is about")
            try refuse.check()
        }
        let fixture = try await SyncFixture(multiTenancy: plugin)
        _ = try await fixture.provisioner.create(
            name: "doomed", displayName: "Doomed", creatorUserID: SyncFixture.owner)

        await #expect(throws: FailFirst.Failure.self) {
            try await fixture.provisioner.delete(tenantID: "doomed", actor: SyncFixture.owner)
        }
        #expect(try await fixture.storage.tenant("doomed") != nil)
        try await fixture.provisioner.delete(tenantID: "doomed", actor: SyncFixture.owner)
        #expect(try await fixture.storage.tenant("doomed") == nil)
    }

    @Test func tenantCreatedHookSeesAProvisionedTenantThatIsNotReadyYet() async throws {
        var plugin = MultiTenancyPlugin()
        plugin.hooks.tenantCreated = { creation, tenant in
            let stored = try await tenant.storage.tenant(tenant.id)
            #expect(stored?.provisioningState == .pending)
            #expect(try await !tenant.storage.keys(tenantID: tenant.id).isEmpty)
            #expect(creation.tenant.id == tenant.id)
            try await MultiTenancyHooks.copySyncableSet(creation, tenant)
        }
        let fixture = try await SyncFixture(multiTenancy: plugin)
        let (tenant, _) = try await fixture.provisioner.create(
            name: "coffee-shop", displayName: "Coffee Shop", creatorUserID: SyncFixture.owner)
        #expect(tenant.provisioningState == .ready)
    }
}
