import AuthHeroCore
import Hummingbird

/// `POST /oauth/revoke` (RFC 7009): revokes a refresh token's whole family. Answers 200 for unknown tokens and for
/// access tokens (self-contained JWTs that expire on their own), as Auth0 does, so the endpoint reveals nothing.
struct RevocationRoutes {
    let services: AuthHeroServices

    func register(on router: Router<AuthHeroRequestContext>) {
        router.post("oauth/revoke") { request, context in
            let tenantID = try context.requireTenant().tenant.id
            let body = try await TokenRequestBody.decode(from: request)
            let client = try await services.clientAuthenticator.authenticate(
                try body.credentials(authorization: request.headers[.authorization]), tenantID: tenantID,
                allowPublicClients: true)
            guard let token = body.token, !token.isEmpty else {
                throw OAuthError.invalidRequest("The token parameter is required.")
            }
            if let stored = try await services.storage.refreshToken(hash: SecretDigest.hash(token), tenantID: tenantID),
                stored.clientID == client.id
            {
                try await services.storage.revokeRefreshTokenFamily(
                    stored.familyID, at: services.clock.now(), tenantID: tenantID)
            }
            return Response(status: .ok, headers: [.cacheControl: "no-store"])
        }
    }
}
