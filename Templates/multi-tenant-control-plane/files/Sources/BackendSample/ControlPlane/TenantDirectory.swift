/// Finds the customer tenant linked to an organization through `GET /api/v2/tenants`, read with this service's
/// own token: the control plane answers that list only to tokens without an organization.
struct TenantDirectory: Sendable {
    /// More pages than this means something is wrong upstream; the search stops instead of looping.
    static let maximumPages = 1000

    let controlPlane: ControlPlaneClient
    let machineTokens: MachineTokenCache

    /// The tenant of organization `organizationID`; 404 when no tenant is linked to it.
    func tenant(organizationID: String) async throws(BackendError) -> TenantEntry {
        do throws(ControlPlaneFailure) {
            let bearer = try await machineTokens.token()
            for page in 0..<Self.maximumPages {
                let entries = try await controlPlane.tenants(page: page, bearer: bearer)
                if let entry = entries.first(where: { $0.id == organizationID }) { return entry }
                if entries.count < ControlPlaneClient.pageSize { break }
            }
        } catch {
            throw error.asUpstreamError
        }
        throw .notFound("No customer tenant is linked to organization \(organizationID).")
    }
}
