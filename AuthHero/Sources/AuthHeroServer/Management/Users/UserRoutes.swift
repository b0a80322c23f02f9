import AuthHeroCore
import Hummingbird

/// `/api/v2/users` of the target tenant: list with `q` on email, lookup by email, read, create, update, delete.
struct UserRoutes {
    let services: AuthHeroServices

    func register(on group: RouterGroup<AuthHeroRequestContext>) {
        group.get("users") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:users")
            let page = try ManagementPage(request)
            let query = try UserSearch.parse(ManagementRequest.query("q", request))
            let users = try await services.storage.users(
                matching: query, window: page.window, tenantID: caller.target.id)
            return page.response(users.map(ManagementUser.init), key: "users", includeLength: true)
        }
        // Auth0's exact-email lookup: a bare array (one user per connection at most).
        group.get("users-by-email") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:users")
            guard let email = ManagementRequest.query("email", request), !email.isEmpty else {
                throw ManagementError(
                    status: .badRequest, errorCode: "invalid_query_string",
                    message: "Pass the address to look up: /api/v2/users-by-email?email=someone@example.com.")
            }
            let users = try await services.storage.users(
                matching: .exact(email), window: ListWindow(offset: 0, limit: ManagementPage.maximumPerPage),
                tenantID: caller.target.id)
            return JSONResponse.make(users.items.map(ManagementUser.init), headers: ManagementPage.noStore)
        }
        group.get("users/:id") { _, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:users")
            let user = try await existingUser(context, caller)
            return JSONResponse.make(ManagementUser(user), headers: ManagementPage.noStore)
        }
        group.post("users") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "create:users")
            let body = try await ManagementRequest.body(CreateUserBody.self, request, shape: CreateUserBody.shape)
            let new = UserAdministration.NewUser(
                connection: body.connection, email: body.email, password: body.password, name: body.name,
                username: body.username, emailVerified: body.emailVerified ?? false, blocked: body.blocked ?? false,
                userMetadata: body.userMetadata ?? [:], appMetadata: body.appMetadata ?? [:])
            let user = try await ManagementError.mapping {
                try await services.users.create(new, tenantID: caller.target.id)
            }
            return JSONResponse.make(ManagementUser(user), status: .created, headers: ManagementPage.noStore)
        }
        group.patch("users/:id") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "update:users")
            let userID = try ManagementRequest.pathParameter("id", context)
            let body = try await ManagementRequest.body(UpdateUserBody.self, request, shape: UpdateUserBody.shape)
            let changes = UserAdministration.Changes(
                email: body.email, password: body.password, name: body.name, username: body.username,
                emailVerified: body.emailVerified, blocked: body.blocked, userMetadata: body.userMetadata ?? [:],
                appMetadata: body.appMetadata ?? [:])
            let user = try await ManagementError.mapping {
                try await services.users.update(userID, changes, tenantID: caller.target.id)
            }
            if user.blocked {
                try await LiveAccessCheck(services: services).revoke(user: user.id, tenantID: caller.target.id)
            }
            return JSONResponse.make(ManagementUser(user), headers: ManagementPage.noStore)
        }
        group.delete("users/:id") { _, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "delete:users")
            let userID = try ManagementRequest.pathParameter("id", context)
            guard try await services.storage.user(userID, tenantID: caller.target.id) != nil else {
                throw ManagementError.userNotFound
            }
            try await LiveAccessCheck(services: services).revoke(user: userID, tenantID: caller.target.id)
            guard try await services.storage.deleteUser(userID, tenantID: caller.target.id) else {
                throw ManagementError.userNotFound
            }
            return Response(status: .noContent)
        }
        UserRelationRoutes(services: services, users: self).register(on: group)
    }

    /// The user named by the path in the target tenant, or 404 `inexistent_user`.
    func existingUser(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> User {
        let userID = try ManagementRequest.pathParameter("id", context)
        guard let user = try await services.storage.user(userID, tenantID: caller.target.id) else {
            throw ManagementError.userNotFound
        }
        return user
    }
}
