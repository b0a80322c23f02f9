import AuthHeroCore
import Hummingbird

/// `/api/v2/users` of the target tenant: list with `q` on email, read, create, update, delete.
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
        group.get("users/:id") { _, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:users")
            let user = try await existingUser(context, caller)
            return JSONResponse.make(ManagementUser(user), headers: ManagementPage.noStore)
        }
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
