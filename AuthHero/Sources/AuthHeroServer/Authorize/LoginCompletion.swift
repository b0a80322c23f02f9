import AuthHeroCore
import Hummingbird

/// The last step of every successful path through `/authorize` and the login pages: once the person is known,
/// check the organization membership, issue the code, and answer the application.
struct LoginCompletion: Sendable {
    let login: LoginServices
    let responder: AuthorizationResponder

    /// The code answer for `user` (or the membership error), setting `cookie` when a new session began.
    func complete(
        _ request: AuthorizationRequest, user: User, sessionID: String, tenant: TenantContext, cookie: Cookie? = nil
    ) async throws -> Response {
        var response: Response
        do {
            try await login.validator.requireMembership(userID: user.id, request: request, tenantID: tenant.tenant.id)
            let code = try await login.codes.issue(
                for: request, userID: user.id, sessionID: sessionID, tenantID: tenant.tenant.id)
            response = responder.code(code, target: request.target)
        } catch let error as AuthorizeError {
            response = responder.error(error)
        }
        if let cookie { response.setCookie(cookie) }
        return response
    }
}
