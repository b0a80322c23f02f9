import AuthHeroCore
import Hummingbird

/// `/api/v2/client-grants`: which clients may get client-credentials tokens for which API and scopes (declared in
/// `ClientGrantOperations.swift`). A deleted or narrowed grant takes effect at the next token request.
struct ClientGrantRoutes: Sendable {
    let services: AuthHeroServices

    private var storage: any AuthHeroStorage { services.storage }
    private var audit: ManagementWriteAudit { ManagementWriteAudit(services: services) }

    func list(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let page = try ManagementPage(request)
        let grants = try await storage.clientGrants(
            audience: ManagementRequest.filter("audience", request),
            clientID: ManagementRequest.filter("client_id", request), window: page.window, tenantID: caller.target.id)
        return page.response(grants.map(ManagementClientGrant.init), key: "client_grants")
    }

    func create(
        _ body: CreateClientGrantBody, _ request: Request, _ context: AuthHeroRequestContext,
        _ caller: ManagementCaller
    ) async throws -> Response {
        guard !body.clientID.isEmpty, try await storage.client(body.clientID, tenantID: caller.target.id) != nil
        else { throw ManagementError.clientNotFound }
        let api = try await ClientGrantRules.audience(body.audience, storage: storage, tenantID: caller.target.id)
        let grant = ClientGrant(
            tenantID: caller.target.id, id: RandomToken.identifier(prefix: "cgr_"), clientID: body.clientID,
            audience: api.identifier, scope: try ClientGrantRules.scope(body.scope, of: api, caller: caller))
        do {
            try await storage.createClientGrant(grant, tenantID: caller.target.id)
        } catch StorageError.conflict {
            throw ManagementError(
                status: .conflict, errorCode: "client_grant_conflict",
                message: "Client \(grant.clientID) already has a grant for \(grant.audience); change its scope with "
                    + "PATCH /api/v2/client-grants/{id}.")
        }
        await services.accessInvalidation.invalidate(machineAccessOf: caller.target.id)
        await audit.record(
            "client_grant.created", target: grant.id,
            details: [
                "client_id": grant.clientID, "audience": grant.audience, "scope": grant.scope.joined(separator: " "),
            ],
            context)
        return JSONResponse.make(ManagementClientGrant(grant), status: .created)
    }

    func update(
        _ body: UpdateClientGrantBody, _ request: Request, _ context: AuthHeroRequestContext,
        _ caller: ManagementCaller
    ) async throws -> Response {
        var grant = try await existingGrant(context, caller)
        let api = try await ClientGrantRules.audience(grant.audience, storage: storage, tenantID: caller.target.id)
        grant.scope = try ClientGrantRules.scope(body.scope, of: api, caller: caller)
        guard try await storage.updateClientGrantScope(id: grant.id, scope: grant.scope, tenantID: caller.target.id)
        else { throw ManagementError.clientGrantNotFound }
        await services.accessInvalidation.invalidate(machineAccessOf: caller.target.id)
        await audit.record(
            "client_grant.updated", target: grant.id, details: ["scope": grant.scope.joined(separator: " ")], context)
        return JSONResponse.make(ManagementClientGrant(grant))
    }

    func delete(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let grant = try await existingGrant(context, caller)
        guard try await storage.deleteClientGrant(id: grant.id, tenantID: caller.target.id) else {
            throw ManagementError.clientGrantNotFound
        }
        await services.accessInvalidation.invalidate(machineAccessOf: caller.target.id)
        await audit.record(
            "client_grant.deleted", target: grant.id,
            details: ["client_id": grant.clientID, "audience": grant.audience], context)
        return Response(status: .noContent)
    }

    /// The grant named by the path in the target tenant, or 404 `inexistent_client_grant`.
    private func existingGrant(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> ClientGrant
    {
        let grantID = try ManagementRequest.pathParameter("id", context)
        guard let grant = try await storage.clientGrant(id: grantID, tenantID: caller.target.id) else {
            throw ManagementError.clientGrantNotFound
        }
        return grant
    }
}

extension ManagementError {
    /// 404 `inexistent_client_grant`.
    static let clientGrantNotFound = notFound("inexistent_client_grant", "The client grant does not exist.")
}
