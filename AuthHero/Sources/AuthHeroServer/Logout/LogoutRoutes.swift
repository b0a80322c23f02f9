import AuthHeroCore
import Hummingbird

/// `GET /v2/logout?client_id=..&returnTo=..` (Auth0) and `GET /oidc/logout?client_id=..&post_logout_redirect_uri=..`
/// (OIDC RP-initiated logout, the discovery document's `end_session_endpoint`): end the tenant's login session and
/// return to the application. The return URL must be one of the client's allowed logout URLs exactly; anything else is
/// refused before the session is touched, so the endpoint is never an open redirector.
struct LogoutRoutes {
    let services: AuthHeroServices
    let pages: PageRenderer

    func register(on router: Router<AuthHeroRequestContext>) {
        router.get("v2/logout") { request, context in
            try await logout(request, context: context, returnToParameter: "returnTo")
        }
        router.get("oidc/logout") { request, context in
            try await logout(request, context: context, returnToParameter: "post_logout_redirect_uri")
        }
    }

    private func logout(_ request: Request, context: AuthHeroRequestContext, returnToParameter: String) async throws
        -> Response
    {
        let tenant = try context.requireTenant()
        let query = request.uri.queryParameters
        let returnTo = query[returnToParameter[...]].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if let returnTo {
            guard let clientID = query["client_id"].map(String.init),
                let client = try await services.storage.client(clientID, tenantID: tenant.tenant.id)
            else {
                return pages.error("Logout with \(returnToParameter) needs the client_id of a client of this tenant.")
            }
            guard client.allowedLogoutURLs.contains(returnTo) else {
                return pages.error(
                    "The \(returnToParameter) URL \(returnTo) is not an allowed logout URL of client \(client.id). "
                        + "Add it to the client's allowed logout URLs.")
            }
        }
        try await services.login.sessions.end(
            cookieValue: request.cookies[LoginCookies.session]?.value, tenantID: tenant.tenant.id)
        var response =
            if let returnTo {
                Response(status: .found, headers: [.location: returnTo, .cacheControl: "no-store"])
            } else {
                pages.page("error", ["title": "Logged out", "message": "You are logged out."])
            }
        response.setCookie(LoginCookies.clearedSession(issuer: tenant.issuer))
        return response
    }
}
