import AuthHeroCore
import Hummingbird

/// The Management API (`/api/v2/*`): one group behind `ManagementAuthorizationMiddleware`, so no route runs
/// without a caller allowed on its target tenant.
struct ManagementRoutes {
    let services: AuthHeroServices

    /// The groups declared as route tables; the router and the OpenAPI document are both built from them.
    var tables: [any ManagementRouteGroup] {
        [
            UserRoutes(services: services), RoleRoutes(services: services), OrganizationRoutes(services: services),
            ResourceServerRoutes(services: services),
            SigningKeyRoutes(services: services), LogRoutes(services: services), CustomDomainRoutes(services: services),
            ClientRoutes(services: services), ClientGrantRoutes(services: services),
            ConnectionRoutes(services: services), TenantSettingsRoutes(services: services),
            TenantRoutes(services: services),
            JobRoutes(services: services),
        ]
    }

    func register(on router: Router<AuthHeroRequestContext>) {
        let tables = tables
        ManagementSpecRoute(tables: tables).register(on: router)
        ExportFileRoutes(services: services).register(on: router)
        let group = router.group("api/v2").add(middleware: ManagementAuthorizationMiddleware(services: services))
        for table in tables { group.addRoutes(table.routes) }
    }
}
