import AuthHeroCore
import Hummingbird

/// `/api/v2/clients`: the target tenant's applications (declared in `ClientOperations.swift`). A new secret is
/// answered once, at creation or rotation, and only its hash is kept; deleting a client removes its grants, codes
/// and refresh tokens.
struct ClientRoutes: Sendable {
    let services: AuthHeroServices

    private var storage: any AuthHeroStorage { services.storage }
    private var audit: ManagementWriteAudit { ManagementWriteAudit(services: services) }
    private var registrar: ClientRegistrar { ClientRegistrar(clients: services.storage, clock: services.clock) }

    func list(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let page = try ManagementPage(request)
        let clients = try await storage.clients(window: page.window, tenantID: caller.target.id)
        return page.response(clients.map { ManagementClient($0) }, key: "clients")
    }

    func get(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> Response
    {
        JSONResponse.make(ManagementClient(try await existingClient(context, caller)))
    }

    func create(
        _ body: CreateClientBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        let draft = try ClientRules.draft(body, tenantID: caller.target.id, now: services.clock.now())
        let registration = try await registrar.register(draft)
        let client = registration.client
        await services.accessInvalidation.invalidate(machineAccessOf: caller.target.id)
        await audit.record(
            "client.created", target: client.id, details: ["name": client.name, "app_type": client.appType.rawValue],
            context)
        return JSONResponse.make(ManagementClient(client, secret: registration.secret), status: .created)
    }

    func update(
        _ body: UpdateClientBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        let old = try await existingClient(context, caller)
        let client = try ClientRules.apply(body.fields, name: body.name, to: old)
        try ClientRules.checkUpdate(from: old, to: client)
        do {
            try await storage.updateClient(client, tenantID: caller.target.id)
        } catch StorageError.notFound {
            throw ManagementError.clientNotFound
        }
        await services.accessInvalidation.invalidate(machineAccessOf: caller.target.id)
        await audit.record(
            "client.updated", target: client.id,
            details: ["fields": ClientRules.changedFields(from: old, to: client).joined(separator: " ")], context)
        return JSONResponse.make(ManagementClient(client))
    }

    func delete(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let client = try await existingClient(context, caller)
        guard try await storage.deleteClient(client.id, tenantID: caller.target.id) else {
            throw ManagementError.clientNotFound
        }
        await services.accessInvalidation.invalidate(client: client.id, tenant: caller.target.id)
        await audit.record("client.deleted", target: client.id, details: ["name": client.name], context)
        return Response(status: .noContent)
    }

    func rotateSecret(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller)
        async throws -> Response
    {
        let clientID = try await existingClient(context, caller).id
        // Whoever learns the new secret acts with the client's Management API grant: only a caller holding all of
        // those scopes may rotate it, or rotation would be a way around PermissionGrantRule.
        if let grant = try await storage.clientGrant(
            clientID: clientID, audience: BuiltInManagementAPI.identifier, tenantID: caller.target.id)
        {
            try PermissionGrantRule.requireHeld(
                grant.scope, by: caller, "Rotating this secret hands over its Management API scopes")
        }
        let rotated: ClientRegistration?
        do {
            rotated = try await registrar.rotateSecret(clientID: clientID, tenantID: caller.target.id)
        } catch let error as ClientSecretRotationError {
            throw ManagementError(status: .badRequest, errorCode: "operation_not_supported", message: error.description)
        }
        guard let rotated else { throw ManagementError.clientNotFound }
        await services.accessInvalidation.invalidate(client: clientID, tenant: caller.target.id)
        await audit.record("client.secret_rotated", target: clientID, context)
        return JSONResponse.make(ManagementClient(rotated.client, secret: rotated.secret))
    }

    /// The client named by the path in the target tenant, or 404 `inexistent_client`.
    private func existingClient(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> Client {
        let clientID = try ManagementRequest.pathParameter("id", context)
        guard let client = try await storage.client(clientID, tenantID: caller.target.id) else {
            throw ManagementError.clientNotFound
        }
        return client
    }
}

extension ManagementError {
    /// 404 `inexistent_client`.
    static let clientNotFound = notFound("inexistent_client", "The client does not exist.")
}
