import AuthHeroCore
import Foundation
import PostgresNIO

extension PostgresStorage: TenantStore {
    public func createTenant(_ tenant: Tenant) async throws {
        try await withRegistry { try await insertTenant(tenant, in: $0) }
    }

    /// Inserts `tenant` into the registry and, when its rows live in a schema of their own, creates and migrates
    /// that schema with its copy of the tenant row (the target of its tables' foreign keys, in the state the tenant
    /// was created in), all in `session`'s transaction: PostgreSQL's DDL is transactional, so a tenant is never
    /// registered without its schema or the other way round.
    func insertTenant(_ tenant: Tenant, in session: StorageSession) async throws {
        try await session.insert(tenant, into: "tenants")
        guard isSeparate(tenant.id) else { return }
        let tenantSchema = try tenantSchemas.name(of: tenant.id)
        try await session.run("CREATE SCHEMA \(unescaped: SQLName.quoted(tenantSchema))")
        try await session.use(tenantSchema)
        _ = try await Self.applyMigrations(migrations, in: session)
        try await session.insert(tenant, into: "tenants")
        try await session.use(schema)
    }

    public func tenant(_ tenantID: String) async throws -> Tenant? {
        try await withRegistry {
            try await $0.record(Tenant.self, "SELECT to_jsonb(t)::text FROM tenants t WHERE id = \(tenantID)")
        }
    }

    public func updateTenant(_ tenant: Tenant) async throws {
        try await withRegistry { try await replaceTenant(tenant, in: $0) }
    }

    /// Replaces `tenant`'s registry row and, with a schema of its own, its copy there, in `session`'s transaction.
    func replaceTenant(_ tenant: Tenant, in session: StorageSession) async throws {
        if try await session.update(tenant, in: "tenants", key: ["id"]) == 0 {
            throw StorageError.notFound("tenant \(tenant.id)")
        }
        guard isSeparate(tenant.id) else { return }
        try await session.use(try tenantSchemas.name(of: tenant.id))
        _ = try await session.update(tenant, in: "tenants", key: ["id"])
        try await session.use(schema)
    }

    public func quarantineTenantName(_ name: String, until: Date) async throws {
        try await withRegistry {
            try await $0.run(
                """
                INSERT INTO tenant_name_quarantine (name, held_until) VALUES (\(name), \(until))
                ON CONFLICT (name) DO UPDATE
                SET held_until = GREATEST(tenant_name_quarantine.held_until, excluded.held_until)
                """)
        }
    }

    public func tenantNameQuarantine(_ name: String, at date: Date) async throws -> Date? {
        let seconds = try await withRegistry {
            try await $0.text(
                """
                SELECT extract(epoch FROM held_until)::text FROM tenant_name_quarantine
                WHERE name = \(name) AND held_until > \(date)
                """)
        }
        return seconds.flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
    }

    public func tenants() async throws -> [Tenant] {
        try await withRegistry {
            try await $0.records(Tenant.self, "SELECT to_jsonb(t)::text FROM tenants t ORDER BY id")
        }
    }

    public func tenants(ids: [String]) async throws -> [Tenant] {
        try await withRegistry {
            try await $0.records(
                Tenant.self, "SELECT to_jsonb(t)::text FROM tenants t WHERE id = ANY(\(ids)) ORDER BY id")
        }
    }

    public func deleteTenant(_ tenantID: String) async throws {
        try await withRegistry { session in
            let organizationID = try await session.text("SELECT organization_id FROM tenants WHERE id = \(tenantID)")
            if let organizationID {
                let controlPlane = ControlPlane.tenantID
                try await session.enter(controlPlane)
                // The organization's memberships cascade; role assignments name it without a foreign key.
                try await session.run(
                    "DELETE FROM user_roles WHERE tenant_id = \(controlPlane) AND organization_id = \(organizationID)")
                try await session.run(
                    "DELETE FROM organizations WHERE tenant_id = \(controlPlane) AND id = \(organizationID)")
            }
            try await removeRows(of: tenantID, in: session)
        }
    }

