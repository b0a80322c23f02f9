import AuthHeroCore
import PostgresNIO

/// The writes of control-plane sync in one customer tenant, on an open transaction. Copies are matched to their
/// control-plane source by `synced_from`; rows with `synced_from IS NULL` belong to the tenant and are never touched.
/// Every method returns how many rows it created, changed or removed, so a full pass can say what it repaired.
struct PostgresSyncedCopyWriter {
    let session: StorageSession
    let tenantID: String

    /// Creates or updates the copy of `source`. A copy of another source with the same identifier is stale (the
    /// control plane's identifiers are unique), so it is removed first.
    func saveResourceServer(_ source: ResourceServer) async throws -> Int {
        let stale = try await session.changes(
            """
            DELETE FROM resource_servers WHERE tenant_id = \(tenantID) AND synced_from IS NOT NULL
            AND identifier = \(source.identifier) AND synced_from <> \(source.id) RETURNING 1
            """)
        let existing = try await session.record(
            ResourceServer.self,
            """
            SELECT to_jsonb(r)::text FROM resource_servers r WHERE tenant_id = \(tenantID) AND synced_from = \(source.id)
            """)
        let desired = source.syncedCopy(tenantID: tenantID, id: existing?.id ?? RandomToken.identifier(prefix: "rs_"))
        return try await stale + save(desired, replacing: existing, in: "resource_servers")
    }

    /// Removes the copy of resource server `identifier` and the synced roles' permissions on it.
    func deleteResourceServer(identifier: String) async throws -> Int {
        let servers = try await session.changes(
            """
            DELETE FROM resource_servers WHERE tenant_id = \(tenantID) AND synced_from IS NOT NULL
            AND identifier = \(identifier) RETURNING 1
            """)
        return try await servers + replacePermissions(onResourceServer: identifier, with: [])
    }

    /// Sets the synced roles' permissions on `identifier` to `permissions` (control-plane role ids).
    func replacePermissions(onResourceServer identifier: String, with permissions: [RolePermission]) async throws
        -> Int
    {
        let copyIDs = try await roleCopyIDs()
        let current = try await syncedRolePermissions().filter { $0.resourceServerIdentifier == identifier }
        let desired = permissions.compactMap { permission in
            copyIDs[permission.roleID].map { permission.syncedCopy(tenantID: tenantID, roleID: $0) }
        }
        return try await replace(Set(current), with: Set(desired))
    }

    /// Creates or updates the copy of role `source` (name, description). A copy of another source with the same
    /// name is stale (control-plane role names are unique), so it is removed first.
    func saveRole(_ source: Role) async throws -> Int {
        let stale = try await session.changes(
            """
            DELETE FROM roles WHERE tenant_id = \(tenantID) AND synced_from IS NOT NULL AND name = \(source.name)
            AND synced_from <> \(source.id) RETURNING 1
            """)
        let existing = try await session.record(
            Role.self,
            "SELECT to_jsonb(r)::text FROM roles r WHERE tenant_id = \(tenantID) AND synced_from = \(source.id)")
        let desired = source.syncedCopy(tenantID: tenantID, id: existing?.id ?? RandomToken.identifier(prefix: "rol_"))
        return try await stale + save(desired, replacing: existing, in: "roles")
    }

    /// Sets every permission of the copy of role `sourceID` to `permissions` (no copy: nothing to do).
    func replaceRolePermissions(sourceID: String, with permissions: [RolePermission]) async throws -> Int {
        guard let copyID = try await roleCopyIDs()[sourceID] else { return 0 }
        let current = try await session.records(
            RolePermission.self,
            "SELECT to_jsonb(p)::text FROM role_permissions p WHERE tenant_id = \(tenantID) AND role_id = \(copyID)")
        return try await replace(
            Set(current), with: Set(permissions.map { $0.syncedCopy(tenantID: tenantID, roleID: copyID) }))
    }

    /// Removes the copy of role `sourceID`; its permissions and assignments go with it (foreign-key cascade).
    func deleteRole(sourceID: String) async throws -> Int {
        try await session.changes(
            "DELETE FROM roles WHERE tenant_id = \(tenantID) AND synced_from = \(sourceID) RETURNING 1")
    }

    /// Makes the tenant's copies equal `syncable`: removes stale copies, then saves every resource server and role
    /// with exactly its synced permissions.
    func replaceAll(with syncable: SyncableSet) async throws -> Int {
        let servers = syncable.resourceServers.map(\.id)
        let roles = syncable.roles.map(\.role.id)
        var changes = try await session.changes(
            """
            DELETE FROM resource_servers WHERE tenant_id = \(tenantID) AND synced_from IS NOT NULL
            AND NOT (synced_from = ANY(\(servers))) RETURNING 1
            """)
        changes += try await session.changes(
            """
            DELETE FROM roles WHERE tenant_id = \(tenantID) AND synced_from IS NOT NULL
            AND NOT (synced_from = ANY(\(roles))) RETURNING 1
            """)
        for server in syncable.resourceServers { changes += try await saveResourceServer(server) }
        for grants in syncable.roles {
            changes += try await saveRole(grants.role)
            changes += try await replaceRolePermissions(sourceID: grants.role.id, with: grants.permissions)
        }
        return changes
    }

    /// Inserts `desired`, or replaces `existing` with it; 1 when that changed anything.
    private func save<R: Encodable & Equatable>(_ desired: R, replacing existing: R?, in table: String)
        async throws -> Int
    {
        guard desired != existing else { return 0 }
        if existing == nil {
            try await session.insert(desired, into: table)
        } else {
            _ = try await session.update(desired, in: table, key: ["tenant_id", "id"])
        }
        return 1
    }

    /// Control-plane role id → the id of its copy in this tenant.
    private func roleCopyIDs() async throws -> [String: String] {
        let copies = try await session.records(
            Role.self, "SELECT to_jsonb(r)::text FROM roles r WHERE tenant_id = \(tenantID) AND synced_from IS NOT NULL"
        )
        var ids: [String: String] = [:]
        for role in copies { if let source = role.syncedFrom { ids[source] = role.id } }
        return ids
    }

    private func syncedRolePermissions() async throws -> [RolePermission] {
        try await session.records(
            RolePermission.self,
            """
            SELECT to_jsonb(p)::text FROM role_permissions p
            JOIN roles r ON r.tenant_id = p.tenant_id AND r.id = p.role_id
            WHERE p.tenant_id = \(tenantID) AND r.synced_from IS NOT NULL
            """)
    }

    private func replace(_ current: Set<RolePermission>, with desired: Set<RolePermission>) async throws -> Int {
        for permission in current.subtracting(desired) {
            try await session.run(
                """
                DELETE FROM role_permissions WHERE tenant_id = \(tenantID) AND role_id = \(permission.roleID)
                AND resource_server_identifier = \(permission.resourceServerIdentifier)
                AND permission_name = \(permission.permissionName)
                """)
        }
        for permission in desired.subtracting(current) {
            try await session.insert(permission, into: "role_permissions")
        }
        return current.symmetricDifference(desired).count
    }
}
