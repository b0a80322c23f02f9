import AuthHeroCore
import Hummingbird

/// `/api/v2/connections`: the target tenant's sources of users (declared in `ConnectionOperations.swift`); the
/// database connection's sign-up switch and password policy can be changed, and take effect at the next sign-up.
struct ConnectionRoutes: Sendable {
    let services: AuthHeroServices

    private var storage: any AuthHeroStorage { services.storage }

    func list(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let page = try ManagementPage(request)
        let connections = try await storage.connections(
            strategy: ManagementRequest.filter("strategy", request), name: ManagementRequest.filter("name", request),
            window: page.window, tenantID: caller.target.id)
        return page.response(connections.map(ManagementConnection.init), key: "connections")
    }

    func get(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> Response
    {
        JSONResponse.make(ManagementConnection(try await existingConnection(context, caller)))
    }

    func update(
        _ body: UpdateConnectionBody, _ request: Request, _ context: AuthHeroRequestContext,
        _ caller: ManagementCaller
    ) async throws -> Response {
        let connection = try await existingConnection(context, caller)
        let changes = try ConnectionRules.changes(body, for: connection)
        guard
            let updated = try await storage.mergeConnectionOptions(
                id: connection.id, changes: changes, tenantID: caller.target.id)
        else { throw ManagementError.connectionNotFound }
        await ManagementWriteAudit(services: services).record(
            "connection.updated", target: connection.id,
            details: changes.mapValues { $0 ?? "(removed)" }.merging(["name": connection.name]) { $1 }, context)
        return JSONResponse.make(ManagementConnection(updated))
    }

    /// The connection named by the path in the target tenant, or 404 `inexistent_connection`.
    private func existingConnection(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Connection
    {
        let connectionID = try ManagementRequest.pathParameter("id", context)
        guard let connection = try await storage.connection(id: connectionID, tenantID: caller.target.id) else {
            throw ManagementError.connectionNotFound
        }
        return connection
    }
}

extension ManagementError {
    /// 404 `inexistent_connection`.
    static let connectionNotFound = notFound("inexistent_connection", "The connection does not exist.")
}