    /// Removes everything of `tenantID` but its control-plane organization: its schema (schema-per-tenant) or its
    /// rows in every tenant table, its open login transactions, its custom domains and its registry row. Deleting a
    /// tenant and replacing one by an archive import both come through here, so neither leaves rows the other would
    /// not.
    func removeRows(of tenantID: String, in session: StorageSession) async throws {
        if isSeparate(tenantID) {
            // An id that cannot name a schema has none to drop.
            if let tenantSchema = try? tenantSchemas.name(of: tenantID) {
                try await session.run("DROP SCHEMA IF EXISTS \(unescaped: SQLName.quoted(tenantSchema)) CASCADE")
            }
        } else {
            try await session.enter(tenantID)
            // Children before parents, so no foreign key is checked against a row already gone.
            for table in ["login_transactions"] + PostgresMigrations.tenantTables.reversed() {
                try await session.run("DELETE FROM \(unescaped: SQLName.quoted(table)) WHERE tenant_id = \(tenantID)")
            }
        }
        for table in Self.archivedRegistryTables {
            try await session.run("DELETE FROM \(unescaped: SQLName.quoted(table)) WHERE tenant_id = \(tenantID)")
        }
        try await session.run("DELETE FROM tenants WHERE id = \(tenantID)")
    }
}

extension PostgresStorage {
    public func addCustomDomain(_ domain: CustomDomain, tenantID: String) async throws {
        try requireTenant(domain.tenantID, is: tenantID)
        try await withRegistry { try await $0.insert(domain, into: "custom_domains") }
    }

    public func claimCustomDomain(_ domain: CustomDomain, tenantID: String, limit: Int, stalePendingBefore: Date)
        async throws -> Bool
    {
        try requireTenant(domain.tenantID, is: tenantID)
        return try await withRegistry { session in
            // Serializes claims of one tenant, so two concurrent claims cannot both pass the limit.
            try await session.run("SELECT 1 FROM tenants WHERE id = \(tenantID) FOR UPDATE")
            let count = try await session.integer(
                "SELECT count(*)::bigint FROM custom_domains WHERE tenant_id = \(tenantID)")
            guard count < limit else { return false }
            try await session.run(
                """
                DELETE FROM custom_domains WHERE domain = \(domain.domain) AND tenant_id <> \(tenantID)
                AND status = \(CustomDomain.Status.pending.rawValue) AND created_at < \(stalePendingBefore)
                """)
            try await session.insert(domain, into: "custom_domains")
            return true
        }
    }

    public func customDomains(tenantID: String) async throws -> [CustomDomain] {
        try await withRegistry {
            try await $0.records(
                CustomDomain.self,
                "SELECT to_jsonb(d)::text FROM custom_domains d WHERE tenant_id = \(tenantID) ORDER BY domain")
        }
    }

    public func customDomain(id: String, tenantID: String) async throws -> CustomDomain? {
        try await withRegistry {
            try await $0.record(
                CustomDomain.self,
                "SELECT to_jsonb(d)::text FROM custom_domains d WHERE tenant_id = \(tenantID) AND id = \(id)")
        }
    }

    public func deleteCustomDomain(id: String, tenantID: String) async throws -> Bool {
        try await withRegistry {
            try await $0.changes(
                "DELETE FROM custom_domains WHERE tenant_id = \(tenantID) AND id = \(id) RETURNING 1") > 0
        }
    }

    public func markCustomDomainVerified(_ domain: String, tenantID: String, at date: Date) async throws {
        let changed = try await withRegistry {
            try await $0.changes(
                """
                UPDATE custom_domains SET status = \(CustomDomain.Status.verified.rawValue), verified_at = \(date)
                WHERE tenant_id = \(tenantID) AND domain = \(domain) RETURNING 1
                """)
        }
        if changed == 0 { throw StorageError.notFound("custom domain \(domain)") }
    }

    public func verifiedCustomDomain(host: String) async throws -> CustomDomain? {
        try await withRegistry {
            try await $0.record(
                CustomDomain.self,
                """
                SELECT to_jsonb(d)::text FROM custom_domains d
                WHERE domain = \(host) AND status = \(CustomDomain.Status.verified.rawValue)
                """)
        }
    }
}
