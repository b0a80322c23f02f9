/// The storage control-plane sync needs: reading the control plane's roles with their grants, and writing the
/// read-only copies (`syncedFrom != nil`) in a customer tenant. Copies are found by the control-plane record they
/// came from, never by name, and a tenant's own records are never touched.
public protocol SyncStore: Sendable {
    /// Every role of the tenant with its permissions, ordered by role id.
    func roleGrants(tenantID: String) async throws -> [RoleGrants]
    /// The tenant's synced copies, in the shape of a ``SyncableSet`` (copy ids, `syncedFrom` naming the source).
    func syncedCopies(tenantID: String) async throws -> SyncableSet
    /// Creates or updates the tenant's copy of control-plane resource server `source`; throws
    /// `StorageError.conflict` when the tenant owns a resource server with the same identifier.
    func saveSyncedResourceServer(_ source: ResourceServer, tenantID: String) async throws
    /// Removes the tenant's copy of resource server `identifier` and the synced roles' permissions on it.
    func deleteSyncedResourceServer(identifier: String, tenantID: String) async throws
    /// Sets the synced roles' permissions on resource server `identifier` to `permissions`, whose role ids are the
    /// control-plane ones (mapped to the tenant's copies; a permission of a role with no copy is skipped).
    func replaceSyncedPermissions(
        onResourceServer identifier: String, with permissions: [RolePermission], tenantID: String)
        async throws
    /// Creates or updates the tenant's copy of control-plane role `source`; throws `StorageError.conflict` when the
    /// tenant owns a role with the same name.
    func saveSyncedRole(_ source: Role, tenantID: String) async throws
    /// Sets the permissions of the tenant's copy of control-plane role `sourceID` (no copy: nothing happens).
    func replaceSyncedRolePermissions(sourceID: String, with permissions: [RolePermission], tenantID: String)
        async throws
    /// Removes the tenant's copy of control-plane role `sourceID`, with its permissions and assignments.
    func deleteSyncedRole(sourceID: String, tenantID: String) async throws
    /// Makes the tenant's copies equal `syncable` in one transaction (creating, updating and removing stale copies);
    /// returns how many resource servers, roles and permissions it created, changed or removed.
    func replaceSyncedCopies(with syncable: SyncableSet, tenantID: String) async throws -> Int
}
