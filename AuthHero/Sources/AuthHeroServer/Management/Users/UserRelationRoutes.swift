import AuthHeroCore
import Hummingbird

/// What hangs off a user: `/users/{id}/roles` (global roles), `/users/{id}/permissions` (what those roles grant)
/// and `/users/{id}/organizations`.
extension UserRoutes {
    func listRoles(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let storage = services.storage
        let page = try ManagementPage(request)
        let user = try await existingUser(context, caller)
        let roles = try await storage.roles(
            ofUser: user.id, organizationID: nil, window: page.window, tenantID: caller.target.id)
        return page.response(roles.map(ManagementRole.init), key: "roles")
    }

    func assignRoles(
        _ body: RoleIDsBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        let storage = services.storage
        let user = try await existingUser(context, caller)
        let roles = try await RoleLookup.existing(body.roles, caller, storage)
        try await PermissionGrantRule.requireAssignable(roles, by: caller, services: services)
        for role in roles {
            try await storage.assignRole(
                UserRole(tenantID: caller.target.id, userID: user.id, roleID: role.id), tenantID: caller.target.id)
        }
        return Response(status: .noContent)
    }

    func removeRoles(
        _ body: RoleIDsBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        let user = try await existingUser(context, caller)
        for roleID in body.roles {
            try await services.storage.unassignRole(
                UserRole(tenantID: caller.target.id, userID: user.id, roleID: roleID), tenantID: caller.target.id)
        }
        return Response(status: .noContent)
    }

    func listPermissions(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let storage = services.storage
        let page = try ManagementPage(request)
        let user = try await existingUser(context, caller)
        let permissions = try await storage.globalPermissions(
            ofUser: user.id, window: page.window, tenantID: caller.target.id)
        let apis = try await ManagementPermission.resourceServers(storage, tenantID: caller.target.id)
        return page.response(
            permissions.map { ManagementPermission($0, resourceServers: apis) }, key: "permissions")
    }

    func listOrganizations(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller)
        async throws -> Response
    {
        let page = try ManagementPage(request)
        let user = try await existingUser(context, caller)
        let organizations = try await services.storage.organizations(
            ofUser: user.id, window: page.window, tenantID: caller.target.id)
        return page.response(organizations.map(ManagementOrganization.init), key: "organizations")
    }
}
