import AuthHeroCore
import Hummingbird

/// What hangs off a user: `/users/{id}/roles` (global roles), `/users/{id}/permissions` (what those roles grant)
/// and `/users/{id}/organizations`.
struct UserRelationRoutes {
    let services: AuthHeroServices
    let users: UserRoutes

    func register(on group: RouterGroup<AuthHeroRequestContext>) {
        let storage = services.storage
        group.get("users/:id/roles") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:users")
            let page = try ManagementPage(request)
            let user = try await users.existingUser(context, caller)
            let roles = try await storage.roles(
                ofUser: user.id, organizationID: nil, window: page.window, tenantID: caller.target.id)
            return page.response(roles.map(ManagementRole.init), key: "roles")
        }
        group.post("users/:id/roles") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "update:users")
            let user = try await users.existingUser(context, caller)
            let roles = try await RoleLookup.existing(try await RoleIDsBody.decode(request).roles, caller, storage)
            try await PermissionGrantRule.requireAssignable(roles, by: caller, services: services)
            for role in roles {
                try await storage.assignRole(
                    UserRole(tenantID: caller.target.id, userID: user.id, roleID: role.id), tenantID: caller.target.id)
            }
            return Response(status: .noContent)
        }
        group.delete("users/:id/roles") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "update:users")
            let user = try await users.existingUser(context, caller)
            for roleID in try await RoleIDsBody.decode(request).roles {
                try await storage.unassignRole(
                    UserRole(tenantID: caller.target.id, userID: user.id, roleID: roleID), tenantID: caller.target.id)
            }
            return Response(status: .noContent)
        }
        group.get("users/:id/permissions") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:users")
            let page = try ManagementPage(request)
            let user = try await users.existingUser(context, caller)
            let permissions = try await storage.globalPermissions(
                ofUser: user.id, window: page.window, tenantID: caller.target.id)
            let apis = try await ManagementPermission.resourceServers(storage, tenantID: caller.target.id)
            return page.response(
                permissions.map { ManagementPermission($0, resourceServers: apis) }, key: "permissions")
        }
        group.get("users/:id/organizations") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:organizations")
            let page = try ManagementPage(request)
            let user = try await users.existingUser(context, caller)
            let organizations = try await storage.organizations(
                ofUser: user.id, window: page.window, tenantID: caller.target.id)
            return page.response(organizations.map(ManagementOrganization.init), key: "organizations")
        }
    }
}
