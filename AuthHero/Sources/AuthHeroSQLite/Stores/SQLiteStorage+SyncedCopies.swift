import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func roleGrants(tenantID: String) async throws -> [RoleGrants] {
        try await read(tenantID) { db in
            let roles = try Role.filter(Column("tenant_id") == tenantID).order(Column("id")).fetchAll(db)
            return try grants(of: roles, tenantID: tenantID, db)
        }
    }

    public func syncedCopies(tenantID: String) async throws -> SyncableSet {
        try await read(tenantID) { db in
            let servers = try ResourceServer.filter(Column("tenant_id") == tenantID && Column("synced_from") != nil)
                .order(Column("identifier")).fetchAll(db)
            let roles = try Role.filter(Column("tenant_id") == tenantID && Column("synced_from") != nil)
                .order(Column("id")).fetchAll(db)
            return SyncableSet(resourceServers: servers, roles: try grants(of: roles, tenantID: tenantID, db))
        }
    }

    public func saveSyncedResourceServer(_ source: ResourceServer, tenantID: String) async throws {
        _ = try await write(tenantID) { try SyncedCopyWriter(db: $0, tenantID: tenantID).saveResourceServer(source) }
    }

    public func deleteSyncedResourceServer(identifier: String, tenantID: String) async throws {
        _ = try await write(tenantID) {
            try SyncedCopyWriter(db: $0, tenantID: tenantID).deleteResourceServer(identifier: identifier)
        }
    }

    public func replaceSyncedPermissions(
        onResourceServer identifier: String, with permissions: [RolePermission], tenantID: String
    ) async throws {
        _ = try await write(tenantID) {
            try SyncedCopyWriter(db: $0, tenantID: tenantID).replacePermissions(
                onResourceServer: identifier, with: permissions)
        }
    }

    public func saveSyncedRole(_ source: Role, tenantID: String) async throws {
        _ = try await write(tenantID) { try SyncedCopyWriter(db: $0, tenantID: tenantID).saveRole(source) }
    }

    public func replaceSyncedRolePermissions(sourceID: String, with permissions: [RolePermission], tenantID: String)
        async throws
    {
        _ = try await write(tenantID) {
            try SyncedCopyWriter(db: $0, tenantID: tenantID).replaceRolePermissions(
                sourceID: sourceID, with: permissions)
        }
    }

    public func deleteSyncedRole(sourceID: String, tenantID: String) async throws {
        _ = try await write(tenantID) {
            try SyncedCopyWriter(db: $0, tenantID: tenantID).deleteRole(sourceID: sourceID)
        }
    }

    public func replaceSyncedCopies(with syncable: SyncableSet, tenantID: String) async throws -> Int {
        // Most tenants are up to date on a full pass: check with a read first and write only when something differs.
        if syncable.isMirrored(by: try await syncedCopies(tenantID: tenantID), tenantID: tenantID) { return 0 }
        return try await write(tenantID) { try SyncedCopyWriter(db: $0, tenantID: tenantID).replaceAll(with: syncable) }
    }

    private func grants(of roles: [Role], tenantID: String, _ db: Database) throws -> [RoleGrants] {
        let permissions = try RolePermission.filter(Column("tenant_id") == tenantID)
            .order(Column("role_id"), Column("resource_server_identifier"), Column("permission_name")).fetchAll(db)
        let byRole = Dictionary(grouping: permissions, by: \.roleID)
        return roles.map { RoleGrants(role: $0, permissions: byRole[$0.id] ?? []) }
    }
}
