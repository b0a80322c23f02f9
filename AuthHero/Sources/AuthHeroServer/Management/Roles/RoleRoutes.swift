import AuthHeroCore
import Hummingbird

/// `/api/v2/roles`: CRUD of the target tenant's roles. Synced copies are read-only in customer tenants; writes in
/// the control plane are reported for sync.
struct RoleRoutes {
    let services: AuthHeroServices

    func register(on group: RouterGroup<AuthHeroRequestContext>) {
        let storage = services.storage
        let report = ControlPlaneChangeReport(services: services)
        group.get("roles") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:roles")
            let page = try ManagementPage(request)
            let filter = ManagementRequest.query("name_filter", request).flatMap { $0.isEmpty ? nil : $0 }
            let roles = try await storage.roles(nameContains: filter, window: page.window, tenantID: caller.target.id)
            return page.response(roles.map(ManagementRole.init), key: "roles")
        }
        group.post("roles") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "create:roles")
            let body = try await ManagementRequest.body(CreateRoleBody.self, request, shape: CreateRoleBody.shape)
            let role = Role(
                tenantID: caller.target.id, id: RandomToken.identifier(prefix: "rol_"),
                name: try RoleName.validated(body.name), description: body.description ?? "")
            do {
                try await storage.createRole(role, tenantID: caller.target.id)
            } catch StorageError.conflict {
                throw Self.nameTaken(role.name)
            }
            await report.after(.roleSaved(id: role.id), context)
            // Auth0 answers a created role with 200, not 201.
            return JSONResponse.make(ManagementRole(role), headers: ManagementPage.noStore)
        }
        group.get("roles/:id") { _, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:roles")
            return JSONResponse.make(
                ManagementRole(try await existingRole(context, caller)), headers: ManagementPage.noStore)
        }
        group.patch("roles/:id") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "update:roles")
            var role = try await existingRole(context, caller)
            try ManagementError.refuseSyncedCopy(role.syncedFrom, "Role \(role.name)", caller: caller)
            let body = try await ManagementRequest.body(UpdateRoleBody.self, request, shape: UpdateRoleBody.shape)
            if let name = body.name { role.name = try RoleName.validated(name) }
            role.description = body.description ?? role.description
            do {
                try await storage.updateRole(role, tenantID: caller.target.id)
            } catch StorageError.conflict {
                throw Self.nameTaken(role.name)
            } catch StorageError.notFound {
                throw ManagementError.roleNotFound
            }
            await report.after(.roleSaved(id: role.id), context)
            return JSONResponse.make(ManagementRole(role), headers: ManagementPage.noStore)
        }
        group.delete("roles/:id") { _, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "delete:roles")
            let role = try await existingRole(context, caller)
            try ManagementError.refuseSyncedCopy(role.syncedFrom, "Role \(role.name)", caller: caller)
            guard try await storage.deleteRole(role.id, tenantID: caller.target.id) else {
                throw ManagementError.roleNotFound
            }
            await report.after(.roleDeleted(id: role.id), context)
            return Response(status: .noContent)
        }
        RolePermissionRoutes(services: services, roles: self).register(on: group)
    }

    /// The role named by the path in the target tenant, or 404 `inexistent_role`.
    func existingRole(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> Role {
        let roleID = try ManagementRequest.pathParameter("id", context)
        guard let role = try await services.storage.role(roleID, tenantID: caller.target.id) else {
            throw ManagementError.roleNotFound
        }
        return role
    }

    private static func nameTaken(_ name: String) -> ManagementError {
        ManagementError(status: .conflict, errorCode: "role_conflict", message: "A role named \(name) already exists.")
    }
}
