import AuthHeroCore
import GRDB

/// The synchronous writes of `StorageTransaction`, all on one open GRDB transaction in the registry file.
struct SQLiteTransaction: StorageTransaction {
    let db: Database
    /// Whether a tenant's rows live in this file; a write for any other tenant is refused, not misplaced.
    let holds: @Sendable (String) -> Bool

    func createTenant(_ tenant: Tenant) throws { try tenant.insert(db) }

    func updateTenant(_ tenant: Tenant) throws { try tenant.update(db) }

    func createOrganization(_ organization: Organization, tenantID: String) throws {
        try owned(organization, by: here(tenantID)).insert(db)
    }

    func addMember(_ membership: OrganizationMembership, tenantID: String) throws {
        try owned(membership, by: here(tenantID)).insert(db, onConflict: .ignore)
    }

    func assignRole(_ assignment: UserRole, tenantID: String) throws {
        try owned(assignment, by: here(tenantID)).insert(db, onConflict: .ignore)
    }

    func append(_ event: AuditEvent, tenantID: String) throws { try owned(event, by: here(tenantID)).insert(db) }

    private func here(_ tenantID: String) throws -> String {
        guard holds(tenantID) else {
            throw StorageError.tenantMismatch(expected: ControlPlane.tenantID, found: tenantID)
        }
        return tenantID
    }
}
