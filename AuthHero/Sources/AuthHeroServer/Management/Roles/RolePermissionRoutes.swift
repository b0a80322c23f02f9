import AuthHeroCore
import Hummingbird

/// `/api/v2/roles/{id}/permissions` and `/api/v2/roles/{id}/users`.
struct RolePermissionRoutes {
    let services: AuthHeroServices
    let roles: RoleRoutes

    func register(on group: RouterGroup<AuthHeroRequestContext>) {
        let storage = services.storage
        let report = ControlPlaneChangeReport(services: services)
        group.get("roles/:id/permissions") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:roles")
            let page = try ManagementPage(request)
            let role = try await roles.existingRole(context, caller)
            let permissions = try await storage.permissions(
                ofRole: role.id, window: page.window, tenantID: caller.target.id)
            let apis = try await ManagementPermission.resourceServers(storage, tenantID: caller.target.id)
            return page.response(
                permissions.map { ManagementPermission($0, resourceServers: apis) }, key: "permissions")
        }
        group.post("roles/:id/permissions") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "update:roles")
            let role = try await roles.existingRole(context, caller)
            try ManagementError.refuseSyncedCopy(role.syncedFrom, "Role \(role.name)", caller: caller)
            let permissions = try await definedPermissions(try await Self.decode(request), role: role, caller)
            try await PermissionGrantRule.requireGrantable(
                permissions, by: caller, "A role may carry only Management API permissions your own token holds",
                services: services)
            try await storage.addPermissions(permissions, tenantID: caller.target.id)
            await report.after(.roleSaved(id: role.id), context)
            return Response(status: .created)
        }
        group.delete("roles/:id/permissions") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "update:roles")
            let role = try await roles.existingRole(context, caller)
            try ManagementError.refuseSyncedCopy(role.syncedFrom, "Role \(role.name)", caller: caller)
            let permissions = try await Self.decode(request).map {
                RolePermission(
                    tenantID: caller.target.id, roleID: role.id, resourceServerIdentifier: $0.resourceServerIdentifier,
                    permissionName: $0.permissionName)
            }
            try await storage.removePermissions(permissions, tenantID: caller.target.id)
            await report.after(.roleSaved(id: role.id), context)
            return Response(status: .ok)
        }
        group.get("roles/:id/users") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:role_members")
            let page = try ManagementPage(request)
            let role = try await roles.existingRole(context, caller)
            let users = try await storage.users(withRole: role.id, window: page.window, tenantID: caller.target.id)
            return page.response(users.map(ManagementUserSummary.init), key: "users")
        }
    }

    private static func decode(_ request: Request) async throws -> [RolePermissionsBody.Reference] {
        let body = try await ManagementRequest.body(RolePermissionsBody.self, request, shape: RolePermissionsBody.shape)
        guard !body.permissions.isEmpty else {
            throw ManagementError.invalidBody("The body must be \(RolePermissionsBody.shape).")
        }
        return body.permissions
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
