import AuthHeroCore
import Hummingbird

/// Builds the router: error rendering first, then tenant resolution, then one route group per concept. Later
/// issues add their groups (login pages, Management API) here.
public enum AuthHeroRouter {
    /// The router serving every tenant's endpoints.
    public static func make(services: AuthHeroServices) -> Router<AuthHeroRequestContext> {
        let router = Router(context: AuthHeroRequestContext.self)
        router.add(middleware: ErrorRenderingMiddleware())
        router.add(middleware: ClientAddressMiddleware(trustedProxies: services.trustedProxies))
        router.add(middleware: TenantResolutionMiddleware(resolver: services.resolver))
        router.add(middleware: ClientCORSMiddleware(storage: services.storage))
        DiscoveryRoutes(services: services).register(on: router)
        TokenRoutes(services: services).register(on: router)
        RevocationRoutes(services: services).register(on: router)
        InteractiveLoginRoutes(services: services).register(on: router)
        ManagementRoutes(services: services).register(on: router)
        return router
    }
}
