/// Upkeep of tenants' own databases, for storage that keeps one per tenant (a no-op when all share one).
public protocol TenantDatabaseStore: Sendable {
    /// Creates or migrates every customer tenant's own database, removes databases of tenants that no longer exist,
    /// and sets back to `pending` every `ready` tenant whose database was missing or never finished provisioning, so
    /// the reconcile pass provisions it again; returns those tenants' ids.
    func repairTenantDatabases() async throws -> [String]
}
