import AuthHeroCore
import Hummingbird
import Logging

/// A ready-to-run Hummingbird application serving the AuthHero endpoints.
public enum AuthHeroApplication {
    /// The application listening on `hostname:port` (port 0 picks a free port; `onServerRunning` reports it),
    /// serving `portal` at the control plane's `/portal/` when given.
    public static func make(
        services: AuthHeroServices, hostname: String, port: Int, portal: PortalSite? = nil,
        logger: Logger = Logger(label: "authhero"), onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: AuthHeroRouter.make(services: services, portal: portal),
            configuration: .init(address: .hostname(hostname, port: port), serverName: "AuthHero"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
