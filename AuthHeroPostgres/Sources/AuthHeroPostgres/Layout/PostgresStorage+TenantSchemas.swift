import AuthHeroCore
import PostgresNIO

extension PostgresStorage: TenantDatabaseStore {
    /// With the schema-per-tenant layout: creates (with a `pending` copy of the tenant row) or migrates every
    /// customer tenant's schema, drops schemas no tenant owns any more, and sets back to `pending` every tenant whose
    /// schema was missing or never finished provisioning, so reconcile provisions it again; returns those tenants.
    /// With the shared layout there is nothing to repair.
    public func repairTenantDatabases() async throws -> [String] {
        guard layout == .schemaPerTenant else { return [] }
        let prefix = tenantSchemas.prefix
        let tenants = try await withRegistry { session in
            try await session.records(Tenant.self, "SELECT to_jsonb(t)::text FROM tenants t ORDER BY id")
        }.filter { isSeparate($0.id) }
        let existing = Set(
            try await withRegistry { session in
                try await session.texts(
                    "SELECT nspname::text FROM pg_namespace WHERE starts_with(nspname, \(prefix)) ORDER BY nspname")
            })
        var unprovisioned: [String] = []
        for tenant in tenants {
            let tenantSchema = try tenantSchemas.name(of: tenant.id)
            _ = try await migrateSchema(tenantSchema)
            let copyState = try await transaction(in: tenantSchema) { session in
                try await session.record(
                    Tenant.self, "SELECT to_jsonb(t)::text FROM tenants t WHERE id = \(tenant.id)")?.provisioningState
            }
            guard copyState != .ready else { continue }
            let pending = {
                var copy = tenant
                copy.provisioningState = .pending
                return copy
            }()
            try await withRegistry { session in
                _ = try await session.update(pending, in: "tenants", key: ["id"])
                try await session.use(tenantSchema)
                try await session.insert(pending, into: "tenants", ignoringConflicts: true)
            }
            unprovisioned.append(tenant.id)
        }
        let owned = Set(try tenants.map { try tenantSchemas.name(of: $0.id) })
        for orphan in existing.subtracting(owned).sorted() {
            try await withRegistry { try await $0.run("DROP SCHEMA \(unescaped: SQLName.quoted(orphan)) CASCADE") }
        }
        return unprovisioned
    }
}
