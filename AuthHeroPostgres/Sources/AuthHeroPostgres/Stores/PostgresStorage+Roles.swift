import AuthHeroCore
import PostgresNIO

extension PostgresStorage: RoleStore {
    public func createRole(_ role: Role, tenantID: String) async throws {
        try await insert(role, into: "roles", tenantID: tenantID)
    }

    public func role(_ roleID: String, tenantID: String) async throws -> Role? {
        try await find(Role.self, in: "roles", where: "id", is: roleID, tenantID: tenantID)
    }

    public func addPermissions(_ permissions: [RolePermission], tenantID: String) async throws {
        for permission in permissions { try requireTenant(permission.tenantID, is: tenantID) }
        try await withTenant(tenantID) { session in
            for permission in permissions {
                try await session.insert(permission, into: "role_permissions", ignoringConflicts: true)
            }
        }
    }

    public func assignRole(_ assignment: UserRole, tenantID: String) async throws {
        try await insert(assignment, into: "user_roles", tenantID: tenantID, ignoringConflicts: true)
    }

    public func permissions(
        userID: String, organizationID: String?, includeGlobal: Bool, audience: String, tenantID: String
    ) async throws -> [String] {
        // Roles in the organization (if any), plus global roles (organization_id IS NULL) when asked or when no
        // organization is involved.
        try await withTenant(tenantID) {
            try await $0.texts(
                """
                SELECT DISTINCT p.permission_name FROM user_roles ur
                JOIN role_permissions p ON p.tenant_id = ur.tenant_id AND p.role_id = ur.role_id
                WHERE ur.tenant_id = \(tenantID) AND ur.user_id = \(userID) AND p.resource_server_identifier = \(audience)
                AND ((\(organizationID)::text IS NOT NULL AND ur.organization_id = \(organizationID))
                    OR (ur.organization_id IS NULL AND (\(organizationID)::text IS NULL OR \(includeGlobal))))
                ORDER BY p.permission_name
                """)
        }
    }

    public func roles(nameContains nameFilter: String?, window: ListWindow, tenantID: String) async throws
        -> ListSlice<Role>
    {
        let pattern = nameFilter.map { "%\(LikePattern.escaped($0))%" }
        return try await withTenant(tenantID) {
            try await $0.slice(
                Role.self, row: "to_jsonb(r)::text",
                """
                FROM roles r WHERE tenant_id = \(tenantID) AND (\(pattern)::text IS NULL OR name ILIKE \(pattern) ESCAPE '\\')
                """, orderBy: "name", window: window)
        }
    }

    public func updateRole(_ role: Role, tenantID: String) async throws {
        try await replace(
            role, in: "roles", key: ["tenant_id", "id"], tenantID: tenantID, what: "role \(role.id)")
    }

    public func deleteRole(_ roleID: String, tenantID: String) async throws -> Bool {
        // Permissions and assignments cascade.
        try await withTenant(tenantID) {
            try await $0.changes("DELETE FROM roles WHERE tenant_id = \(tenantID) AND id = \(roleID) RETURNING 1") > 0
        }
    }

    public func permissions(ofRole roleID: String, window: ListWindow, tenantID: String) async throws
        -> ListSlice<RolePermission>
    {
        try await withTenant(tenantID) {
            try await $0.slice(
                RolePermission.self, row: "to_jsonb(p)::text",
                "FROM role_permissions p WHERE tenant_id = \(tenantID) AND role_id = \(roleID)",
                orderBy: "resource_server_identifier, permission_name", window: window)
        }
    }

    public func removePermissions(_ permissions: [RolePermission], tenantID: String) async throws {
        for permission in permissions { try requireTenant(permission.tenantID, is: tenantID) }
        try await withTenant(tenantID) { session in
            for permission in permissions {
                try await session.run(
                    """
                    DELETE FROM role_permissions WHERE tenant_id = \(tenantID) AND role_id = \(permission.roleID)
                    AND resource_server_identifier = \(permission.resourceServerIdentifier)
                    AND permission_name = \(permission.permissionName)
                    """)
            }
        }
    }

    public func roles(ofUser userID: String, organizationID: String?, window: ListWindow, tenantID: String)
        async throws -> ListSlice<Role>
    {
        try await withTenant(tenantID) {
            try await $0.slice(
                Role.self, row: "to_jsonb(r)::text",
                """
                FROM roles r WHERE tenant_id = \(tenantID) AND id IN (
                    SELECT role_id FROM user_roles WHERE tenant_id = \(tenantID) AND user_id = \(userID)
                    AND organization_id IS NOT DISTINCT FROM \(organizationID))
                """, orderBy: "name", window: window)
        }
    }

    public func unassignRole(_ assignment: UserRole, tenantID: String) async throws {
        try requireTenant(assignment.tenantID, is: tenantID)
        try await withTenant(tenantID) {
            try await $0.run(
                """
                DELETE FROM user_roles WHERE tenant_id = \(tenantID) AND user_id = \(assignment.userID)
                AND role_id = \(assignment.roleID) AND organization_id IS NOT DISTINCT FROM \(assignment.organizationID)
                """)
        }
    }

    public func users(withRole roleID: String, window: ListWindow, tenantID: String) async throws
        -> ListSlice<User>
    {
        try await withTenant(tenantID) {
            try await $0.slice(
                User.self, row: "to_jsonb(u)::text",
                """
                FROM users u WHERE tenant_id = \(tenantID) AND id IN (
                    SELECT user_id FROM user_roles WHERE tenant_id = \(tenantID) AND role_id = \(roleID))
                """, orderBy: "created_at, id", window: window)
        }
    }

    public func globalPermissions(ofUser userID: String, window: ListWindow, tenantID: String) async throws
        -> ListSlice<RolePermission>
    {
        // One row per permission even when several roles grant it (`role_id` is the first that does).
        try await withTenant(tenantID) {
            try await $0.slice(
                RolePermission.self,
                row: "json_build_object('tenant_id', min(tenant_id), 'role_id', min(role_id), "
                    + "'resource_server_identifier', resource_server_identifier, 'permission_name', permission_name)::text",
                """
                FROM role_permissions WHERE tenant_id = \(tenantID) AND role_id IN (
                    SELECT role_id FROM user_roles WHERE tenant_id = \(tenantID) AND user_id = \(userID)
                    AND organization_id IS NULL)
                GROUP BY resource_server_identifier, permission_name
                """, orderBy: "resource_server_identifier, permission_name", window: window)
        }
    }
}
