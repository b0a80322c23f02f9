import AuthHeroCore
import AuthHeroSQLite
import Foundation
import Testing

/// Reconcile repairs a customer tenant whose own file went missing: the tenant is provisioned again and works with
/// its provisioned data (keys, built-in management API, database connection, synced resource servers).
@Suite struct TenantFileRepairTests {
    private static let api = "https://api.example.com"

    @Test func reconcileReprovisionsATenantWhoseFileWasDeleted() async throws {
        let fixture = try await SyncFixture(layout: .databasePerTenant)
        try await fixture.createAPI(Self.api)
        try await fixture.sync.processPending()
        let (tenant, _) = try await fixture.provisioner.create(
            name: "gamma", displayName: "Gamma", creatorUserID: SyncFixture.owner)
        #expect(tenant.provisioningState == .ready)
        let file = StorageStrategy(layout: .databasePerTenant, databasePath: fixture.path).tenantFile("gamma")
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(try await fixture.provisioner.reconcile().repairedDatabases.isEmpty)

        await fixture.storage.closeTenantFiles()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        let summary = try await fixture.provisioner.reconcile()

        #expect(summary.repairedDatabases == ["gamma"])
        #expect(summary.provisioned == ["gamma"])
        #expect(!summary.hasFailures)
        #expect(try await fixture.storage.tenant("gamma")?.provisioningState == .ready)
        #expect(try await !fixture.storage.keys(tenantID: "gamma").isEmpty)
        #expect(
            try await fixture.storage.resourceServer(identifier: BuiltInManagementAPI.identifier, tenantID: "gamma")
                != nil)
        #expect(
            try await fixture.storage.connections(tenantID: "gamma").map(\.name) == [
                TenantProvisioner.databaseConnection
            ])
        #expect(try await fixture.syncedAPIs("gamma") == [Self.api])
        #expect(try await fixture.provisioner.reconcile().repairedDatabases.isEmpty)
    }

    @Test func aTenantFileRecreatedEmptyByARequestIsStillRepaired() async throws {
        let fixture = try await SyncFixture(layout: .databasePerTenant)
        _ = try await fixture.provisioner.create(name: "delta", displayName: "Delta", creatorUserID: SyncFixture.owner)
        let file = StorageStrategy(layout: .databasePerTenant, databasePath: fixture.path).tenantFile("delta")
        await fixture.storage.closeTenantFiles()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        // A request reaches the tenant before reconcile runs: its file is opened again, empty.
        #expect(try await fixture.storage.keys(tenantID: "delta").isEmpty)

        let summary = try await fixture.provisioner.reconcile()

        #expect(summary.repairedDatabases == ["delta"])
        #expect(try await !fixture.storage.keys(tenantID: "delta").isEmpty)
    }

    @Test func sharedStorageHasNoTenantDatabaseToRepair() async throws {
        let fixture = try await SyncFixture()
        #expect(try await fixture.storage.repairTenantDatabases().isEmpty)
    }
}
