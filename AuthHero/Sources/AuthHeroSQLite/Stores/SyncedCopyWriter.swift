import AuthHeroCore
import GRDB

/// The writes of control-plane sync in one customer tenant, on an open transaction. Copies are matched to their
/// control-plane source by `synced_from`; rows with `synced_from IS NULL` belong to the tenant and are never touched.
/// Every method returns how many rows it created, changed or removed, so a full pass can say what it repaired.
struct SyncedCopyWriter {
    let db: Database
    let tenantID: String

    /// Creates or updates the copy of `source`. A copy of another source with the same identifier is stale (the
    /// control plane's identifiers are unique), so it is removed first.
    func saveResourceServer(_ source: ResourceServer) throws -> Int {
        var changes = try copies(of: ResourceServer.self)
            .filter(Column("identifier") == source.identifier && Column("synced_from") != source.id).deleteAll(db)
        let existing = try copies(of: ResourceServer.self).filter(Column("synced_from") == source.id).fetchOne(db)
        let desired = source.syncedCopy(tenantID: tenantID, id: existing?.id ?? RandomToken.identifier(prefix: "rs_"))
        guard desired != existing else { return changes }
        if existing == nil { try desired.insert(db) } else { try desired.update(db) }
        changes += 1
        return changes
    }

    /// Removes the copy of resource server `identifier` and the synced roles' permissions on it.
    func deleteResourceServer(identifier: String) throws -> Int {
        let servers = try copies(of: ResourceServer.self).filter(Column("identifier") == identifier).deleteAll(db)
        return servers + (try replacePermissions(onResourceServer: identifier, with: []))
    }

    /// Sets the synced roles' permissions on `identifier` to `permissions` (control-plane role ids).
    func replacePermissions(onResourceServer identifier: String, with permissions: [RolePermission]) throws -> Int {
        let copyIDs = try roleCopyIDs()
        let current = try syncedRolePermissions().filter { $0.resourceServerIdentifier == identifier }
        let desired = permissions.compactMap { permission in
            copyIDs[permission.roleID].map { permission.syncedCopy(tenantID: tenantID, roleID: $0) }
        }
        return try replace(Set(current), with: Set(desired))
    }

    /// Creates or updates the copy of role `source` (name, description). A copy of another source with the same
    /// name is stale (control-plane role names are unique), so it is removed first.
    func saveRole(_ source: Role) throws -> Int {
        var changes = try copies(of: Role.self)
            .filter(Column("name") == source.name && Column("synced_from") != source.id).deleteAll(db)
        let existing = try copies(of: Role.self).filter(Column("synced_from") == source.id).fetchOne(db)
        let desired = source.syncedCopy(tenantID: tenantID, id: existing?.id ?? RandomToken.identifier(prefix: "rol_"))
        guard desired != existing else { return changes }
        if existing == nil { try desired.insert(db) } else { try desired.update(db) }
        changes += 1
        return changes
    }

    /// Sets every permission of the copy of role `sourceID` to `permissions` (no copy: nothing to do).
    func replaceRolePermissions(sourceID: String, with permissions: [RolePermission]) throws -> Int {
        guard let copyID = try roleCopyIDs()[sourceID] else { return 0 }
        let current = try RolePermission.filter(Column("tenant_id") == tenantID && Column("role_id") == copyID)
            .fetchAll(db)
        return try replace(
            Set(current), with: Set(permissions.map { $0.syncedCopy(tenantID: tenantID, roleID: copyID) }))
    }

    /// Removes the copy of role `sourceID`; its permissions and assignments go with it (foreign-key cascade).
    func deleteRole(sourceID: String) throws -> Int {
        try copies(of: Role.self).filter(Column("synced_from") == sourceID).deleteAll(db)
    }

    /// Makes the tenant's copies equal `syncable`: removes stale copies, then saves every resource server and role
    /// with exactly its synced permissions.
    func replaceAll(with syncable: SyncableSet) throws -> Int {
        var changes = try copies(of: ResourceServer.self)
            .filter(!syncable.resourceServers.map(\.id).contains(Column("synced_from"))).deleteAll(db)
        changes += try copies(of: Role.self).filter(!syncable.roles.map(\.role.id).contains(Column("synced_from")))
            .deleteAll(db)
        for server in syncable.resourceServers { changes += try saveResourceServer(server) }
        for grants in syncable.roles {
            changes += try saveRole(grants.role)
            changes += try replaceRolePermissions(sourceID: grants.role.id, with: grants.permissions)
        }
        return changes
    }

    private func copies<Record: SnakeCaseRecord>(of type: Record.Type) -> QueryInterfaceRequest<Record> {
        Record.filter(Column("tenant_id") == tenantID && Column("synced_from") != nil)
    }

    /// Control-plane role id → the id of its copy in this tenant.
    private func roleCopyIDs() throws -> [String: String] {
        var ids: [String: String] = [:]
        for role in try copies(of: Role.self).fetchAll(db) {
            if let source = role.syncedFrom { ids[source] = role.id }
        }
        return ids
    }

    private func syncedRolePermissions() throws -> [RolePermission] {
        try RolePermission.fetchAll(
            db,
            sql: """
                SELECT p.* FROM role_permissions p JOIN roles r ON r.tenant_id = p.tenant_id AND r.id = p.role_id
                WHERE p.tenant_id = ? AND r.synced_from IS NOT NULL
                """,
            arguments: [tenantID])
    }

    private func replace(_ current: Set<RolePermission>, with desired: Set<RolePermission>) throws -> Int {
        for permission in current.subtracting(desired) { try permission.delete(db) }
        for permission in desired.subtracting(current) { try permission.insert(db) }
        return current.symmetricDifference(desired).count
    }
}
