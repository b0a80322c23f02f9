import AuthHeroCore
import Hummingbird

/// The universal login pages: `/u/login` and `/u/signup` show their form for an open login transaction and, on a
/// valid post, start a session and continue the authorization.
struct LoginRoutes {
    let services: AuthHeroServices
    let completion: LoginCompletion
    let pages: PageRenderer

    private var login: LoginServices { services.login }

    func register(on router: Router<AuthHeroRequestContext>) {
        for page in LoginPage.allCases {
            router.get(RouterPath(page.path)) { request, context in
                let tenant = try context.requireTenant()
                do {
                    let transaction = try await login.transactions.transaction(
                        request.uri.queryParameters["state"].map(String.init) ?? "", tenantID: tenant.tenant.id)
                    if page == .signup, !(try await signupAllowed(tenant)) { throw LoginError.signupDisabled }
                    return try await render(page, transaction, tenant: tenant)
                } catch let error as LoginError {
                    return pages.error(error.description, status: .init(code: error.status))
                }
            }
            router.post(RouterPath(page.path)) { request, context in
                try await submit(page, request: request, context: context)
            }
        }
    }

    private func submit(_ page: LoginPage, request: Request, context: AuthHeroRequestContext) async throws -> Response {
        let tenant = try context.requireTenant()
        let tenantID = tenant.tenant.id
        guard let form = await LoginForm.decode(from: request) else {
            return pages.error("The form could not be read. Reload the page and try again.")
        }
        let transaction: LoginTransaction
        do {
            transaction = try await login.transactions.transaction(form.state ?? "", tenantID: tenantID)
            try transaction.checkCSRF(formToken: form.csrfToken, cookieToken: request.cookies[LoginCookies.csrf]?.value)
        } catch let error as LoginError {
            return pages.error(error.description, status: .init(code: error.status))
        }
        let email = form.email ?? ""
        let user: User
        do {
            switch page {
            case .login:
                user = try await login.authenticator.logIn(
                    email: email, password: form.password ?? "", clientAddress: context.clientAddress,
                    tenantID: tenantID)
            case .signup:
                user = try await login.authenticator.signUp(
                    email: email, password: form.password ?? "", clientAddress: context.clientAddress,
                    tenantID: tenantID)
            }
        } catch let error as LoginError {
            return try await render(page, transaction, tenant: tenant, email: email, error: error)
        }
        let session = try await login.sessions.start(userID: user.id, tenantID: tenantID)
        try await login.transactions.finish(transaction.id, tenantID: tenantID)
        return try await completion.complete(
            transaction.request, user: user, sessionID: session.session.id, tenant: tenant,
            cookie: LoginCookies.session(session.cookieValue, issuer: tenant.issuer))
    }

    private func render(
        _ page: LoginPage, _ transaction: LoginTransaction, tenant: TenantContext, email: String = "",
        error: LoginError? = nil
    ) async throws -> Response {
        let connection = try await databaseConnection(tenant)
        var values: [String: Any] = [
            "title": page == .login ? "Log in" : "Sign up", "clientName": transaction.request.client.name,
            "state": transaction.id, "csrfToken": transaction.csrfToken, "email": email,
            "signupAllowed": connection.map { $0.options["disable_signup"] != "true" } ?? false,
            "minimumLength": connection.map { PasswordPolicy(connection: $0).minimumLength } ?? 8,
        ]
        values["organizationName"] = transaction.request.organization?.displayName
        values["error"] = error?.description
        var response = pages.page(page.rawValue, values, status: .init(code: error?.status ?? 200))
        if let retryAfter = error?.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        response.setCookie(LoginCookies.csrf(transaction, issuer: tenant.issuer))
        return response
    }

    private func signupAllowed(_ tenant: TenantContext) async throws -> Bool {
        try await databaseConnection(tenant).map { $0.options["disable_signup"] != "true" } ?? false
    }

    private func databaseConnection(_ tenant: TenantContext) async throws -> Connection? {
        try await services.storage.connections(tenantID: tenant.tenant.id).first { $0.strategy == "auth0" }
    }
}

/// The two form pages.
enum LoginPage: String, CaseIterable {
    case login, signup

    var path: String { "u/\(rawValue)" }
}
