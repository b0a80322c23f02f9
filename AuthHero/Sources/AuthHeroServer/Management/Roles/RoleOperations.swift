import HTTPTypes
import OpenAPIKit

extension RoleRoutes: ManagementRouteGroup {
    var schemas: [(String, JSONSchema)] {
        [
            ("Role", SpecSchema.record(["id": .string, "name": .string, "description": .string])),
            (
                "Permission",
                SpecSchema.record([
                    "permission_name": .string, "resource_server_identifier": .string,
                    "resource_server_name": .string, "description": .string,
                ])
            ),
        ]
    }

    var operations: [ManagementOperation] {
        let tag = "Roles"
        let role = SpecSchema.ref("Role")
        return [
            ManagementOperation(
                .get, "roles", "listRoles", summary: "List roles", scope: "read:roles",
                parameters: SpecOperation.paging + [SpecOperation.query("name_filter")],
                response: SpecSchema.list("Role", key: "roles"), tag: tag, handler: list),
            ManagementOperation(
                .post, "roles", "createRole", summary: "Create a role (200, as Auth0 answers)", scope: "create:roles",
                body: CreateRoleBody.self, response: role, errors: [409], tag: tag, handler: create),
            ManagementOperation(
                .get, "roles/{id}", "getRole", summary: "A role", scope: "read:roles", response: role, tag: tag,
                handler: get),
            ManagementOperation(
                .patch, "roles/{id}", "updateRole", summary: "Update a role", scope: "update:roles",
                body: UpdateRoleBody.self, response: role, errors: [409], tag: tag, handler: update),
            ManagementOperation(
                .delete, "roles/{id}", "deleteRole", summary: "Delete a role", scope: "delete:roles", status: 204,
                response: nil, tag: tag, handler: delete),
            ManagementOperation(
                .get, "roles/{id}/permissions", "listRolePermissions", summary: "The permissions a role grants",
                scope: "read:roles", parameters: SpecOperation.paging,
                response: SpecSchema.list("Permission", key: "permissions"), tag: tag, handler: listPermissions),
            ManagementOperation(
                .post, "roles/{id}/permissions", "addRolePermissions", summary: "Add permissions to a role",
                scope: "update:roles", body: RolePermissionsBody.self, status: 201, response: nil, tag: tag,
                handler: addPermissions),
            ManagementOperation(
                .delete, "roles/{id}/permissions", "removeRolePermissions", summary: "Remove permissions from a role",
                scope: "update:roles", body: RolePermissionsBody.self, response: nil, tag: tag,
                handler: removePermissions),
            ManagementOperation(
                .get, "roles/{id}/users", "listRoleUsers", summary: "The users holding a role",
                scope: "read:role_members", parameters: SpecOperation.paging,
                response: SpecSchema.list("UserSummary", key: "users"), tag: tag, handler: listUsers),
        ]
    }
}
