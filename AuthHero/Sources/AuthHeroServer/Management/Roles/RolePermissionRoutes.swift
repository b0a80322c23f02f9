import AuthHeroCore
import Hummingbird

/// `/api/v2/roles/{id}/permissions` and `/api/v2/roles/{id}/users`.
extension RoleRoutes {
    func listPermissions(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller)
        async throws -> Response
    {
        let page = try ManagementPage(request)
        let role = try await existingRole(context, caller)
        let storage = services.storage
        let permissions = try await storage.permissions(
            ofRole: role.id, window: page.window, tenantID: caller.target.id)
        let apis = try await ManagementPermission.resourceServers(storage, tenantID: caller.target.id)
        return page.response(permissions.map { ManagementPermission($0, resourceServers: apis) }, key: "permissions")
    }

    func addPermissions(
        _ body: RolePermissionsBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        let role = try await existingRole(context, caller)
        try ManagementError.refuseSyncedCopy(role.syncedFrom, "Role \(role.name)", caller: caller)
        let permissions = try await definedPermissions(body.permissions, role: role, caller)
        try await PermissionGrantRule.requireGrantable(
            permissions, by: caller, "A role may carry only Management API permissions your own token holds",
            services: services)
        try await services.storage.addPermissions(permissions, tenantID: caller.target.id)
        await report.after(.roleSaved(id: role.id), context)
        return Response(status: .created)
    }

    func removePermissions(
        _ body: RolePermissionsBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        let role = try await existingRole(context, caller)
        try ManagementError.refuseSyncedCopy(role.syncedFrom, "Role \(role.name)", caller: caller)
        let permissions = body.permissions.map {
            RolePermission(
                tenantID: caller.target.id, roleID: role.id, resourceServerIdentifier: $0.resourceServerIdentifier,
                permissionName: $0.permissionName)
        }
        try await services.storage.removePermissions(permissions, tenantID: caller.target.id)
        await report.after(.roleSaved(id: role.id), context)
        return Response(status: .ok)
    }

    func listUsers(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let page = try ManagementPage(request)
        let role = try await existingRole(context, caller)
        let users = try await services.storage.users(
            withRole: role.id, window: page.window, tenantID: caller.target.id)
        return page.response(users.map(ManagementUserSummary.init), key: "users")
    }

    /// The permissions to add, each a scope its resource server in this tenant defines: an unknown API is a 404, an
    /// undefined scope a 400, so a role never grants what no token could carry.
    private func definedPermissions(
        _ references: [RolePermissionsBody.Reference], role: Role, _ caller: ManagementCaller
    ) async throws -> [RolePermission] {
        var permissions: [RolePermission] = []
        for reference in references {
            guard
                let api = try await services.storage.resourceServer(
                    identifier: reference.resourceServerIdentifier, tenantID: caller.target.id)
            else {
                throw ManagementError.notFound(
                    "inexistent_resource_server",
                    "The resource server \(reference.resourceServerIdentifier) does not exist.")
            }
            guard api.scopes.contains(where: { $0.value == reference.permissionName }) else {
                throw ManagementError.invalidBody(
                    "The resource server \(api.identifier) defines no scope \(reference.permissionName); add it to the "
                        + "resource server's scopes first.")
            }
            permissions.append(
                RolePermission(
                    tenantID: caller.target.id, roleID: role.id, resourceServerIdentifier: api.identifier,
                    permissionName: reference.permissionName))
        }
        return permissions
    }
}
