import AuthHeroCore
import Hummingbird

/// `/.well-known/openid-configuration` and `/.well-known/jwks.json` for the resolved tenant.
struct DiscoveryRoutes {
    let services: AuthHeroServices

    func register(on router: Router<AuthHeroRequestContext>) {
        router.get(".well-known/openid-configuration") { _, context in
            JSONResponse.make(OpenIDConfiguration(issuer: try context.requireTenant().issuer), headers: Self.cacheable)
        }
        router.get(".well-known/jwks.json") { _, context in
            let tenantID = try context.requireTenant().tenant.id
            // A tenant that has never signed still publishes a key, so verifiers can be configured up front.
            try await services.keys.ensureCurrentKey(tenantID: tenantID)
            return JSONResponse.make(
                try await services.keys.keyRing(tenantID: tenantID).publishedKeys, headers: Self.cacheable)
        }
    }

    /// Short caching: a rotation becomes visible within a minute, and the grace period is far longer.
    private static let cacheable: HTTPFields = [.cacheControl: "public, max-age=60"]
}
