import AuthHeroCore
import AuthHeroSQLite
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A real AuthHero server on 127.0.0.1 (port 0) over a real SQLite file, seeded for interactive login. The control
/// plane (`localhost:3000`) and the tenants `alpha` and `beta` each have: the database connection, the RBAC API `https://api.example.com` (`read:data`,
/// `write:data`), the public SPA client `spa` (callback `http://localhost:5173/callback`, web origin
/// `http://localhost:5173`, logout URL `http://localhost:5173/`), the confidential client `web`, and the user
/// `alice@example.com`. In `alpha`, alice holds the global role `reader` (`read:data`) and the role `editor`
/// (`write:data`) inside organization `org_acme0000000000` (name `acme`); `bob@example.com` is no member.
struct LoginTestServer {
    static let audience = "https://api.example.com"
    static let baseURL = "http://localhost:3000/"
    static let appOrigin = "http://localhost:5173"
    static let callback = "http://localhost:5173/callback"
    static let logoutURL = "http://localhost:5173/"
    static let webCallback = "https://app.example.com/callback"
    static let password = "correct horse battery"
    static let organizationID = "org_acme0000000000"

    let port: Int
    let services: AuthHeroServices
    let clock: ManualClock
    /// Plaintext secret of each tenant's `web` client.
    let webSecrets: [String: String]
    /// Alice's user id per tenant.
    let alice: [String: String]
    let bob: String

    /// Starts a server, runs `body` against it, and stops it; `connectionOptions` configure every tenant's database
    /// connection (e.g. `disable_signup`), `multiTenancy` the platform's multi-tenancy plugin, and
    /// `controlPlaneChanges` receives the control-plane writes routes report (nil: the runtime's own sync),
    /// `trustForwardedHeaders` makes the server honour `X-Forwarded-Host`/`-Proto`, custom domains are verified
    /// against `domainVerifier` (by default an empty in-memory one: tests never look DNS up), and `layout` lays the
    /// SQLite files out (shared, or a file per tenant). `loginThrottle`, `maximumConcurrentHashes`,
    /// `loginTransactions`, `trustedProxies` and `provisioning` set the server's limits; every request of a test comes
    /// from 127.0.0.1, so the hashing cap is raised here and the suites that test a limit set it. `portal` is served
    /// at the control plane's `/portal/`.
    static func run(
        settings: TenantSettings = TenantSettings(), connectionOptions: [String: String] = [:],
        multiTenancy: MultiTenancyPlugin? = nil, controlPlaneChanges: (any ControlPlaneChangeRecorder)? = nil,
        trustForwardedHeaders: Bool = false, domainVerifier: any DomainVerifier = InMemoryDomainVerifier(),
        layout: StorageLayout = .shared, loginThrottle: LoginThrottle.Policy = .init(),
        maximumConcurrentHashes: Int = 64, loginTransactions: LoginTransactionLimits = .init(),
        trustedProxies: TrustedProxies = .none, provisioning: ProvisioningLimits = .init(), portal: PortalSite? = nil,
        _ body: @Sendable (LoginTestServer) async throws -> Void
    ) async throws {
        let folder = try TemporaryFolder(prefix: "authhero-login")
        defer { folder.remove() }
        let storage = try SQLiteStorage.open(
            strategy: StorageStrategy(layout: layout, databasePath: folder.path("authhero.sqlite")))
        try storage.migrate()
        let clock = ManualClock(Date())
        let hosts = try PlatformHosts(
            baseURL: baseURL, development: true, trustForwardedHeaders: trustForwardedHeaders)
        // The lowest bcrypt cost keeps the tests fast; production keeps the default.
        let services = AuthHeroServices(
            storage: storage, hosts: hosts, clock: clock, passwordHasher: PasswordHasher(cost: 4),
            maximumConcurrentHashes: maximumConcurrentHashes, loginThrottle: loginThrottle,
            loginTransactions: loginTransactions, trustedProxies: trustedProxies, provisioning: provisioning,
            multiTenancy: multiTenancy, controlPlaneChanges: controlPlaneChanges, domainVerifier: domainVerifier)
        let seeded = try await seed(services, settings: settings, connectionOptions: connectionOptions)

        try await withRunningServer { onServerRunning in
            AuthHeroApplication.make(
                services: services, hostname: "127.0.0.1", port: 0, portal: portal, onServerRunning: onServerRunning)
        } _: { port in
            try await body(
                LoginTestServer(
                    port: port, services: services, clock: clock, webSecrets: seeded.secrets, alice: seeded.alice,
                    bob: seeded.bob))
        }
    }

