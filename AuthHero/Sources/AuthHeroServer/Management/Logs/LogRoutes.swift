import AuthHeroCore
import AuthHeroVerify
import Hummingbird

/// `/api/v2/logs`: the target tenant's audit log, read-only. Lists are newest first with page pagination; Auth0's
/// checkpoint pagination (`from` = the last `log_id` seen, `take`) answers a bare array, oldest first, of the entries
/// after `from` (from the oldest when `from` is absent), so a reader can follow the log. Declared in
/// `LogOperations.swift`.
struct LogRoutes: Sendable {
    let services: AuthHeroServices

    func list(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let storage = services.storage
        let query = try await LogQuery(request, caller: caller, tenants: storage)
        if query.tenantID != caller.target.id { try await auditStaffRead(caller, of: query.tenantID) }
        if let checkpoint = try ManagementCheckpoint(request) {
            let after = try checkpoint.from.map(Self.logID)
            let entries = try await storage.auditEntries(
                query.filter, after: after, take: checkpoint.take, tenantID: query.tenantID)
            return JSONResponse.make(entries.map(ManagementLog.init))
        }
        let page = try ManagementPage(request)
        let entries = try await storage.auditEntries(query.filter, window: page.window, tenantID: query.tenantID)
        return page.response(entries.map(ManagementLog.init), key: "logs", includeLength: true)
    }

    func get(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let notFound = ManagementError.notFound("inexistent_log", "The log entry does not exist.")
        guard let id = Int64(try ManagementRequest.pathParameter("id", context)), id > 0,
            let entry = try await services.storage.auditEntry(id: id, tenantID: caller.target.id)
        else { throw notFound }
        return JSONResponse.make(ManagementLog(entry))
    }

    /// Platform staff reading another tenant's log is written to that tenant's log first, as every staff request to
    /// a customer tenant is (`ManagementAuthorizationMiddleware`); if the write fails the log is not read.
    private func auditStaffRead(_ caller: ManagementCaller, of tenantID: String) async throws {
        let event = AuditEvent(
            tenantID: tenantID, occurredAt: services.clock.now(), actor: caller.token.subject,
            action: "management_api.platform_staff", target: "GET /api/v2/logs",
            details: ["issuer": caller.token.issuer])
        do {
            try await services.storage.append(event, tenantID: tenantID)
        } catch {
            throw ManagementError.auditUnavailable
        }
    }

    /// A `from` checkpoint: a `log_id` this API returned.
    private static func logID(_ value: String) throws(ManagementError) -> Int64 {
        guard let id = Int64(value), id >= 0 else {
            throw ManagementError(
                status: .badRequest, errorCode: "invalid_paging", message: "from must be a log_id returned by this API."
            )
        }
        return id
    }
}
