import AuthHeroCore
import Hummingbird

/// `GET /authorize`: validates the request, answers at once from a live session (or `login_required` for
/// `prompt=none`), and otherwise opens a login transaction and sends the browser to the login page.
struct AuthorizeRoutes {
    let login: LoginServices
    let responder: AuthorizationResponder
    let completion: LoginCompletion

    func register(on router: Router<AuthHeroRequestContext>) {
        router.get("authorize") { request, context in
            let tenant = try context.requireTenant()
            guard let parameters = try? request.uri.decodeQuery(as: AuthorizationParameters.self, context: context)
            else {
                return responder.pages.error("The authorization request could not be read.")
            }
            do {
                return try await authorize(parameters, request: request, tenant: tenant, context: context)
            } catch let error as AuthorizeError {
                return responder.error(error)
            } catch let error as LoginError {
                var response = responder.pages.error(error.description, status: .init(code: error.status))
                if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
                return response
            }
        }
    }

    private func authorize(
        _ parameters: AuthorizationParameters, request: Request, tenant: TenantContext,
        context: AuthHeroRequestContext
    ) async throws -> Response {
        let authorization = try await login.validator.validate(parameters, tenant: tenant)
        if authorization.prompt != .login,
            let live = try await login.sessions.resume(
                cookieValue: request.cookies[LoginCookies.session]?.value, tenantID: tenant.tenant.id)
        {
            return try await completion.complete(
                authorization, user: live.user, sessionID: live.session.id, tenant: tenant)
        }
        if authorization.prompt == .none {
            throw AuthorizeError.redirect(
                code: "login_required", message: "Login required", target: authorization.target)
        }
        let transaction = try await login.transactions.begin(
            authorization, tenantID: tenant.tenant.id, clientAddress: context.clientAddress)
        let page = parameters.screenHint == "signup" ? "signup" : "login"
        var response = Response(
            status: .found, headers: [.location: "/u/\(page)?state=\(transaction.id)", .cacheControl: "no-store"])
        response.setCookie(LoginCookies.csrf(transaction, issuer: tenant.issuer))
        return response
    }
}
