import AuthHeroCore
import Hummingbird

/// `/api/v2/roles`: CRUD of the target tenant's roles (declared in `RoleOperations.swift`). Synced copies are
/// read-only in customer tenants; writes in the control plane are reported for sync.
struct RoleRoutes: Sendable {
    let services: AuthHeroServices

    private var storage: any AuthHeroStorage { services.storage }
    var report: ControlPlaneChangeReport { ControlPlaneChangeReport(services: services) }

    func list(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let page = try ManagementPage(request)
        let filter = ManagementRequest.query("name_filter", request).flatMap { $0.isEmpty ? nil : $0 }
        let roles = try await storage.roles(nameContains: filter, window: page.window, tenantID: caller.target.id)
        return page.response(roles.map(ManagementRole.init), key: "roles")
    }

    func create(
        _ body: CreateRoleBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
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
        return JSONResponse.make(ManagementRole(role))
    }

    func get(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        JSONResponse.make(ManagementRole(try await existingRole(context, caller)))
    }

    func update(
        _ body: UpdateRoleBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        var role = try await existingRole(context, caller)
        try ManagementError.refuseSyncedCopy(role.syncedFrom, "Role \(role.name)", caller: caller)
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
        return JSONResponse.make(ManagementRole(role))
    }

    func delete(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let role = try await existingRole(context, caller)
        try ManagementError.refuseSyncedCopy(role.syncedFrom, "Role \(role.name)", caller: caller)
        guard try await storage.deleteRole(role.id, tenantID: caller.target.id) else {
            throw ManagementError.roleNotFound
        }
        await report.after(.roleDeleted(id: role.id), context)
        return Response(status: .noContent)
    }

    /// The role named by the path in the target tenant, or 404 `inexistent_role`.
    func existingRole(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> Role {
        let roleID = try ManagementRequest.pathParameter("id", context)
        guard let role = try await storage.role(roleID, tenantID: caller.target.id) else {
            throw ManagementError.roleNotFound
        }
        return role
    }

    private static func nameTaken(_ name: String) -> ManagementError {
        ManagementError(status: .conflict, errorCode: "role_conflict", message: "A role named \(name) already exists.")
    }
}
