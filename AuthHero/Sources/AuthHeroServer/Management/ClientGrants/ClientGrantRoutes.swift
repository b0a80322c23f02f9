import AuthHeroCore
import Hummingbird

/// `/api/v2/client-grants`: which clients may get client-credentials tokens for which API and scopes. A deleted or
/// narrowed grant takes effect at the next token request.
struct ClientGrantRoutes {
    let services: AuthHeroServices

    func register(on group: RouterGroup<AuthHeroRequestContext>) {
        let storage = services.storage
        let audit = ManagementWriteAudit(services: services)
        group.get("client-grants") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:client_grants")
            let page = try ManagementPage(request)
            let grants = try await storage.clientGrants(
                audience: ManagementRequest.filter("audience", request),
                clientID: ManagementRequest.filter("client_id", request),
                window: page.window, tenantID: caller.target.id)
            return page.response(grants.map(ManagementClientGrant.init), key: "client_grants")
        }
        group.post("client-grants") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "create:client_grants")
            let body = try await ManagementRequest.strictBody(
                CreateClientGrantBody.self, request, shape: CreateClientGrantBody.shape)
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
                    message: "Client \(grant.clientID) already has a grant for \(grant.audience); change its scope "
                        + "with PATCH /api/v2/client-grants/{id}.")
            }
            await audit.record(
                "client_grant.created", target: grant.id,
                details: [
                    "client_id": grant.clientID, "audience": grant.audience,
                    "scope": grant.scope.joined(separator: " "),
                ],
                context)
            return JSONResponse.make(ManagementClientGrant(grant), status: .created, headers: ManagementPage.noStore)
        }
        group.patch("client-grants/:id") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "update:client_grants")
            var grant = try await existing(context, caller)
            let body = try await ManagementRequest.strictBody(
                UpdateClientGrantBody.self, request, shape: UpdateClientGrantBody.shape)
            let api = try await ClientGrantRules.audience(grant.audience, storage: storage, tenantID: caller.target.id)
            grant.scope = try ClientGrantRules.scope(body.scope, of: api, caller: caller)
            guard try await storage.updateClientGrantScope(id: grant.id, scope: grant.scope, tenantID: caller.target.id)
            else { throw ManagementError.clientGrantNotFound }
            await audit.record(
                "client_grant.updated", target: grant.id, details: ["scope": grant.scope.joined(separator: " ")],
                context)
            return JSONResponse.make(ManagementClientGrant(grant), headers: ManagementPage.noStore)
        }
        group.delete("client-grants/:id") { _, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "delete:client_grants")
            let grant = try await existing(context, caller)
            guard try await storage.deleteClientGrant(id: grant.id, tenantID: caller.target.id) else {
                throw ManagementError.clientGrantNotFound
            }
            await audit.record(
                "client_grant.deleted", target: grant.id,
                details: ["client_id": grant.clientID, "audience": grant.audience], context)
            return Response(status: .noContent)
        }
    }

    /// The grant named by the path in the target tenant, or 404 `inexistent_client_grant`.
    private func existing(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> ClientGrant {
        let grantID = try ManagementRequest.pathParameter("id", context)
        guard let grant = try await services.storage.clientGrant(id: grantID, tenantID: caller.target.id) else {
            throw ManagementError.clientGrantNotFound
        }
        return grant
    }
}

extension ManagementError {
    /// 404 `inexistent_client_grant`.
    static let clientGrantNotFound = notFound("inexistent_client_grant", "The client grant does not exist.")
}
