import AuthHeroCore
import Hummingbird

/// The Management API (`/api/v2/*`): one group behind `ManagementAuthorizationMiddleware`, so no route runs
/// without a caller allowed on its target tenant.
struct ManagementRoutes {
    let services: AuthHeroServices

    func register(on router: Router<AuthHeroRequestContext>) {
        ManagementSpecRoute().register(on: router)
        let group = router.group("api/v2").add(middleware: ManagementAuthorizationMiddleware(services: services))
        TenantRoutes(services: services).register(on: group)
        UserRoutes(services: services).register(on: group)
        RoleRoutes(services: services).register(on: group)
        ResourceServerRoutes(services: services).register(on: group)
        OrganizationRoutes(services: services).register(on: group)
        SigningKeyRoutes(services: services).register(on: group)
        LogRoutes(services: services).register(on: group)
        ClientManagementRoutes(services: services).register(on: group)
        CustomDomainRoutes(services: services).register(on: group)
    }
}
