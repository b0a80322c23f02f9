import AuthHeroCore
import AuthHeroServer

/// Idempotent development data: the control plane, one tenant, an RBAC API and a machine-to-machine client.
struct DevelopmentSeed {
    let services: AuthHeroServices

    /// What a developer needs to call `/oauth/token`.
    struct Result {
        let clientID: String
        /// Only on the run that created the client; only its hash is stored.
        let clientSecret: String?
    }

    func run(tenantID: String, audience: String) async throws -> Result {
        let bootstrap = TenantBootstrap(storage: services.storage, keys: services.keys, clock: services.clock)
        try await bootstrap.ensureTenant(id: ControlPlane.tenantID, friendlyName: "Control plane")
        try await bootstrap.ensureTenant(id: tenantID, friendlyName: tenantID)

        if try await services.storage.resourceServer(identifier: audience, tenantID: tenantID) == nil {
            try await services.storage.createResourceServer(
                ResourceServer(
                    tenantID: tenantID, id: RandomToken.identifier(prefix: "rs_"), identifier: audience,
                    name: "Development API",
                    scopes: [ResourceServerScope(value: "read:data"), ResourceServerScope(value: "write:data")],
                    enforcePolicies: true),
                tenantID: tenantID)
        }
        let clientID = "dev-m2m"
        if try await services.storage.client(clientID, tenantID: tenantID) != nil {
            return Result(clientID: clientID, clientSecret: nil)
        }
        let registrar = ClientRegistrar(clients: services.storage, clock: services.clock)
        let registration = try await registrar.register(
            tenantID: tenantID, name: "Development machine client", appType: .machineToMachine, clientID: clientID)
        try await registrar.grant(
            clientID: clientID, audience: audience, scope: ["read:data", "write:data"], tenantID: tenantID)
        return Result(clientID: clientID, clientSecret: registration.secret)
    }
}
