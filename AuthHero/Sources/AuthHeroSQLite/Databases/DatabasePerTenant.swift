import AuthHeroCore
import Foundation
import GRDB

/// The database-per-tenant layout: the registry file holds the control plane, and each customer tenant's rows live
/// in `tenants/<id>.sqlite`, opened on demand through a bounded ``TenantPoolCache``.
///
/// A tenant file keeps the same schema as the registry, including a copy of its own `tenants` row, so every
/// foreign key to `tenants(id)` holds inside the file without a second schema to maintain. The registry's row is the
/// truth; the copy's `provisioning_state` only says whether the file itself was provisioned: a file opened for the
/// first time starts `pending`, and only ``SQLiteStorage/createTenant(_:)`` (a tenant recorded whole, as seeding and
/// import do) or provisioning's final `ready` update (``SQLiteStorage/updateTenant(_:)``) set it, which is how
/// ``repair()`` finds a missing file, or one a request recreated empty.
struct DatabasePerTenant: TenantDatabases {
    let registry: any DatabaseWriter
    let strategy: StorageStrategy
    let pools: TenantPoolCache
    /// What reads of an unknown tenant see: the schema with no rows.
    private let empty: DatabaseQueue

    /// Opens the registry at `strategy.databasePath`; tenant files are opened with `configuration` on first use.
    init(strategy: StorageStrategy, configuration: Configuration) throws {
        let registry = try DatabasePool(path: strategy.databasePath, configuration: configuration)
        // Each open tenant holds a writer and its readers; few readers keep `openFiles` tenants within the
        // process's file-descriptor limit.
        let tenantConfiguration = configuration.withReaders(2)
        self.registry = registry
        self.strategy = strategy
        self.pools = TenantPoolCache(capacity: strategy.openFiles) { tenantID in
            try await TenantFile.open(
                tenantID, registry: registry, strategy: strategy, configuration: tenantConfiguration)
        }
        empty = try DatabaseQueue()
        try SchemaMigrations.migrator.migrate(empty)
    }

    func isSeparate(_ tenantID: String) -> Bool { tenantID != ControlPlane.tenantID }

    func withDatabase<T>(
        _ tenantID: String, writing: Bool, _ body: (any DatabaseWriter) async throws -> T
    ) async throws -> T {
        guard isSeparate(tenantID) else { return try await body(registry) }
        do {
            return try await pools.withPool(tenantID) { try await body($0) }
        } catch is TenantFile.UnknownTenant {
            guard !writing else { throw StorageError.notFound("tenant \(tenantID)") }
            return try await body(empty)
        }
    }

    func remove(_ tenantID: String) async throws {
        guard isSeparate(tenantID), TenantFile.isSafeName(tenantID) else { return }
        await pools.retire(tenantID)
        try TenantFile.remove(strategy.tenantFile(tenantID))
    }

    func repair() async throws -> [String] {
        // Files are listed before the registry is read: a tenant created in between has a registry row but is not
        // in the listing, so its new file is never taken for an orphan.
        let files = TenantFile.tenantIDs(in: strategy.tenantsFolder)
        let tenants = try await registry.read { try Tenant.fetchAll($0) }.filter { isSeparate($0.id) }
        var unprovisioned: [String] = []
        for tenant in tenants where tenant.provisioningState == .ready {
            let copyState = try await withDatabase(tenant.id, writing: true) { database in
                try await database.read { try Tenant.fetchOne($0, key: tenant.id)?.provisioningState }
            }
            guard copyState != .ready else { continue }
            // Back to `pending` in the registry first: should the process stop before provisioning finishes, the
            // next reconcile still sees the tenant as unfinished.
            let pending = tenant.inState(.pending)
            try await registry.write { try pending.update($0) }
            unprovisioned.append(tenant.id)
        }
        let known = Set(tenants.map(\.id))
        for orphan in files where !known.contains(orphan) { try await remove(orphan) }
        return unprovisioned
    }
}

extension Configuration {
    fileprivate func withReaders(_ count: Int) -> Configuration {
        var configuration = self
        configuration.maximumReaderCount = count
        return configuration
    }
}

extension Tenant {
    fileprivate func inState(_ state: ProvisioningState) -> Tenant {
        var tenant = self
        tenant.provisioningState = state
        return tenant
    }
}
