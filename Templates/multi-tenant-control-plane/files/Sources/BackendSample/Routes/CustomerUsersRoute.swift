import Hummingbird

/// `GET /customers/:orgId/users`: a customer reads its own tenant's users with an organization token.
///
/// The token must be for one of the configured customer audiences, carry `org_id == :orgId` and the permission
/// `read:users`. A token for the Management API is forwarded as is (least privilege: the control plane checks the
/// caller's own rights on the tenant once more); a token for the customer API cannot be, since the Management API
/// accepts only its own audience, so the read then uses this service's own credentials after the checks above.
struct CustomerUsersRoute {
    static let permission = "read:users"
    let services: BackendServices

    func register(on router: Router<BackendRequestContext>) {
        router.get("customers/:orgId/users") { _, context in
            try await answer(context)
        }
    }

    private func answer(_ context: BackendRequestContext) async throws(BackendError) -> Response {
        let caller = try context.requireCaller()
        let organizationID = try CustomerID.parameter("orgId", in: context)
        try caller.token.requireOrganizationAccess(
            to: organizationID, audiences: services.configuration.customerAudiences, permission: Self.permission)
        let tenant = try await services.directory.tenant(organizationID: organizationID)
        let users: [CustomerUser]
        if caller.token.audiences.contains(BackendConfiguration.managementAudience) {
            users = try await forwarded(caller, tenantID: tenant.tenantID)
        } else {
            users = try await ownCredentials(tenantID: tenant.tenantID)
        }
        return JSONBody.response(
            CustomerUsers(organization: organizationID, tenantID: tenant.tenantID, users: users),
            headers: [.cacheControl: "no-store"])
    }

    private func forwarded(_ caller: Caller, tenantID: String) async throws(BackendError) -> [CustomerUser] {
        do throws(ControlPlaneFailure) {
            return try await services.controlPlane.users(tenantID: tenantID, bearer: caller.bearer)
        } catch .refused(let status, let message) where status == 401 || status == 403 {
            throw .accessDenied("The Management API refused your token: \(message)")
        } catch {
            throw error.asUpstreamError
        }
    }

    private func ownCredentials(tenantID: String) async throws(BackendError) -> [CustomerUser] {
        do throws(ControlPlaneFailure) {
            let bearer = try await services.managementTokens.token()
            return try await services.controlPlane.users(tenantID: tenantID, bearer: bearer)
        } catch {
            throw error.asUpstreamError
        }
    }
}

/// The answer of the users routes.
struct CustomerUsers: Codable, Sendable, Equatable {
    /// The organization id from the path.
    let organization: String
    /// The customer tenant linked to it.
    let tenantID: String
    let users: [CustomerUser]

    private enum CodingKeys: String, CodingKey {
        case organization
        case tenantID = "tenant_id"
        case users
    }
}
