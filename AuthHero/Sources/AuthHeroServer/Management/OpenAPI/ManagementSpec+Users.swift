import AuthHeroCore
import OpenAPIKit

extension ManagementSpec {
    /// `/api/v2/users` (``UserRoutes``, ``UserRelationRoutes``).
    static var users: SpecGroup {
        let tag = "Users"
        let id = SpecOperation.path("id")
        let user = SpecSchema.ref("User")
        return SpecGroup(
            schemas: [
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
                (
                    "CreateUser",
                    SpecSchema.body([
                        "connection": .string, "email": .string(format: .email),
                        "password": .string(minLength: PasswordPolicy().minimumLength),
                        "name": .string(required: false), "username": .string(required: false),
                        "email_verified": .boolean(required: false), "blocked": .boolean(required: false),
                        "user_metadata": SpecSchema.stringMap(required: false),
                        "app_metadata": SpecSchema.stringMap(required: false),
                    ])
                ),
                (
                    "UpdateUser",
                    SpecSchema.body([
                        "email": .string(required: false), "password": .string(required: false),
                        "name": .string(required: false), "username": .string(required: false),
                        "email_verified": .boolean(required: false), "blocked": .boolean(required: false),
                        "user_metadata": SpecSchema.metadataChanges, "app_metadata": SpecSchema.metadataChanges,
                    ])
                ),
            ],
            routes: [
                SpecRoute(
                    .get, "/api/v2/users", "listUsers", tag: tag, summary: "List users, optionally searched by email",
                    scope: "read:users",
                    parameters: SpecOperation.paging + [SpecOperation.query("q")],
                    response: SpecSchema.list("User", key: "users", length: true)),
                SpecRoute(
                    .get, "/api/v2/users-by-email", "usersByEmail", tag: tag, summary: "Users with this exact email",
                    scope: "read:users",
                    parameters: [.query(name: "email", required: true, schema: .string(minLength: 1))],
                    response: .array(items: user)),
                SpecRoute(
                    .get, "/api/v2/users/{id}", "getUser", tag: tag, summary: "A user", scope: "read:users",
                    parameters: [id], response: user),
                SpecRoute(
                    .post, "/api/v2/users", "createUser", tag: tag, summary: "Create a user", scope: "create:users",
                    body: SpecSchema.ref("CreateUser"), status: 201, response: user, errors: [409]),
                SpecRoute(
                    .patch, "/api/v2/users/{id}", "updateUser", tag: tag, summary: "Update a user",
                    scope: "update:users", parameters: [id], body: SpecSchema.ref("UpdateUser"), response: user,
                    errors: [409]),
                SpecRoute(
                    .delete, "/api/v2/users/{id}", "deleteUser", tag: tag, summary: "Delete a user",
                    scope: "delete:users", parameters: [id], status: 204, response: nil),
                SpecRoute(
                    .get, "/api/v2/users/{id}/roles", "listUserRoles", tag: tag, summary: "A user's global roles",
                    scope: "read:users", parameters: [id] + SpecOperation.paging,
                    response: SpecSchema.list("Role", key: "roles")),
                SpecRoute(
                    .post, "/api/v2/users/{id}/roles", "assignUserRoles", tag: tag, summary: "Give a user roles",
                    scope: "update:users", parameters: [id], body: SpecSchema.ids("roles"), status: 204,
                    response: nil),
                SpecRoute(
                    .delete, "/api/v2/users/{id}/roles", "removeUserRoles", tag: tag,
                    summary: "Take roles from a user", scope: "update:users", parameters: [id],
                    body: SpecSchema.ids("roles"), status: 204, response: nil),
                SpecRoute(
                    .get, "/api/v2/users/{id}/permissions", "listUserPermissions", tag: tag,
                    summary: "What a user's global roles grant", scope: "read:users",
                    parameters: [id] + SpecOperation.paging, response: SpecSchema.list("Permission", key: "permissions")
                ),
                SpecRoute(
                    .get, "/api/v2/users/{id}/organizations", "listUserOrganizations", tag: tag,
                    summary: "The organizations a user is a member of", scope: "read:organizations",
                    parameters: [id] + SpecOperation.paging,
                    response: SpecSchema.list("Organization", key: "organizations")),
            ])
    }
}
