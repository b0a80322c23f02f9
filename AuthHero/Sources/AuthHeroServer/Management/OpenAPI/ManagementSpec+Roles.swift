import OpenAPIKit

extension ManagementSpec {
    /// `/api/v2/roles` (``RoleRoutes``, ``RolePermissionRoutes``).
    static var roles: SpecGroup {
        let tag = "Roles"
        let id = SpecOperation.path("id")
        let role = SpecSchema.ref("Role")
        let permissions = SpecSchema.ref("RolePermissions")
        return SpecGroup(
            schemas: [
                ("Role", SpecSchema.record(["id": .string, "name": .string, "description": .string])),
                (
                    "Permission",
                    SpecSchema.record([
                        "permission_name": .string, "resource_server_identifier": .string,
                        "resource_server_name": .string, "description": .string,
                    ])
                ),
                (
                    "CreateRole",
                    SpecSchema.body([
                        "name": .string(minLength: 1, maxLength: RoleName.maximumLength),
                        "description": .string(required: false),
                    ])
                ),
                (
                    "UpdateRole",
                    SpecSchema.body(["name": .string(required: false), "description": .string(required: false)])
                ),
                (
                    "RolePermissions",
                    SpecSchema.body([
                        "permissions": .array(
                            minItems: 1,
                            items: .object(properties: [
                                "resource_server_identifier": .string, "permission_name": .string,
                            ]))
                    ])
                ),
            ],
            routes: [
                SpecRoute(
                    .get, "/api/v2/roles", "listRoles", tag: tag, summary: "List roles", scope: "read:roles",
                    parameters: SpecOperation.paging + [SpecOperation.query("name_filter")],
                    response: SpecSchema.list("Role", key: "roles")),
                SpecRoute(
                    .post, "/api/v2/roles", "createRole", tag: tag, summary: "Create a role (200, as Auth0 answers)",
                    scope: "create:roles", body: SpecSchema.ref("CreateRole"), response: role, errors: [409]),
                SpecRoute(
                    .get, "/api/v2/roles/{id}", "getRole", tag: tag, summary: "A role", scope: "read:roles",
                    parameters: [id], response: role),
                SpecRoute(
                    .patch, "/api/v2/roles/{id}", "updateRole", tag: tag, summary: "Update a role",
                    scope: "update:roles", parameters: [id], body: SpecSchema.ref("UpdateRole"), response: role,
                    errors: [409]),
                SpecRoute(
                    .delete, "/api/v2/roles/{id}", "deleteRole", tag: tag, summary: "Delete a role",
                    scope: "delete:roles", parameters: [id], status: 204, response: nil),
                SpecRoute(
                    .get, "/api/v2/roles/{id}/permissions", "listRolePermissions", tag: tag,
                    summary: "The permissions a role grants", scope: "read:roles",
                    parameters: [id] + SpecOperation.paging, response: SpecSchema.list("Permission", key: "permissions")
                ),
                SpecRoute(
                    .post, "/api/v2/roles/{id}/permissions", "addRolePermissions", tag: tag,
                    summary: "Add permissions to a role", scope: "update:roles", parameters: [id], body: permissions,
                    status: 201, response: nil),
                SpecRoute(
                    .delete, "/api/v2/roles/{id}/permissions", "removeRolePermissions", tag: tag,
                    summary: "Remove permissions from a role", scope: "update:roles", parameters: [id],
                    body: permissions, response: nil),
                SpecRoute(
                    .get, "/api/v2/roles/{id}/users", "listRoleUsers", tag: tag, summary: "The users holding a role",
                    scope: "read:role_members", parameters: [id] + SpecOperation.paging,
                    response: SpecSchema.list("UserSummary", key: "users")),
            ])
    }
}
