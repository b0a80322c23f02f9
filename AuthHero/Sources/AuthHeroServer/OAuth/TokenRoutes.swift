import AuthHeroCore
import Hummingbird

/// `POST /oauth/token`: dispatches on `grant_type`; the interactive grants (authorization code, refresh token)
/// slot in here with the next issue.
struct TokenRoutes {
    let services: AuthHeroServices

    func register(on router: Router<AuthHeroRequestContext>) {
        router.post("oauth/token") { request, context in
            let tenant = try context.requireTenant()
            let body = try await TokenRequestBody.decode(from: request)
            guard let grantType = body.grantType, !grantType.isEmpty else {
                throw OAuthError.invalidRequest("The grant_type parameter is required.")
            }
            let credentials = try body.credentials(authorization: request.headers[.authorization])
            switch grantType {
            case GrantType.clientCredentials:
                let token = try await services.clientCredentials.exchange(
                    credentials, audience: body.audience, scope: body.scope, tenant: tenant)
                return JSONResponse.make(TokenResponse(token), headers: [.cacheControl: "no-store"])
            case GrantType.authorizationCode:
                let tokens = try await services.login.authorizationCodeGrant.exchange(
                    credentials, code: body.code, redirectURI: body.redirectURI, codeVerifier: body.codeVerifier,
                    tenant: tenant)
                return JSONResponse.make(TokenResponse(tokens), headers: [.cacheControl: "no-store"])
            case GrantType.refreshToken:
                let tokens = try await services.login.refreshTokenGrant.exchange(
                    credentials, refreshToken: body.refreshToken, organization: body.organization, scope: body.scope,
                    tenant: tenant)
                return JSONResponse.make(TokenResponse(tokens), headers: [.cacheControl: "no-store"])
            default:
                throw OAuthError.unsupportedGrantType("Grant type \(grantType) is not supported here.")
            }
        }
    }
}
