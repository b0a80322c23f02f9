import AuthHeroCore
import Foundation
import PostgresNIO

extension PostgresStorage: OrganizationStore {
    public func createOrganization(_ organization: Organization, tenantID: String) async throws {
        try await insert(organization, into: "organizations", tenantID: tenantID)
    }

    public func organization(_ organizationID: String, tenantID: String) async throws -> Organization? {
        try await find(Organization.self, in: "organizations", where: "id", is: organizationID, tenantID: tenantID)
    }

    public func organization(named name: String, tenantID: String) async throws -> Organization? {
        try await find(Organization.self, in: "organizations", where: "name", is: name, tenantID: tenantID)
    }

    public func addMember(_ membership: OrganizationMembership, tenantID: String) async throws {
        try await insert(membership, into: "organization_members", tenantID: tenantID, ignoringConflicts: true)
    }

    public func organizations(ofUser userID: String, tenantID: String) async throws -> [Organization] {
        try await withTenant(tenantID) {
            try await $0.records(
                Organization.self,
                """
                SELECT to_jsonb(o)::text FROM organizations o
                JOIN organization_members m ON m.tenant_id = o.tenant_id AND m.organization_id = o.id
                WHERE o.tenant_id = \(tenantID) AND m.user_id = \(userID) ORDER BY o.name
                """)
        }
    }

    public func organizations(containing text: String, memberID: String?, tenantID: String) async throws
        -> [Organization]
    {
        // LIKE's own characters match themselves; backslash is PostgreSQL's default escape.
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%\(escaped)%"
        return try await withTenant(tenantID) {
            try await $0.records(
                Organization.self,
                """
                SELECT to_jsonb(o)::text FROM organizations o
                WHERE o.tenant_id = \(tenantID) AND (o.name ILIKE \(pattern) OR o.display_name ILIKE \(pattern))
                AND (\(memberID)::text IS NULL OR o.id IN (
                    SELECT organization_id FROM organization_members
                    WHERE tenant_id = \(tenantID) AND user_id = \(memberID)))
                ORDER BY o.name
                """)
        }
    }

    public func isMember(userID: String, organizationID: String, tenantID: String) async throws -> Bool {
        try await withTenant(tenantID) {
            try await $0.integer(
                """
                SELECT count(*)::bigint FROM organization_members
                WHERE tenant_id = \(tenantID) AND organization_id = \(organizationID) AND user_id = \(userID)
                """) > 0
        }
    }

    public func organizations(window: ListWindow, tenantID: String) async throws -> ListSlice<Organization> {
        try await withTenant(tenantID) {
            try await $0.slice(
                Organization.self, row: "to_jsonb(o)::text", "FROM organizations o WHERE tenant_id = \(tenantID)",
                orderBy: "name", window: window)
        }
    }

    public func organizations(from: String?, take: Int, tenantID: String) async throws
        -> CheckpointSlice<Organization>
    {
        try await withTenant(tenantID) {
            try await $0.checkpoint(
                Organization.self, row: "to_jsonb(o)::text", "FROM organizations o WHERE tenant_id = \(tenantID)",
                idColumn: "id", from: from, take: take, id: \.id)
        }
    }

    public func updateOrganization(_ organization: Organization, tenantID: String) async throws {
        try await replace(
            organization, in: "organizations", key: ["tenant_id", "id"], tenantID: tenantID,
            what: "organization \(organization.id)")
    }

    public func deleteOrganization(_ organizationID: String, tenantID: String) async throws -> Bool {
        try await withTenant(tenantID) { session in
            // Memberships cascade; role assignments name the organization without a foreign key.
            try await session.run(
                "DELETE FROM user_roles WHERE tenant_id = \(tenantID) AND organization_id = \(organizationID)")
            return try await session.changes(
                "DELETE FROM organizations WHERE tenant_id = \(tenantID) AND id = \(organizationID) RETURNING 1") > 0
        }
    }

    public func members(of organizationID: String, window: ListWindow, tenantID: String) async throws
        -> ListSlice<User>
    {
        try await withTenant(tenantID) {
            try await $0.slice(
                User.self, row: "to_jsonb(u)::text", Self.members(of: organizationID, tenantID: tenantID),
                orderBy: "id", window: window)
        }
    }

    public func members(of organizationID: String, from: String?, take: Int, tenantID: String) async throws
        -> CheckpointSlice<User>
    {
        try await withTenant(tenantID) {
            try await $0.checkpoint(
                User.self, row: "to_jsonb(u)::text", Self.members(of: organizationID, tenantID: tenantID),
                idColumn: "id", from: from, take: take, id: \.id)
        }
    }

    public func removeMember(userID: String, organizationID: String, tenantID: String) async throws {
        try await withTenant(tenantID) { session in
            for table in ["organization_members", "user_roles"] {
                try await session.run(
                    """
                    DELETE FROM \(unescaped: SQLName.quoted(table))
                    WHERE tenant_id = \(tenantID) AND organization_id = \(organizationID) AND user_id = \(userID)
                    """)
            }
        }
    }

    public func organizations(ofUser userID: String, window: ListWindow, tenantID: String) async throws
        -> ListSlice<Organization>
    {
        try await withTenant(tenantID) {
            try await $0.slice(
                Organization.self, row: "to_jsonb(o)::text",
                """
                FROM organizations o WHERE tenant_id = \(tenantID) AND id IN (
                    SELECT organization_id FROM organization_members WHERE tenant_id = \(tenantID) AND user_id = \(userID))
                """, orderBy: "name", window: window)
        }
    }

    private static func members(of organizationID: String, tenantID: String) -> PostgresQuery {
        """
        FROM users u WHERE tenant_id = \(tenantID) AND id IN (
            SELECT user_id FROM organization_members WHERE tenant_id = \(tenantID) AND organization_id = \(organizationID))
        """
    }
}
