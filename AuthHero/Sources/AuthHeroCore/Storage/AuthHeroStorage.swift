/// Everything the runtime persists, one aggregate per protocol so each can grow on its own. Every
/// call names its tenant; only the storage implementation writes SQL.
public protocol AuthHeroStorage: TenantStore, KeyStore, ClientStore, ConnectionStore, UserStore, OrganizationStore,
    RoleStore, ResourceServerStore, GrantStore, InteractiveGrantStore, AuditLog, OutboxStore, SyncStore,
    TenantDatabaseStore, JobStore
{
    /// Runs `work` in one transaction: all of its writes commit together, or none do when it throws.
    func transaction<T: Sendable>(_ work: @escaping @Sendable (any StorageTransaction) throws -> T) async throws -> T
}
