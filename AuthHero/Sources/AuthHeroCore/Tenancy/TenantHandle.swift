/// The customer tenant a multi-tenancy hook acts on: its record and the storage, with the sync writes already
/// scoped to its id so a hook cannot write another tenant's copies by mistake.
public struct TenantHandle: Sendable {
    /// The target tenant.
    public let tenant: Tenant
    /// The whole storage; any call made through it must name ``id``.
    public let storage: any AuthHeroStorage

    /// Creates a handle on `tenant`.
    public init(tenant: Tenant, storage: any AuthHeroStorage) {
        self.tenant = tenant
        self.storage = storage
    }

    /// The target tenant's id.
    public var id: String { tenant.id }

    /// Creates or updates this tenant's copy of control-plane resource server `source`.
    public func saveSyncedResourceServer(_ source: ResourceServer) async throws {
        try await storage.saveSyncedResourceServer(source, tenantID: id)
    }

    /// Removes this tenant's copies of the control-plane resource server `identifier`, and the synced roles'
    /// permissions on it.
    public func deleteSyncedResourceServer(identifier: String) async throws {
        try await storage.deleteSyncedResourceServer(identifier: identifier, tenantID: id)
    }

    /// Sets the synced roles' permissions on resource server `identifier` to `permissions` (control-plane role ids).
    public func replaceSyncedPermissions(onResourceServer identifier: String, with permissions: [RolePermission])
        async throws
    {
        try await storage.replaceSyncedPermissions(onResourceServer: identifier, with: permissions, tenantID: id)
    }

    /// Creates or updates this tenant's copy of control-plane role `source` (its name and description).
    public func saveSyncedRole(_ source: Role) async throws {
        try await storage.saveSyncedRole(source, tenantID: id)
    }

    /// Sets the permissions of this tenant's copy of control-plane role `sourceID`.
    public func replaceSyncedRolePermissions(sourceID: String, with permissions: [RolePermission]) async throws {
        try await storage.replaceSyncedRolePermissions(sourceID: sourceID, with: permissions, tenantID: id)
    }

    /// Removes this tenant's copy of control-plane role `sourceID` (and who held it).
    public func deleteSyncedRole(sourceID: String) async throws {
        try await storage.deleteSyncedRole(sourceID: sourceID, tenantID: id)
    }

    /// Makes this tenant's synced copies equal `syncable` in one transaction, removing stale ones; returns how
    /// many copies it created, changed or removed.
    @discardableResult
    public func replaceSyncedCopies(with syncable: SyncableSet) async throws -> Int {
        try await storage.replaceSyncedCopies(with: syncable, tenantID: id)
    }
}
