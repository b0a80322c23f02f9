import AuthHeroCore
import Hummingbird

/// `/api/v2/users` of the target tenant: list with `q` on email, lookup by email, read, create, update, delete.
/// Declared in `UserOperations.swift`.
struct UserRoutes: Sendable {
    let services: AuthHeroServices

    func list(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let page = try ManagementPage(request)
        let query = try UserSearch.parse(ManagementRequest.query("q", request))
        let users = try await services.storage.users(
            matching: query, window: page.window, tenantID: caller.target.id)
        return page.response(users.map(ManagementUser.init), key: "users", includeLength: true)
    }

    /// Auth0's exact-email lookup: a bare array (one user per connection at most).
    func byEmail(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        guard let email = ManagementRequest.query("email", request), !email.isEmpty else {
            throw ManagementError(
                status: .badRequest, errorCode: "invalid_query_string",
                message: "Pass the address to look up: /api/v2/users-by-email?email=someone@example.com.")
        }
        let users = try await services.storage.users(
            matching: .exact(email), window: ListWindow(offset: 0, limit: ManagementPage.maximumPerPage),
            tenantID: caller.target.id)
        return JSONResponse.make(users.items.map(ManagementUser.init))
    }

    func get(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> Response
    {
        JSONResponse.make(ManagementUser(try await existingUser(context, caller)))
    }

    func create(
        _ body: CreateUserBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        let new = UserAdministration.NewUser(
            connection: body.connection, email: body.email, password: body.password, name: body.name,
            username: body.username, emailVerified: body.emailVerified ?? false, blocked: body.blocked ?? false,
            userMetadata: body.userMetadata ?? [:], appMetadata: body.appMetadata ?? [:])
        let user = try await ManagementError.mapping {
            try await services.users.create(new, tenantID: caller.target.id)
        }
        return JSONResponse.make(ManagementUser(user), status: .created)
    }

    func update(
        _ body: UpdateUserBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        let userID = try ManagementRequest.pathParameter("id", context)
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
        return JSONResponse.make(ManagementUser(user))
    }

    func delete(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
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

    /// The user named by the path in the target tenant, or 404 `inexistent_user`.
    func existingUser(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> User {
        let userID = try ManagementRequest.pathParameter("id", context)
        guard let user = try await services.storage.user(userID, tenantID: caller.target.id) else {
            throw ManagementError.userNotFound
        }
        return user
    }
}
