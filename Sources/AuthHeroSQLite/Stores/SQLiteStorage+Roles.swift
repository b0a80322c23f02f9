import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func createRole(_ role: Role, tenantID: String) async throws {
        try await write { try owned(role, by: tenantID).insert($0) }
    }

    public func role(_ roleID: String, tenantID: String) async throws -> Role? {
        try await read { try Role.fetchOne($0, key: ["tenant_id": tenantID, "id": roleID]) }
    }

    public func addPermissions(_ permissions: [RolePermission], tenantID: String) async throws {
        try await write { db in
            for permission in permissions { try owned(permission, by: tenantID).insert(db, onConflict: .ignore) }
        }
    }

    public func assignRole(_ assignment: UserRole, tenantID: String) async throws {
        try await write { try SQLiteTransaction(db: $0).assignRole(assignment, tenantID: tenantID) }
    }

    public func permissions(
        userID: String, organizationID: String?, includeGlobal: Bool, audience: String, tenantID: String
    ) async throws -> [String] {
        try await read { db in
            // Roles in the organization (if any), plus global roles (organization_id IS NULL) when asked or when
            // no organization is involved.
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT p.permission_name FROM user_roles ur
                    JOIN role_permissions p ON p.tenant_id = ur.tenant_id AND p.role_id = ur.role_id
                    WHERE ur.tenant_id = ? AND ur.user_id = ? AND p.resource_server_identifier = ?
                      AND ((? IS NOT NULL AND ur.organization_id = ?) OR (ur.organization_id IS NULL AND (? IS NULL OR ?)))
                    ORDER BY p.permission_name
                    """,
                arguments: [tenantID, userID, audience, organizationID, organizationID, organizationID, includeGlobal])
        }
    }
}
