import Hummingbird

/// `GET /user/organizations`: the caller's organizations, the second way to "list my organizations". The caller's
/// own portal token is forwarded to the control plane's `GET /api/v2/tenants` (which decides what it may see), and
/// every page is read, so the answer holds the same entries, all of them.
struct UserOrganizationsRoute {
    let services: BackendServices

    func register(on router: Router<BackendRequestContext>) {
        router.get("user/organizations") { _, context in
            try await answer(context)
        }
    }

    private func answer(_ context: BackendRequestContext) async throws(BackendError) -> Response {
        let caller = try context.requireCaller()
        guard caller.token.audiences.contains(BackendConfiguration.managementAudience) else {
            throw .accessDenied(
                "This route needs a portal token for \"\(BackendConfiguration.managementAudience)\": the control plane "
                    + "lists organizations only to tokens of its Management API.")
        }
        guard caller.token.organizationID == nil else {
            throw .accessDenied(
                "This route needs a portal token: request it without an organization. An organization token "
                    + "belongs to one organization and cannot list the others.")
        }
        var entries: [TenantEntry] = []
        do throws(ControlPlaneFailure) {
            for page in 0..<TenantDirectory.maximumPages {
                let batch = try await services.controlPlane.tenants(page: page, bearer: caller.bearer)
                entries += batch
                if batch.count < ControlPlaneClient.pageSize { break }
            }
        } catch .refused(let status, let message) where status == 401 || status == 403 {
            throw .accessDenied("The control plane refused your token: \(message)")
        } catch {
            throw error.asUpstreamError
        }
        return JSONBody.response(UserOrganizations(organizations: entries), headers: [.cacheControl: "no-store"])
    }
}

/// The answer of `GET /user/organizations`.
struct UserOrganizations: Codable, Sendable, Equatable {
    let organizations: [TenantEntry]
}
