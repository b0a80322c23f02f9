import AuthHeroCore
import Hummingbird

/// `/api/v2/connections`: the target tenant's sources of users; the database connection's sign-up switch and
/// password policy can be changed, and take effect at the next sign-up.
struct ConnectionRoutes {
    let services: AuthHeroServices

    func register(on group: RouterGroup<AuthHeroRequestContext>) {
        let storage = services.storage
        let audit = ManagementWriteAudit(services: services)
        group.get("connections") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:connections")
            let page = try ManagementPage(request)
            let connections = try await storage.connections(
                strategy: ManagementRequest.filter("strategy", request),
                name: ManagementRequest.filter("name", request), window: page.window,
                tenantID: caller.target.id)
            return page.response(connections.map(ManagementConnection.init), key: "connections")
        }
        group.get("connections/:id") { _, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:connections")
            return JSONResponse.make(
                ManagementConnection(try await existing(context, caller)), headers: ManagementPage.noStore)
        }
        group.patch("connections/:id") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "update:connections")
            let connection = try await existing(context, caller)
            let body = try await ManagementRequest.strictBody(
                UpdateConnectionBody.self, request, shape: UpdateConnectionBody.shape)
            let changes = try ConnectionRules.changes(body, for: connection)
            guard
                let updated = try await storage.mergeConnectionOptions(
                    id: connection.id, changes: changes, tenantID: caller.target.id)
            else { throw ManagementError.connectionNotFound }
            await audit.record(
                "connection.updated", target: connection.id,
                details: changes.mapValues { $0 ?? "(removed)" }.merging(["name": connection.name]) { $1 }, context)
            return JSONResponse.make(ManagementConnection(updated), headers: ManagementPage.noStore)
        }
    }

    /// The connection named by the path in the target tenant, or 404 `inexistent_connection`.
    private func existing(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> Connection {
        let connectionID = try ManagementRequest.pathParameter("id", context)
        guard let connection = try await services.storage.connection(id: connectionID, tenantID: caller.target.id)
        else { throw ManagementError.connectionNotFound }
        return connection
    }
}

extension ManagementError {
    /// 404 `inexistent_connection`.
    static let connectionNotFound = notFound("inexistent_connection", "The connection does not exist.")
}
