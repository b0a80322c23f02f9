import Hummingbird

/// The application routes as one group, so `ManagementRoutes` registers them with one line: clients, client
/// grants, connections and tenant settings.
struct ClientManagementRoutes {
    let services: AuthHeroServices

    func register(on group: RouterGroup<AuthHeroRequestContext>) {
        ClientRoutes(services: services).register(on: group)
        ClientGrantRoutes(services: services).register(on: group)
        ConnectionRoutes(services: services).register(on: group)
        TenantSettingsRoutes(services: services).register(on: group)
    }
}
