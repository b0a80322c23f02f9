import AuthHeroCore
import AuthHeroServer

/// The one tenant (the runtime's `control-plane` tenant: the one served on the base URL), its RS256 key, the
/// username-password connection with sign-up, and a single-page application for `http://localhost:5173`.
/// Idempotent: it creates only what is missing.
struct TenantSeed {
    let services: AuthHeroServices
    let configuration: ServerConfiguration

    /// Returns the application's client id.
    func run() async throws -> String {
        let storage = services.storage
        let tenantID = ControlPlane.tenantID
        try await TenantBootstrap(storage: storage, keys: services.keys, clock: services.clock)
            .ensureTenant(id: tenantID, friendlyName: configuration.displayName)
        if try await storage.connections(tenantID: tenantID).isEmpty {
            try await storage.createConnection(
                Connection(
                    tenantID: tenantID, id: RandomToken.identifier(prefix: "con_"),
                    name: TenantProvisioner.databaseConnection),
                tenantID: tenantID)
        }
        if let existing = try await storage.clients(tenantID: tenantID).first(where: { $0.name == configuration.displayName }) {
            return existing.id
        }
        let registration = try await ClientRegistrar(clients: storage, clock: services.clock).register(
            tenantID: tenantID, name: configuration.displayName, appType: .spa,
            callbacks: ["http://localhost:5173/callback"], allowedLogoutURLs: ["http://localhost:5173/"],
            webOrigins: ["http://localhost:5173"])
        return registration.client.id
    }
}
