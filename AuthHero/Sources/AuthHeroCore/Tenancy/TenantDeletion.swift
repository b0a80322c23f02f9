/// The context of the tenant-deleted hook, which runs before any of the tenant's rows are removed.
public struct TenantDeletion: Sendable {
    /// The tenant about to be deleted.
    public let tenant: Tenant
    /// Who asked for the deletion (a control-plane user or client id).
    public let actor: String

    /// Creates the context.
    public init(tenant: Tenant, actor: String) {
        self.tenant = tenant
        self.actor = actor
    }
}
