import Foundation
import Hummingbird

/// `GET /internal/customers/:customerId/users`: platform staff read any customer's users with an internal token.
///
/// The token must be for `internal:platform-api`, carry no organization and hold `support:access`. The request is
/// written to the audit log and synced to disk before anything is read; if that fails the answer is a 503 and no
/// data is read (fail closed). The data is read with this service's own credentials, whose cross-tenant use the
/// control plane audits in turn.
struct InternalCustomerUsersRoute {
    static let permission = "support:access"
    let services: BackendServices

    func register(on router: Router<BackendRequestContext>) {
        router.get("internal/customers/:customerId/users") { request, context in
            try await answer(request, context)
        }
    }

    private func answer(_ request: Request, _ context: BackendRequestContext) async throws(BackendError) -> Response {
        let caller = try context.requireCaller()
        let customerID = try CustomerID.parameter("customerId", in: context)
        try caller.token.requireInternalAccess(
            audience: BackendConfiguration.internalAudience, permission: Self.permission)
        try await services.auditLog.append(
            AuditRecord(
                action: "support_access", actor: caller.token.subject, clientID: caller.token.clientID,
                customer: customerID, route: "\(request.method.rawValue) /internal/customers/\(customerID)/users",
                at: Date()))
        let tenant = try await services.directory.tenant(organizationID: customerID)
        do throws(ControlPlaneFailure) {
            let bearer = try await services.managementTokens.token()
            let users = try await services.controlPlane.users(tenantID: tenant.tenantID, bearer: bearer)
            return JSONBody.response(
                CustomerUsers(organization: customerID, tenantID: tenant.tenantID, users: users),
                headers: [.cacheControl: "no-store"])
        } catch {
            throw error.asUpstreamError
        }
    }
}
