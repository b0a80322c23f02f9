import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func createOrganization(_ organization: Organization, tenantID: String) async throws {
        try await write { try SQLiteTransaction(db: $0).createOrganization(organization, tenantID: tenantID) }
    }

    public func organization(_ organizationID: String, tenantID: String) async throws -> Organization? {
        try await read { try Organization.fetchOne($0, key: ["tenant_id": tenantID, "id": organizationID]) }
    }

    public func organization(named name: String, tenantID: String) async throws -> Organization? {
        try await read { try Organization.fetchOne($0, key: ["tenant_id": tenantID, "name": name]) }
    }

    public func addMember(_ membership: OrganizationMembership, tenantID: String) async throws {
        try await write { try SQLiteTransaction(db: $0).addMember(membership, tenantID: tenantID) }
    }

    public func organizations(ofUser userID: String, tenantID: String) async throws -> [Organization] {
        try await read { db in
            try Organization.fetchAll(
                db,
                sql: """
                    SELECT o.* FROM organizations o
                    JOIN organization_members m ON m.tenant_id = o.tenant_id AND m.organization_id = o.id
                    WHERE o.tenant_id = ? AND m.user_id = ? ORDER BY o.name
                    """, arguments: [tenantID, userID])
        }
    }

    public func isMember(userID: String, organizationID: String, tenantID: String) async throws -> Bool {
        try await read { db in
            try OrganizationMembership.filter(
                Column("tenant_id") == tenantID && Column("organization_id") == organizationID
                    && Column("user_id") == userID
            ).fetchCount(db) > 0
        }
    }
}
