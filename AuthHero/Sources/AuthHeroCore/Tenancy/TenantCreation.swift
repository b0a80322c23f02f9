/// The context of the tenant-created hook: the tenant in phase two of its provisioning (keys, management API and
/// database connection exist; it is not `ready` yet) and what the control plane shares with it.
public struct TenantCreation: Sendable {
    /// The tenant being provisioned.
    public let tenant: Tenant
    /// What the control plane shares with customer tenants now.
    public let syncable: SyncableSet

    /// Creates the context.
    public init(tenant: Tenant, syncable: SyncableSet) {
        self.tenant = tenant
        self.syncable = syncable
    }
}
