import Hummingbird

/// `GET /internal/analytics/tenants`: a platform service (a client-credentials token for `internal:platform-api`
/// holding `analytics:read`) reads how many customer tenants exist, across all of them.
struct TenantAnalyticsRoute {
    static let permission = "analytics:read"
    let services: BackendServices

    func register(on router: Router<BackendRequestContext>) {
        router.get("internal/analytics/tenants") { _, context in
            try await answer(context)
        }
    }

    private func answer(_ context: BackendRequestContext) async throws(BackendError) -> Response {
        let caller = try context.requireCaller()
        try caller.token.requireInternalAccess(
            audience: BackendConfiguration.internalAudience, permission: Self.permission)
        do throws(ControlPlaneFailure) {
            let bearer = try await services.managementTokens.token()
            let count = try await services.controlPlane.tenantCount(bearer: bearer)
            return JSONBody.response(TenantCount(tenantCount: count), headers: [.cacheControl: "no-store"])
        } catch {
            throw error.asUpstreamError
        }
    }
}

/// The answer of ``TenantAnalyticsRoute``.
struct TenantCount: Codable, Sendable, Equatable {
    let tenantCount: Int

    private enum CodingKeys: String, CodingKey {
        case tenantCount = "tenant_count"
    }
}
