import AuthHeroCore
import PostgresNIO

extension PostgresStorage: SyncStore {
    public func roleGrants(tenantID: String) async throws -> [RoleGrants] {
        try await withTenant(tenantID) { session in
            try await Self.grants(
                of: try await session.records(
                    Role.self, "SELECT to_jsonb(r)::text FROM roles r WHERE tenant_id = \(tenantID) ORDER BY id"),
                tenantID: tenantID, session)
        }
    }

    public func syncedCopies(tenantID: String) async throws -> SyncableSet {
        try await withTenant(tenantID) { session in
            let servers = try await session.records(
                ResourceServer.self,
                """
                SELECT to_jsonb(r)::text FROM resource_servers r WHERE tenant_id = \(tenantID)
                AND synced_from IS NOT NULL ORDER BY identifier
                """)
            let roles = try await session.records(
                Role.self,
                """
                SELECT to_jsonb(r)::text FROM roles r WHERE tenant_id = \(tenantID) AND synced_from IS NOT NULL
                ORDER BY id
                """)
            return SyncableSet(
                resourceServers: servers, roles: try await Self.grants(of: roles, tenantID: tenantID, session))
        }
    }

    public func saveSyncedResourceServer(_ source: ResourceServer, tenantID: String) async throws {
        _ = try await writingCopies(tenantID) { try await $0.saveResourceServer(source) }
    }

    public func deleteSyncedResourceServer(identifier: String, tenantID: String) async throws {
        _ = try await writingCopies(tenantID) { try await $0.deleteResourceServer(identifier: identifier) }
    }

    public func replaceSyncedPermissions(
        onResourceServer identifier: String, with permissions: [RolePermission], tenantID: String
    ) async throws {
        _ = try await writingCopies(tenantID) {
            try await $0.replacePermissions(onResourceServer: identifier, with: permissions)
        }
    }

    public func saveSyncedRole(_ source: Role, tenantID: String) async throws {
        _ = try await writingCopies(tenantID) { try await $0.saveRole(source) }
    }

    public func replaceSyncedRolePermissions(sourceID: String, with permissions: [RolePermission], tenantID: String)
        async throws
    {
        _ = try await writingCopies(tenantID) {
            try await $0.replaceRolePermissions(sourceID: sourceID, with: permissions)
        }
    }

    public func deleteSyncedRole(sourceID: String, tenantID: String) async throws {
        _ = try await writingCopies(tenantID) { try await $0.deleteRole(sourceID: sourceID) }
    }

    public func replaceSyncedCopies(with syncable: SyncableSet, tenantID: String) async throws -> Int {
        // Most tenants are up to date on a full pass: check with a read first and write only when something differs.
        if syncable.isMirrored(by: try await syncedCopies(tenantID: tenantID), tenantID: tenantID) { return 0 }
        return try await writingCopies(tenantID) { try await $0.replaceAll(with: syncable) }
    }

    /// Copies in one tenant are written by one transaction at a time, across every server process: two full passes
    /// started together (reconcile at start-up) would otherwise both insert the same missing copy. The writer reads
    /// the copies after taking the lock, so the second pass finds the first one's work and leaves it.
    private func writingCopies(
        _ tenantID: String, _ body: @Sendable (PostgresSyncedCopyWriter) async throws -> Int
    ) async throws -> Int {
        try await withTenant(tenantID) { session in
            try await session.run("SELECT pg_advisory_xact_lock(hashtextextended('authhero.sync.' || \(tenantID), 0))")
            return try await body(PostgresSyncedCopyWriter(session: session, tenantID: tenantID))
        }
    }

    private static func grants(of roles: [Role], tenantID: String, _ session: StorageSession) async throws
        -> [RoleGrants]
    {
        let permissions = try await session.records(
            RolePermission.self,
            """
            SELECT to_jsonb(p)::text FROM role_permissions p WHERE tenant_id = \(tenantID)
            ORDER BY role_id, resource_server_identifier, permission_name
            """)
        let byRole = Dictionary(grouping: permissions, by: \.roleID)
        return roles.map { RoleGrants(role: $0, permissions: byRole[$0.id] ?? []) }
    }
}
