import AuthHeroCore
import AuthHeroServer

/// What the tests need in the control plane, written through the runtime's storage APIs as the project's own seed
/// does: the username-password connection (sign-up on), the Management API, the customer API, the internal API,
/// the roles `rol_admin` (what a tenant's creator holds in its organization), `rol_user` and `rol_support`, the
/// Portal SPA, and the Backend Sample machine client with its grants.
enum ControlPlaneSeed {
    static let managementAPI = BuiltInManagementAPI.identifier
    static let customerAPI = "https://api.yourplatform.com"
    static let internalAPI = "internal:platform-api"
    static let customerScopes = ["read:profile", "write:profile", "manage:team", "read:users"]
    static let internalScopes = [
        "support:access", "read:all-tenants", "write:all-tenants", "analytics:read", "manage:billing",
    ]
    static let portalClientID = "portal"
    static let backendClientID = "backend-sample"
    static let callback = "http://localhost:3000/callback"

    /// Seeds `services`' control plane and returns the Backend Sample client's secret.
    static func seed(_ services: AuthHeroServices) async throws -> String {
        let storage = services.storage
        let cp = ControlPlane.tenantID
        let bootstrap = TenantBootstrap(storage: storage, keys: services.keys, clock: services.clock)
        try await bootstrap.ensureTenant(id: cp, friendlyName: "Control plane")
        try await storage.createConnection(
            Connection(tenantID: cp, id: "con_db", name: TenantProvisioner.databaseConnection), tenantID: cp)
        try await storage.createResourceServer(BuiltInManagementAPI.resourceServer(tenantID: cp), tenantID: cp)
        try await storage.createResourceServer(
            ResourceServer(
                tenantID: cp, id: "rs_customer", identifier: customerAPI, name: "Customer Portal API",
                scopes: customerScopes.map { ResourceServerScope(value: $0) }, enforcePolicies: true),
            tenantID: cp)
        try await storage.createResourceServer(
            ResourceServer(
                tenantID: cp, id: "rs_internal", identifier: internalAPI, name: "Internal: Platform API",
                scopes: internalScopes.map { ResourceServerScope(value: $0) }, enforcePolicies: true,
                metadata: ["sync": "false", "internal": "true"]),
            tenantID: cp)
        try await role(
            TenantProvisioner.adminRoleID, "admin",
            [managementAPI: BuiltInManagementAPI.scopes, customerAPI: customerScopes], storage)
        try await role("rol_user", "user", [customerAPI: ["read:profile", "write:profile"]], storage)
        try await role(
            "rol_support", "support-engineer", [internalAPI: ["support:access", "read:all-tenants"]], storage)

        let registrar = ClientRegistrar(clients: storage, clock: services.clock)
        _ = try await registrar.register(
            tenantID: cp, name: "Portal", appType: .spa, clientID: portalClientID, callbacks: [callback],
            webOrigins: ["http://localhost:3000"])
        let backend = try await registrar.register(
            tenantID: cp, name: "Backend Sample", appType: .machineToMachine, clientID: backendClientID)
        try await registrar.grant(
            clientID: backendClientID, audience: managementAPI, scope: ["read:users", "read:tenants", "admin:tenants"],
            tenantID: cp)
        try await registrar.grant(clientID: backendClientID, audience: internalAPI, scope: internalScopes, tenantID: cp)
        return backend.secret ?? ""
    }

    private static func role(
        _ id: String, _ name: String, _ permissions: [String: [String]], _ storage: any AuthHeroStorage
    ) async throws {
        let cp = ControlPlane.tenantID
        try await storage.createRole(Role(tenantID: cp, id: id, name: name), tenantID: cp)
        try await storage.addPermissions(
            permissions.flatMap { audience, names in
                names.map {
                    RolePermission(tenantID: cp, roleID: id, resourceServerIdentifier: audience, permissionName: $0)
                }
            },
            tenantID: cp)
    }
}
