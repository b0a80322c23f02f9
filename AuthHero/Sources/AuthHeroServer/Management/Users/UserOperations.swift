import HTTPTypes
import OpenAPIKit

extension UserRoutes: ManagementRouteGroup {
    var schemas: [(String, JSONSchema)] {
        [
            (
                "User",
                SpecSchema.record([
                    "user_id": .string, "email": .string(required: false), "email_verified": .boolean,
                    "username": .string(required: false), "name": .string(required: false), "blocked": .boolean,
                    "created_at": .string(format: .dateTime), "updated_at": .string(format: .dateTime),
                    "user_metadata": SpecSchema.stringMap(), "app_metadata": SpecSchema.stringMap(),
                    "identities": .array(
                        items: SpecSchema.record([
                            "connection": .string, "user_id": .string, "provider": .string, "isSocial": .boolean,
                        ])),
                ])
            ),
            (
                "UserSummary",
                SpecSchema.record([
                    "user_id": .string, "email": .string(required: false), "name": .string(required: false),
                ])
            ),
        ]
    }

    var operations: [ManagementOperation] {
        let tag = "Users"
        let user = SpecSchema.ref("User")
        return [
            ManagementOperation(
                .get, "users", "listUsers", summary: "List users, optionally searched by email", scope: "read:users",
                parameters: SpecOperation.paging + [SpecOperation.query("q")],
                response: SpecSchema.list("User", key: "users", length: true), tag: tag, handler: list),
            ManagementOperation(
                .get, "users-by-email", "usersByEmail", summary: "Users with this exact email", scope: "read:users",
                parameters: [.query(name: "email", required: true, schema: .string(minLength: 1))],
                response: .array(items: user), tag: tag, handler: byEmail),
            ManagementOperation(
                .get, "users/{id}", "getUser", summary: "A user", scope: "read:users", response: user, tag: tag,
                handler: get),
            ManagementOperation(
                .post, "users", "createUser", summary: "Create a user", scope: "create:users",
                body: CreateUserBody.self, status: 201, response: user, errors: [409], tag: tag, handler: create),
            ManagementOperation(
                .patch, "users/{id}", "updateUser", summary: "Update a user", scope: "update:users",
                body: UpdateUserBody.self, response: user, errors: [409], tag: tag, handler: update),
            ManagementOperation(
                .delete, "users/{id}", "deleteUser", summary: "Delete a user", scope: "delete:users", status: 204,
                response: nil, tag: tag, handler: delete),
            ManagementOperation(
                .get, "users/{id}/roles", "listUserRoles", summary: "A user's global roles", scope: "read:users",
                parameters: SpecOperation.paging, response: SpecSchema.list("Role", key: "roles"), tag: tag,
                handler: listRoles),
            ManagementOperation(
                .post, "users/{id}/roles", "assignUserRoles", summary: "Give a user roles", scope: "update:users",
                body: RoleIDsBody.self, status: 204, response: nil, tag: tag, handler: assignRoles),
            ManagementOperation(
                .delete, "users/{id}/roles", "removeUserRoles", summary: "Take roles from a user",
                scope: "update:users", body: RoleIDsBody.self, status: 204, response: nil, tag: tag,
                handler: removeRoles),
            ManagementOperation(
                .get, "users/{id}/permissions", "listUserPermissions", summary: "What a user's global roles grant",
                scope: "read:users", parameters: SpecOperation.paging,
                response: SpecSchema.list("Permission", key: "permissions"), tag: tag, handler: listPermissions),
            ManagementOperation(
                .get, "users/{id}/organizations", "listUserOrganizations",
                summary: "The organizations a user is a member of", scope: "read:organizations",
                parameters: SpecOperation.paging, response: SpecSchema.list("Organization", key: "organizations"),
                tag: tag, handler: listOrganizations),
        ]
    }
}
