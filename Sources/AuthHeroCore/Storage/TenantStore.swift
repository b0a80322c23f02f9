import Foundation

/// Tenants and their custom domains.
public protocol TenantStore: Sendable {
    /// Inserts a tenant; throws `StorageError.conflict` when the id is taken.
    func createTenant(_ tenant: Tenant) async throws
    /// The tenant with this id, if any.
    func tenant(_ tenantID: String) async throws -> Tenant?
    /// Replaces a tenant's mutable fields.
    func updateTenant(_ tenant: Tenant) async throws
    /// Removes every row that belongs to `tenantID` (users, roles, resource servers, clients, keys, domains,
    /// codes, refresh tokens, sessions, audit entries, the tenant itself) and, in the same transaction, its linked
    /// control-plane organization with that organization's memberships and role assignments.
    func deleteTenant(_ tenantID: String) async throws
    /// Every tenant, ordered by id.
    func tenants() async throws -> [Tenant]
    /// The tenants with these ids, ordered by id; unknown ids are skipped. One read for a whole list (e.g. the
    /// tenants linked to a user's organizations) instead of one per id.
    func tenants(ids: [String]) async throws -> [Tenant]
    /// Records a custom domain for `tenantID`; throws `StorageError.conflict` when any tenant already has it.
    func addCustomDomain(_ domain: CustomDomain, tenantID: String) async throws
    /// The tenant's custom domains.
    func customDomains(tenantID: String) async throws -> [CustomDomain]
    /// Marks the tenant's domain verified.
    func markCustomDomainVerified(_ domain: String, tenantID: String, at date: Date) async throws
    /// The verified domain record for a request host; the one lookup that starts without a tenant id, because it
    /// is how a request finds its tenant.
    func verifiedCustomDomain(host: String) async throws -> CustomDomain?
}

