import AuthHeroCore
import Hummingbird

/// Builds the router: error rendering first, then tenant resolution, then the portal's files (when given), then one
/// route group per concept.
public enum AuthHeroRouter {
    /// The router serving every tenant's endpoints, and `portal` at the control plane's `/portal/`.
    public static func make(services: AuthHeroServices, portal: PortalSite? = nil) -> Router<AuthHeroRequestContext> {
        let router = Router(context: AuthHeroRequestContext.self)
        router.add(middleware: ErrorRenderingMiddleware())
        router.add(middleware: ClientAddressMiddleware(trustedProxies: services.trustedProxies))
        router.add(middleware: TenantResolutionMiddleware(resolver: services.resolver))
        router.add(middleware: ClientCORSMiddleware(storage: services.storage))
        if let portal { router.add(middleware: PortalFileMiddleware(site: portal)) }
        DiscoveryRoutes(services: services).register(on: router)
        TokenRoutes(services: services).register(on: router)
        RevocationRoutes(services: services).register(on: router)
        InteractiveLoginRoutes(services: services).register(on: router)
        ManagementRoutes(services: services).register(on: router)
        if portal != nil { PortalConfigRoute(services: services).register(on: router) }
        return router
    }
}
