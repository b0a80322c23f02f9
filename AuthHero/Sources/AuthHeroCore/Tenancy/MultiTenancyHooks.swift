/// The hook points of the multi-tenancy layer. Each receives the control-plane write's context and a
/// ``TenantHandle`` on the *target* customer tenant. ``standard`` is the default plugin's behaviour (copy what the
/// control plane shares); a generated project may replace a hook, usually by calling the standard one and adding to
/// it. Sync hooks run in the outbox processor, out of the request, once per customer tenant; they must be
/// idempotent, because a failed tenant is retried and reconcile may run them again.
public struct MultiTenancyHooks: Sendable {
    /// A tenant is in phase two of its creation. Standard: copies the control plane's syncable set into it.
    public var tenantCreated: @Sendable (TenantCreation, TenantHandle) async throws -> Void
    /// A tenant is about to be deleted; a throw stops the deletion. Standard: nothing (storage removes every row).
    public var tenantDeleted: @Sendable (TenantDeletion, TenantHandle) async throws -> Void
    /// A synced control-plane resource server was created or updated. Standard: saves the copy and the synced
    /// roles' permissions on it.
    public var resourceServerSaved: @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void
    /// A control-plane resource server was deleted or became internal. Standard: removes the copy and the synced
    /// roles' permissions on it.
    public var resourceServerDeleted: @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void
    /// A control-plane role was created or updated. Standard: saves the copy's name and description.
    public var roleSaved: @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void
    /// A control-plane role's permissions may have changed (runs after ``roleSaved``). Standard: sets the copy's
    /// permissions to the role's permissions on synced resource servers.
    public var rolePermissionsChanged: @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void
    /// A control-plane role was deleted (or role sync is off). Standard: removes the copy and its assignments.
    public var roleDeleted: @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void

    /// Creates hooks; every hook left out is the standard one.
    public init(
        tenantCreated: @escaping @Sendable (TenantCreation, TenantHandle) async throws -> Void = Self.copySyncableSet,
        tenantDeleted: @escaping @Sendable (TenantDeletion, TenantHandle) async throws -> Void = { _, _ in },
        resourceServerSaved: @escaping @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void =
            Self.saveResourceServerCopy,
        resourceServerDeleted: @escaping @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void =
            Self.deleteResourceServerCopy,
        roleSaved: @escaping @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void = Self.saveRoleCopy,
        rolePermissionsChanged: @escaping @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void =
            Self.replaceRoleCopyPermissions,
        roleDeleted: @escaping @Sendable (ControlPlaneWrite, TenantHandle) async throws -> Void = Self.deleteRoleCopy
    ) {
        self.tenantCreated = tenantCreated
        self.tenantDeleted = tenantDeleted
        self.resourceServerSaved = resourceServerSaved
        self.resourceServerDeleted = resourceServerDeleted
        self.roleSaved = roleSaved
        self.rolePermissionsChanged = rolePermissionsChanged
        self.roleDeleted = roleDeleted
    }

    /// The default plugin's hooks.
    public static let standard = MultiTenancyHooks()
}
