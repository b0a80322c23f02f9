import AuthHeroCore
import Hummingbird

/// `GET /portal/config.json` at the control plane: what the portal's static page cannot know by itself, the
/// seeded "Portal" client's id, the issuer and the Management API audience. Looked up on every request, so a
/// re-seeded database needs no edit of the page.
struct PortalConfigRoute {
    let services: AuthHeroServices

    func register(on router: Router<AuthHeroRequestContext>) {
        router.get("portal/config.json") { _, context in
            let tenant = try context.requireTenant()
            guard tenant.tenant.id == ControlPlane.tenantID else { throw HTTPError(.notFound) }
            guard
                let client = try await services.storage.clients(tenantID: ControlPlane.tenantID).first(where: {
                    $0.name == ControlPlaneSeed.portalClientName
                })
            else {
                throw ManagementError.notFound(
                    "portal_client_missing",
                    "The control plane has no \"\(ControlPlaneSeed.portalClientName)\" client: run the seed.")
            }
            return JSONResponse.make(
                PortalConfiguration(
                    domain: String(tenant.issuer.dropLast()), clientID: client.id,
                    audience: BuiltInManagementAPI.identifier),
                headers: [.cacheControl: "no-store"])
        }
    }
}

/// The body of `/portal/config.json`, named like auth0-spa-js's client options.
private struct PortalConfiguration: Encodable {
    let domain: String
    let clientID: String
    let audience: String

    private enum CodingKeys: String, CodingKey {
        case domain
        case clientID = "client_id"
        case audience
    }
}
