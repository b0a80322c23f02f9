/// The writes that must land together or not at all (e.g. the control plane's "tenant + organization + link +
/// membership" record). Synchronous on purpose: the work runs inside one database transaction.
public protocol StorageTransaction {
    /// Inserts a tenant.
    func createTenant(_ tenant: Tenant) throws
    /// Replaces a tenant's mutable fields.
    func updateTenant(_ tenant: Tenant) throws
    /// Inserts an organization.
    func createOrganization(_ organization: Organization, tenantID: String) throws
    /// Adds a member.
    func addMember(_ membership: OrganizationMembership, tenantID: String) throws
    /// Gives a role to a user.
    func assignRole(_ assignment: UserRole, tenantID: String) throws
    /// Appends an audit event.
    func append(_ event: AuditEvent, tenantID: String) throws
}
