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
    /// Holds tenant name `name` back from new tenants until `until` (a later date extends the hold). The record
    /// carries no tenant id, so deleting the tenant it came from leaves it in place.
    func quarantineTenantName(_ name: String, until: Date) async throws
    /// The end of `name`'s quarantine when it is still held at `date`, else nil.
    func tenantNameQuarantine(_ name: String, at date: Date) async throws -> Date?
    /// Every tenant, ordered by id.
    func tenants() async throws -> [Tenant]
    /// The tenants with these ids, ordered by id; unknown ids are skipped. One read for a whole list (e.g. the
    /// tenants linked to a user's organizations) instead of one per id.
    func tenants(ids: [String]) async throws -> [Tenant]
    /// Records a custom domain for `tenantID`; throws `StorageError.conflict` when any tenant already has it.
    func addCustomDomain(_ domain: CustomDomain, tenantID: String) async throws
    /// Records a new `pending` custom domain for `tenantID` in one transaction, unless the tenant already has
    /// `limit` domains (then nothing is written and the answer is false). Throws `StorageError.conflict` when the
    /// domain is taken: verified by any tenant, or pending at any tenant since `stalePendingBefore` or later. An older
    /// pending record of another tenant is replaced, so an unproven claim cannot reserve someone's domain forever.
    func claimCustomDomain(_ domain: CustomDomain, tenantID: String, limit: Int, stalePendingBefore: Date)
        async throws -> Bool
    /// The tenant's custom domains.
    func customDomains(tenantID: String) async throws -> [CustomDomain]
    /// The tenant's custom domain with this Management API id, if any.
    func customDomain(id: String, tenantID: String) async throws -> CustomDomain?
    /// Removes the tenant's custom domain with this id; false when it has none. The domain stops resolving at once.
    func deleteCustomDomain(id: String, tenantID: String) async throws -> Bool
    /// Marks the tenant's domain verified.
    func markCustomDomainVerified(_ domain: String, tenantID: String, at date: Date) async throws
    /// The verified domain record for a request host; the one lookup that starts without a tenant id, because it
    /// is how a request finds its tenant.
    func verifiedCustomDomain(host: String) async throws -> CustomDomain?
}
