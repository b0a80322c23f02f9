import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func createOrganization(_ organization: Organization, tenantID: String) async throws {
        try await write(tenantID) { try owned(organization, by: tenantID).insert($0) }
    }

    public func organization(_ organizationID: String, tenantID: String) async throws -> Organization? {
        try await read(tenantID) { try Organization.fetchOne($0, key: ["tenant_id": tenantID, "id": organizationID]) }
    }

    public func organization(named name: String, tenantID: String) async throws -> Organization? {
        try await read(tenantID) { try Organization.fetchOne($0, key: ["tenant_id": tenantID, "name": name]) }
    }

    public func addMember(_ membership: OrganizationMembership, tenantID: String) async throws {
        try await write(tenantID) { try owned(membership, by: tenantID).insert($0, onConflict: .ignore) }
    }

    public func organizations(ofUser userID: String, tenantID: String) async throws -> [Organization] {
        try await read(tenantID) { db in
            try Organization.fetchAll(
                db,
                sql: """
                    SELECT o.* FROM organizations o
                    JOIN organization_members m ON m.tenant_id = o.tenant_id AND m.organization_id = o.id
                    WHERE o.tenant_id = ? AND m.user_id = ? ORDER BY o.name
                    """, arguments: [tenantID, userID])
        }
    }

    public func organizations(containing text: String, memberID: String?, tenantID: String) async throws
        -> [Organization]
    {
        try await read(tenantID) { db in
            let pattern = "%\(LikePattern.escaped(text))%"
            var request = Organization.filter(Column("tenant_id") == tenantID).filter(
                Column("name").like(pattern, escape: "\\") || Column("display_name").like(pattern, escape: "\\"))
            if let memberID {
                let members = OrganizationMembership.filter(
                    Column("tenant_id") == tenantID && Column("user_id") == memberID
                ).select(Column("organization_id"))
                request = request.filter(members.contains(Column("id")))
            }
            return try request.order(Column("name")).fetchAll(db)
        }
    }

    public func isMember(userID: String, organizationID: String, tenantID: String) async throws -> Bool {
        try await read(tenantID) { db in
            try OrganizationMembership.filter(
                Column("tenant_id") == tenantID && Column("organization_id") == organizationID
                    && Column("user_id") == userID
            ).fetchCount(db) > 0
        }
    }
}

extension SQLiteStorage {
    public func organizations(window: ListWindow, tenantID: String) async throws -> ListSlice<Organization> {
        try await slice(window, tenantID: tenantID) {
            Organization.filter(Column("tenant_id") == tenantID).order(Column("name"))
        }
    }

    public func organizations(from: String?, take: Int, tenantID: String) async throws
        -> CheckpointSlice<Organization>
    {
        try await checkpoint(from: from, take: take, tenantID: tenantID, idColumn: Column("id"), id: \.id) {
            Organization.filter(Column("tenant_id") == tenantID)
        }
    }

    public func updateOrganization(_ organization: Organization, tenantID: String) async throws {
        try await write(tenantID) { try owned(organization, by: tenantID).update($0) }
    }

    public func deleteOrganization(_ organizationID: String, tenantID: String) async throws -> Bool {
        try await write(tenantID) { db in
            for table in ["organization_members", "user_roles"] {
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE tenant_id = ? AND organization_id = ?",
                    arguments: [tenantID, organizationID])
            }
            return try Organization.deleteOne(db, key: ["tenant_id": tenantID, "id": organizationID])
        }
    }

    public func members(of organizationID: String, window: ListWindow, tenantID: String) async throws
        -> ListSlice<User>
    {
        try await slice(window, tenantID: tenantID) {
            Self.members(of: organizationID, tenantID: tenantID).order(Column("id"))
        }
    }

    public func members(of organizationID: String, from: String?, take: Int, tenantID: String) async throws
        -> CheckpointSlice<User>
    {
        try await checkpoint(from: from, take: take, tenantID: tenantID, idColumn: Column("id"), id: \.id) {
            Self.members(of: organizationID, tenantID: tenantID)
        }
    }

    public func removeMember(userID: String, organizationID: String, tenantID: String) async throws {
        try await write(tenantID) { db in
            for table in ["organization_members", "user_roles"] {
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE tenant_id = ? AND organization_id = ? AND user_id = ?",
                    arguments: [tenantID, organizationID, userID])
            }
        }
    }

    public func organizations(ofUser userID: String, window: ListWindow, tenantID: String) async throws
        -> ListSlice<Organization>
    {
        try await slice(window, tenantID: tenantID) {
            let memberships = OrganizationMembership.select(Column("organization_id")).filter(
                Column("tenant_id") == tenantID && Column("user_id") == userID)
            return Organization.filter(Column("tenant_id") == tenantID && memberships.contains(Column("id")))
                .order(Column("name"))
        }
    }

    private static func members(of organizationID: String, tenantID: String) -> QueryInterfaceRequest<User> {
        let memberships = OrganizationMembership.select(Column("user_id")).filter(
            Column("tenant_id") == tenantID && Column("organization_id") == organizationID)
        return User.filter(Column("tenant_id") == tenantID && memberships.contains(Column("id")))
    }
}
