import AuthHeroCore
import Foundation
import GRDB

extension SQLiteStorage {
    public func createTenant(_ tenant: Tenant) async throws {
        try await writeRegistry { try tenant.insert($0) }
        // A tenant recorded here (seeding, bootstrap, import) starts its own file with its copy in the state it was
        // created in; a file that appears any other way starts `pending` (see `DatabasePerTenant`).
        if databases.isSeparate(tenant.id) { try await write(tenant.id) { try tenant.update($0) } }
    }

    public func tenant(_ tenantID: String) async throws -> Tenant? {
        // Hot path (every request resolves its tenant): a cached prepared statement.
        try await readRegistry { db in
            try Tenant.fetchOne(db.cachedStatement(sql: "SELECT * FROM tenants WHERE id = ?"), arguments: [tenantID])
        }
    }

    public func updateTenant(_ tenant: Tenant) async throws {
        if databases.isSeparate(tenant.id) {
            // Best effort: the copy in the tenant's file only marks whether that file was provisioned, and a copy
            // left behind makes reconcile provision the tenant once more (idempotent), whereas failing here would
            // keep a failing tenant from being recorded as `failed`.
            try? await write(tenant.id) { try tenant.update($0) }
        }
        try await writeRegistry { try tenant.update($0) }
    }

    public func quarantineTenantName(_ name: String, until: Date) async throws {
        try await writeRegistry { db in
            try db.execute(
                sql: """
                    INSERT INTO tenant_name_quarantine (name, held_until) VALUES (?, ?)
                    ON CONFLICT(name) DO UPDATE SET held_until = max(held_until, excluded.held_until)
                    """,
                arguments: [name, until])
        }
    }

    public func tenantNameQuarantine(_ name: String, at date: Date) async throws -> Date? {
        try await readRegistry { db in
            try Date.fetchOne(
                db, sql: "SELECT held_until FROM tenant_name_quarantine WHERE name = ? AND held_until > ?",
                arguments: [name, date])
        }
    }

    public func tenants() async throws -> [Tenant] {
        try await readRegistry { try Tenant.order(Column("id")).fetchAll($0) }
    }

    public func tenants(ids: [String]) async throws -> [Tenant] {
        try await readRegistry { try Tenant.filter(keys: ids).order(Column("id")).fetchAll($0) }
    }

    public func addCustomDomain(_ domain: CustomDomain, tenantID: String) async throws {
        try await writeRegistry { try owned(domain, by: tenantID).insert($0) }
    }

    public func customDomains(tenantID: String) async throws -> [CustomDomain] {
        try await readRegistry {
            try CustomDomain.filter(Column("tenant_id") == tenantID).order(Column("domain")).fetchAll($0)
        }
    }

    public func claimCustomDomain(_ domain: CustomDomain, tenantID: String, limit: Int, stalePendingBefore: Date)
        async throws -> Bool
    {
        let record = try owned(domain, by: tenantID)
        return try await writeRegistry { db in
            guard try CustomDomain.filter(Column("tenant_id") == tenantID).fetchCount(db) < limit else { return false }
            try CustomDomain.filter(
                Column("domain") == record.domain && Column("tenant_id") != tenantID
                    && Column("status") == CustomDomain.Status.pending.rawValue
                    && Column("created_at") < stalePendingBefore
            ).deleteAll(db)
            try record.insert(db)
            return true
        }
    }

    public func customDomain(id: String, tenantID: String) async throws -> CustomDomain? {
        try await readRegistry {
            try CustomDomain.filter(Column("tenant_id") == tenantID && Column("id") == id).fetchOne($0)
        }
    }

    public func deleteCustomDomain(id: String, tenantID: String) async throws -> Bool {
        try await writeRegistry {
            try CustomDomain.filter(Column("tenant_id") == tenantID && Column("id") == id).deleteAll($0) > 0
        }
    }

    public func markCustomDomainVerified(_ domain: String, tenantID: String, at date: Date) async throws {
        let changed = try await writeRegistry { db in
            try CustomDomain.filter(Column("tenant_id") == tenantID && Column("domain") == domain)
                .updateAll(
                    db, Column("status").set(to: CustomDomain.Status.verified.rawValue),
                    Column("verified_at").set(to: date))
        }
        if changed == 0 { throw StorageError.notFound("custom domain \(domain)") }
    }

    public func verifiedCustomDomain(host: String) async throws -> CustomDomain? {
        try await readRegistry { db in
            try CustomDomain.filter(
                Column("domain") == host && Column("status") == CustomDomain.Status.verified.rawValue
            )
            .fetchOne(db)
        }
    }
}
