import AuthHeroCore
import AuthHeroVerify
import Foundation
import Hummingbird
import JWTKit

/// `GET|POST /userinfo` (OIDC Core §5.3): the profile of the user an access token of this tenant was issued to,
/// with claims by the token's scopes. Tokens are checked by `AuthHeroVerify` against this tenant's issuers and keys.
struct UserinfoRoutes {
    let services: AuthHeroServices

    func register(on router: Router<AuthHeroRequestContext>) {
        router.get("userinfo") { request, context in try await userinfo(request, context: context) }
        router.post("userinfo") { request, context in try await userinfo(request, context: context) }
    }

    private func userinfo(_ request: Request, context: AuthHeroRequestContext) async throws -> Response {
        let tenant = try context.requireTenant()
        let tenantID = tenant.tenant.id
        guard let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ")
        else {
            return Self.unauthorized("A Bearer access token is required.")
        }
        // Any issuer of this tenant (subdomain, verified custom domains), so a token minted on one host works on
        // the others; each issuer's userinfo audience goes with it.
        let issuers = try await services.resolver.issuers(of: tenant)
        var audiences = Set(try await services.storage.resourceServers(tenantID: tenantID).map(\.identifier))
        for issuer in issuers {
            audiences.insert(UserinfoAudience.identifier(tenant: TenantContext(tenant: tenant.tenant, issuer: issuer)))
        }
        let keys = services.keys
        let verifier = TokenVerifier(
            policy: VerificationPolicy(issuers: issuers, audiences: audiences),
            keys: LocalJWKSSource { try await keys.keyRing(tenantID: tenantID).jwks },
            now: { [clock = services.clock] in clock.now() }, keyCache: services.verificationKeys)
        let token: VerifiedToken
        do {
            token = try await verifier.verify(String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        } catch {
            return Self.unauthorized(error.description)
        }
        guard token.hasScope("openid"), let user = try await services.storage.user(token.subject, tenantID: tenantID),
            !user.blocked
        else {
            return Self.unauthorized("The token was not issued to a user with the openid scope.")
        }
        var claims: [String: UserinfoClaim] = ["sub": .string(user.id)]
        if token.hasScope("email"), let email = user.email {
            claims["email"] = .string(email)
            claims["email_verified"] = .bool(user.emailVerified)
        }
        if token.hasScope("profile") {
            if let name = user.username ?? user.email { claims["name"] = .string(name) }
            if let nickname = user.email?.split(separator: "@").first { claims["nickname"] = .string(String(nickname)) }
        }
        return JSONResponse.make(claims, headers: [.cacheControl: "no-store"])
    }

    /// RFC 6750 §3: 401 with `WWW-Authenticate: Bearer error="invalid_token"`.
    private static func unauthorized(_ message: String) -> Response {
        JSONResponse.make(
            OAuthErrorBody(error: "invalid_token", errorDescription: message), status: .unauthorized,
            headers: [.wwwAuthenticate: "Bearer error=\"invalid_token\"", .cacheControl: "no-store"])
    }
}

/// A userinfo claim value: a string or a boolean.
enum UserinfoClaim: Encodable {
    case string(String)
    case bool(Bool)

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        }
    }
}