    private static func seed(
        _ services: AuthHeroServices, settings: TenantSettings, connectionOptions: [String: String]
    )
        async throws
        -> (secrets: [String: String], alice: [String: String], bob: String)
    {
        let storage = services.storage
        let now = services.clock.now()
        let bootstrap = TenantBootstrap(storage: storage, keys: services.keys, clock: services.clock)
        let hasher = PasswordHasher(cost: 4)
        var secrets: [String: String] = [:]
        var alice: [String: String] = [:]
        for tenantID in [ControlPlane.tenantID, "alpha", "beta"] {
            try await bootstrap.ensureTenant(id: tenantID, friendlyName: tenantID, settings: settings)
            try await storage.createConnection(
                Connection(
                    tenantID: tenantID, id: "con_db", name: "Username-Password-Authentication",
                    options: connectionOptions),
                tenantID: tenantID)
            try await storage.createResourceServer(
                ResourceServer(
                    tenantID: tenantID, id: "rs_api", identifier: audience, name: "API",
                    scopes: [ResourceServerScope(value: "read:data"), ResourceServerScope(value: "write:data")],
                    enforcePolicies: true, tokenLifetime: 600, allowOfflineAccess: true),
                tenantID: tenantID)
            let registrar = ClientRegistrar(clients: storage, clock: services.clock)
            _ = try await registrar.register(
                tenantID: tenantID, name: "Coffee SPA", appType: .spa, clientID: "spa", callbacks: [callback],
                allowedLogoutURLs: [logoutURL], webOrigins: [appOrigin])
            secrets[tenantID] = try await registrar.register(
                tenantID: tenantID, name: "Web app", appType: .regularWeb, clientID: "web", callbacks: [webCallback]
            ).secret
            let aliceID = "auth0|alice-\(tenantID)"
            try await storage.createUser(
                User(
                    tenantID: tenantID, id: aliceID, connection: "Username-Password-Authentication",
                    email: "alice@example.com", emailVerified: true, passwordHash: hasher.hash(password), createdAt: now
                ),
                tenantID: tenantID)
            alice[tenantID] = aliceID
        }
        let bob = "auth0|bob"
        try await storage.createUser(
            User(
                tenantID: "alpha", id: bob, connection: "Username-Password-Authentication", email: "bob@example.com",
                passwordHash: hasher.hash(password), createdAt: now),
            tenantID: "alpha")
        try await storage.createOrganization(
            Organization(tenantID: "alpha", id: organizationID, name: "acme", displayName: "Acme", createdAt: now),
            tenantID: "alpha")
        try await storage.addMember(
            OrganizationMembership(
                tenantID: "alpha", organizationID: organizationID, userID: alice["alpha"]!, createdAt: now),
            tenantID: "alpha")
        for (roleID, permission) in [("rol_reader", "read:data"), ("rol_editor", "write:data")] {
            try await storage.createRole(Role(tenantID: "alpha", id: roleID, name: roleID), tenantID: "alpha")
            try await storage.addPermissions(
                [
                    RolePermission(
                        tenantID: "alpha", roleID: roleID, resourceServerIdentifier: audience,
                        permissionName: permission)
                ],
                tenantID: "alpha")
        }
        try await storage.assignRole(
            UserRole(tenantID: "alpha", userID: alice["alpha"]!, roleID: "rol_reader"), tenantID: "alpha")
        try await storage.assignRole(
            UserRole(tenantID: "alpha", userID: alice["alpha"]!, roleID: "rol_editor", organizationID: organizationID),
            tenantID: "alpha")
        return (secrets, alice, bob)
    }

    /// The `Host` of a tenant's subdomain (the base host for the control plane).
    static func host(_ tenantID: String) -> String {
        tenantID == ControlPlane.tenantID ? "localhost:3000" : "\(tenantID).localhost:3000"
    }

    /// A browser with an empty cookie jar talking to this server.
    func browser() -> Browser { Browser(port: port) }

    /// Posts a form to `/oauth/token` of `tenantID`.
    func tokenRequest(_ tenantID: String, form: [String: String], headers: HTTPFields = [:]) async throws
        -> TestClient.Response
    {
        try await browser().post("/oauth/token", host: Self.host(tenantID), form: form, headers: headers)
    }
}
