/// The standard hook implementations: each writes only synced copies of the target tenant, through its handle.
extension MultiTenancyHooks {
    /// Copies the control plane's syncable set into a new tenant (and removes anything stale a retry left).
    public static let copySyncableSet: @Sendable (TenantCreation, TenantHandle) async throws -> Void = {
        creation, tenant in
        try await tenant.replaceSyncedCopies(with: creation.syncable)
    }

    /// Saves the copy of the written resource server and the synced roles' permissions on it.
    public static let saveResourceServerCopy: @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void = {
        write, tenant in
        guard let source = write.resourceServer else { return }
        try await tenant.saveSyncedResourceServer(source)
        try await tenant.replaceSyncedPermissions(
            onResourceServer: source.identifier,
            with: write.syncable.permissions(onResourceServer: source.identifier))
    }

    /// Removes the copy of a deleted (or now internal) resource server.
    public static let deleteResourceServerCopy: @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void = {
        write, tenant in
        switch write.change {
        case .resourceServerSaved(let identifier), .resourceServerDeleted(let identifier):
            try await tenant.deleteSyncedResourceServer(identifier: identifier)
        case .roleSaved, .roleDeleted: return
        }
    }

    /// Saves the copy of the written role.
    public static let saveRoleCopy: @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void = {
        write, tenant in
        guard let source = write.role else { return }
        try await tenant.saveSyncedRole(source.role)
    }

    /// Sets the role copy's permissions to the source's permissions on synced resource servers.
    public static let replaceRoleCopyPermissions: @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void = {
        write, tenant in
        guard let source = write.role else { return }
        try await tenant.replaceSyncedRolePermissions(sourceID: source.role.id, with: source.permissions)
    }

    /// Removes the copy of a deleted role.
    public static let deleteRoleCopy: @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void = {
        write, tenant in
        switch write.change {
        case .roleSaved(let id), .roleDeleted(let id): try await tenant.deleteSyncedRole(sourceID: id)
        case .resourceServerSaved, .resourceServerDeleted: return
        }
    }
}
