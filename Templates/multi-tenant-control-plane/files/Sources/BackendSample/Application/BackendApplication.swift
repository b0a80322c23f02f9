import Hummingbird
import Logging

/// The backend sample as a Hummingbird application; tests build it the same way `BackendSample` does.
enum BackendApplication {
    /// The application listening on `hostname:port` (port 0 picks a free port; `onServerRunning` reports it).
    static func make(
        services: BackendServices, hostname: String, port: Int, logger: Logger = Logger(label: "backend-sample"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(services: services),
            configuration: .init(address: .hostname(hostname, port: port), serverName: "BackendSample"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Every route behind error rendering and bearer-token verification.
    static func router(services: BackendServices) -> Router<BackendRequestContext> {
        let router = Router(context: BackendRequestContext.self)
        router.add(middleware: ErrorResponseMiddleware())
        router.add(middleware: BearerTokenMiddleware(verifier: services.verifier))
        CustomerUsersRoute(services: services).register(on: router)
        InternalCustomerUsersRoute(services: services).register(on: router)
        TenantAnalyticsRoute(services: services).register(on: router)
        UserOrganizationsRoute(services: services).register(on: router)
        return router
    }
}
