import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func createRole(_ role: Role, tenantID: String) async throws {
        try await write(tenantID) { try owned(role, by: tenantID).insert($0) }
    }

    public func role(_ roleID: String, tenantID: String) async throws -> Role? {
        try await read(tenantID) { try Role.fetchOne($0, key: ["tenant_id": tenantID, "id": roleID]) }
    }

    public func addPermissions(_ permissions: [RolePermission], tenantID: String) async throws {
        try await write(tenantID) { db in
            for permission in permissions { try owned(permission, by: tenantID).insert(db, onConflict: .ignore) }
        }
    }

    public func assignRole(_ assignment: UserRole, tenantID: String) async throws {
        try await write(tenantID) { try owned(assignment, by: tenantID).insert($0, onConflict: .ignore) }
    }

    public func permissions(
        userID: String, organizationID: String?, includeGlobal: Bool, audience: String, tenantID: String
    ) async throws -> [String] {
        try await read(tenantID) { db in
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

extension SQLiteStorage {
    public func roles(nameContains nameFilter: String?, window: ListWindow, tenantID: String) async throws
        -> ListSlice<Role>
    {
        try await slice(window, tenantID: tenantID) {
            var request = Role.filter(Column("tenant_id") == tenantID)
            if let nameFilter {
                request = request.filter(Column("name").like("%\(LikePattern.escaped(nameFilter))%", escape: "\\"))
            }
            return request.order(Column("name"))
        }
    }

    public func updateRole(_ role: Role, tenantID: String) async throws {
        try await write(tenantID) { try owned(role, by: tenantID).update($0) }
    }

    public func deleteRole(_ roleID: String, tenantID: String) async throws -> Bool {
        try await write(tenantID) { db in
            for table in ["role_permissions", "user_roles"] {
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE tenant_id = ? AND role_id = ?", arguments: [tenantID, roleID])
            }
            return try Role.deleteOne(db, key: ["tenant_id": tenantID, "id": roleID])
        }
    }

    public func permissions(ofRole roleID: String, window: ListWindow, tenantID: String) async throws
        -> ListSlice<RolePermission>
    {
        try await slice(window, tenantID: tenantID) {
            RolePermission.filter(Column("tenant_id") == tenantID && Column("role_id") == roleID)
                .order(Column("resource_server_identifier"), Column("permission_name"))
        }
    }

    public func removePermissions(_ permissions: [RolePermission], tenantID: String) async throws {
        try await write(tenantID) { db in
            for permission in permissions { _ = try owned(permission, by: tenantID).delete(db) }
        }
    }

    public func roles(ofUser userID: String, organizationID: String?, window: ListWindow, tenantID: String)
        async throws -> ListSlice<Role>
    {
        try await slice(window, tenantID: tenantID) {
            let assignments = UserRole.select(Column("role_id")).filter(
                Column("tenant_id") == tenantID && Column("user_id") == userID
                    && Column("organization_id") == organizationID)
            return Role.filter(Column("tenant_id") == tenantID && assignments.contains(Column("id")))
                .order(Column("name"))
        }
    }

    public func unassignRole(_ assignment: UserRole, tenantID: String) async throws {
        try await write(tenantID) { db in
            let assignment = try owned(assignment, by: tenantID)
            _ = try UserRole.filter(
                Column("tenant_id") == tenantID && Column("user_id") == assignment.userID
                    && Column("role_id") == assignment.roleID
                    && Column("organization_id") == assignment.organizationID
            ).deleteAll(db)
        }
    }

    public func users(withRole roleID: String, window: ListWindow, tenantID: String) async throws
        -> ListSlice<User>
    {
        try await slice(window, tenantID: tenantID) {
            let holders = UserRole.select(Column("user_id")).filter(
                Column("tenant_id") == tenantID && Column("role_id") == roleID)
            return User.filter(Column("tenant_id") == tenantID && holders.contains(Column("id")))
                .order(Column("created_at"), Column("id"))
        }
    }

    public func globalPermissions(ofUser userID: String, window: ListWindow, tenantID: String) async throws
        -> ListSlice<RolePermission>
    {
        try await slice(window, tenantID: tenantID) {
            let globalRoles = UserRole.select(Column("role_id")).filter(
                Column("tenant_id") == tenantID && Column("user_id") == userID && Column("organization_id") == nil)
            // One row per permission even when several roles grant it.
            return RolePermission.select(
                Column("tenant_id"), min(Column("role_id")).forKey("role_id"), Column("resource_server_identifier"),
                Column("permission_name")
            )
            .filter(Column("tenant_id") == tenantID && globalRoles.contains(Column("role_id")))
            .group(Column("resource_server_identifier"), Column("permission_name"))
            .order(Column("resource_server_identifier"), Column("permission_name"))
        }
    }
}
