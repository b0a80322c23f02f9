import AuthHeroCore
import GRDB

/// The synchronous writes of `StorageTransaction`, all on one open GRDB transaction.
struct SQLiteTransaction: StorageTransaction {
    let db: Database

    func createTenant(_ tenant: Tenant) throws { try tenant.insert(db) }

    func updateTenant(_ tenant: Tenant) throws { try tenant.update(db) }

    func createOrganization(_ organization: Organization, tenantID: String) throws {
        try owned(organization, by: tenantID).insert(db)
    }

    func addMember(_ membership: OrganizationMembership, tenantID: String) throws {
        try owned(membership, by: tenantID).insert(db, onConflict: .ignore)
    }

    func assignRole(_ assignment: UserRole, tenantID: String) throws {
        try owned(assignment, by: tenantID).insert(db, onConflict: .ignore)
    }

    func append(_ event: AuditEvent, tenantID: String) throws { try owned(event, by: tenantID).insert(db) }
}
