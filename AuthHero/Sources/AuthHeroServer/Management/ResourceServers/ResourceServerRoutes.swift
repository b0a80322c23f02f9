import AuthHeroCore
import Hummingbird

/// `/api/v2/resource-servers`: the target tenant's APIs. The built-in management API cannot be changed or deleted,
/// synced copies are read-only in customer tenants, and control-plane writes are reported for sync. Declared in
/// `ResourceServerOperations.swift`.
struct ResourceServerRoutes: Sendable {
    let services: AuthHeroServices

    private var storage: any AuthHeroStorage { services.storage }
    private var report: ControlPlaneChangeReport { ControlPlaneChangeReport(services: services) }

    func list(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let page = try ManagementPage(request)
        let apis = try await storage.resourceServers(window: page.window, tenantID: caller.target.id)
        return page.response(apis.map(ManagementResourceServer.init), key: "resource_servers")
    }

    func get(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> Response
    {
        JSONResponse.make(ManagementResourceServer(try await existing(context, caller)))
    }

    func create(
        _ body: CreateResourceServerBody, _ request: Request, _ context: AuthHeroRequestContext,
        _ caller: ManagementCaller
    ) async throws -> Response {
        let identifier = try ResourceServerRules.identifier(body.identifier)
        let api = ResourceServer(
            tenantID: caller.target.id, id: RandomToken.identifier(prefix: "rs_"), identifier: identifier,
            name: body.name ?? identifier, scopes: try ResourceServerRules.scopes(body.scopes ?? []),
            enforcePolicies: body.enforcePolicies ?? false,
            tokenLifetime: try ResourceServerRules.tokenLifetime(body.tokenLifetime ?? 86_400),
            allowOfflineAccess: body.allowOfflineAccess ?? false,
            signingAlgorithm: body.signingAlg ?? .rs256, metadata: body.metadata ?? [:])
        do {
            try await storage.createResourceServer(api, tenantID: caller.target.id)
        } catch StorageError.conflict {
            throw ManagementError(
                status: .conflict, errorCode: "resource_server_conflict",
                message: "A resource server with identifier \(identifier) already exists.")
        }
        await services.accessInvalidation.invalidate(machineAccessOf: caller.target.id)
        await report.after(.resourceServerSaved(identifier: api.identifier), context)
        return JSONResponse.make(ManagementResourceServer(api), status: .created)
    }

    func update(
        _ body: UpdateResourceServerBody, _ request: Request, _ context: AuthHeroRequestContext,
        _ caller: ManagementCaller
    ) async throws -> Response {
        var api = try await existing(context, caller)
        try Self.refuseWrite(api, caller)
        guard body.identifier == nil || body.identifier == api.identifier else {
            throw ManagementError.invalidBody(
                "identifier cannot change: it is the audience of every token issued for this API. Create a new "
                    + "resource server instead.")
        }
        api.name = body.name ?? api.name
        if let scopes = body.scopes { api.scopes = try ResourceServerRules.scopes(scopes) }
        api.signingAlgorithm = body.signingAlg ?? api.signingAlgorithm
        if let lifetime = body.tokenLifetime { api.tokenLifetime = try ResourceServerRules.tokenLifetime(lifetime) }
        api.enforcePolicies = body.enforcePolicies ?? api.enforcePolicies
        api.allowOfflineAccess = body.allowOfflineAccess ?? api.allowOfflineAccess
        api.metadata = body.metadata ?? api.metadata
        do {
            try await storage.updateResourceServer(api, tenantID: caller.target.id)
        } catch StorageError.notFound {
            throw ManagementError.resourceServerNotFound
        }
        await services.accessInvalidation.invalidate(machineAccessOf: caller.target.id)
        await report.after(.resourceServerSaved(identifier: api.identifier), context)
        return JSONResponse.make(ManagementResourceServer(api))
    }

    func delete(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let api = try await existing(context, caller)
        try Self.refuseWrite(api, caller)
        guard try await storage.deleteResourceServer(id: api.id, tenantID: caller.target.id) else {
            throw ManagementError.resourceServerNotFound
        }
        await services.accessInvalidation.invalidate(machineAccessOf: caller.target.id)
        await report.after(.resourceServerDeleted(identifier: api.identifier), context)
        return Response(status: .noContent)
    }

    /// The resource server the path names by id or, as Auth0 allows, by identifier (percent-encoded).
    private func existing(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> ResourceServer
    {
        let reference = try ManagementRequest.pathParameter("id", context)
        if let api = try await storage.resourceServer(id: reference, tenantID: caller.target.id) { return api }
        guard let api = try await storage.resourceServer(identifier: reference, tenantID: caller.target.id) else {
            throw ManagementError.resourceServerNotFound
        }
        return api
    }

    /// The built-in management API is what every token for `/api/v2` is checked against, so it is never changed
    /// through the API; synced copies are changed in the control plane.
    private static func refuseWrite(_ api: ResourceServer, _ caller: ManagementCaller) throws {
        guard !api.isSystem else {
            throw ManagementError(
                status: .forbidden, errorCode: "operation_not_supported",
                message: "\(api.name) is the built-in Management API of this tenant; it cannot be changed or deleted.")
        }
        try ManagementError.refuseSyncedCopy(api.syncedFrom, "Resource server \(api.identifier)", caller: caller)
    }
}
