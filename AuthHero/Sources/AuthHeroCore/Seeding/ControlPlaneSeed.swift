import Foundation

/// Seeds a control plane that a generated project can log into at once:
/// the `control-plane` tenant and its RS256 key, the username-password connection with sign-up, the management,
/// customer and internal APIs, the five roles, the Portal SPA and Backend Sample clients, and the administrator
/// holding `platform-admin`.
///
/// It makes platform staff only of an administrator it created itself (marked in its `app_metadata`), or of an
/// existing account named with ``ControlPlaneSeedSettings/promoteExisting``: with open sign-up and no email
/// verification, anyone may have registered the administrator's address first. Otherwise it refuses before
/// writing anything (``ControlPlaneSeedError``).
///
/// Idempotent: every step looks for what it would create first, so running it again (the generated app's `seed`
/// command) adds only what is missing and never changes a password or a secret.
public struct ControlPlaneSeed: Sendable {
    /// The Portal SPA's name, which is how a later run finds it.
    public static let portalClientName = "Portal"
    /// The Backend Sample client's name.
    public static let backendSampleClientName = "Backend Sample"
    /// The audiences and scopes the Backend Sample client may get with client credentials.
    public static let backendSampleGrants: [(audience: String, scope: [String])] = [
        (
            BuiltInManagementAPI.identifier,
            ["read:users", "read:tenants", BuiltInManagementAPI.platformStaffPermission]
        ),
        (SeededResourceServers.internalAPI.identifier, ["support:access", "read:all-tenants", "analytics:read"]),
    ]
    /// The role the administrator holds.
    public static let adminRoleID = "rol_platform_admin"
    /// The `app_metadata` key (value `"true"`) marking the administrator account the seed created.
    public static let createdBySeedKey = "created_by_seed"

    private let storage: any AuthHeroStorage
    private let keys: SigningKeyService
    private let clock: any AuthHeroClock

    /// Creates the seed over a migrated storage.
    public init(storage: any AuthHeroStorage, keys: SigningKeyService, clock: any AuthHeroClock) {
        self.storage = storage
        self.keys = keys
        self.clock = clock
    }

    /// Creates whatever is missing; returns the ids (and, when it made the client, the secret) for `.env`.
    public func run(_ settings: ControlPlaneSeedSettings) async throws -> ControlPlaneSeedResult {
        try await refuseUnclaimedAccount(settings)
        let cp = ControlPlane.tenantID
        try await ensureTenant()
        if try await !storage.connections(tenantID: cp).contains(where: {
            $0.name == TenantProvisioner.databaseConnection
        }) {
            try await storage.createConnection(
                Connection(
                    tenantID: cp, id: RandomToken.identifier(prefix: "con_"),
                    name: TenantProvisioner.databaseConnection,
                    options: ["disable_signup": "false"]),
                tenantID: cp)
        }
        try await BuiltInManagementAPI.ensureCurrent(in: storage, tenantID: cp)
        for server in [SeededResourceServers.customerAPI, SeededResourceServers.internalAPI] {
            if try await storage.resourceServer(identifier: server.identifier, tenantID: cp) == nil {
                try await storage.createResourceServer(server, tenantID: cp)
            }
        }
        for role in SeededRole.all {
            if try await storage.role(role.id, tenantID: cp) == nil {
                try await storage.createRole(
                    Role(tenantID: cp, id: role.id, name: role.name, description: role.description), tenantID: cp)
            }
            try await storage.addPermissions(role.rolePermissions, tenantID: cp)
        }
        let portal = try await ensurePortal(settings)
        let (backendID, backendSecret) = try await ensureBackendSample()
        let (adminID, createdAdmin) = try await ensureAdmin(settings)
        return ControlPlaneSeedResult(
            portalClientID: portal, backendSampleClientID: backendID, backendSampleClientSecret: backendSecret,
            adminUserID: adminID, createdAdmin: createdAdmin)
    }

    /// The tenant (with organization names allowed in the authentication API) and its current signing key.
    private func ensureTenant() async throws {
        let bootstrap = TenantBootstrap(storage: storage, keys: keys, clock: clock)
        var tenant = try await bootstrap.ensureTenant(
            id: ControlPlane.tenantID, friendlyName: "Control plane",
            settings: TenantSettings(allowOrganizationNameInToken: true))
        if !tenant.settings.allowOrganizationNameInToken {
            tenant.settings.allowOrganizationNameInToken = true
            tenant.updatedAt = clock.now()
            try await storage.updateTenant(tenant)
        }
        try await keys.ensureCurrentKey(tenantID: ControlPlane.tenantID)
    }

    private func ensurePortal(_ settings: ControlPlaneSeedSettings) async throws -> String {
        let cp = ControlPlane.tenantID
        if var existing = try await storage.clients(tenantID: cp).first(where: { $0.name == Self.portalClientName }) {
            // URLs the owner changed are theirs; only the untouched former defaults move to the portal page.
            let former = settings.formerPortalDefaults
            if existing.callbacks == former.callbacks && existing.allowedLogoutURLs == former.logoutURLs {
                existing.callbacks = [settings.portalURL]
                existing.allowedLogoutURLs = [settings.portalURL]
                try await storage.updateClient(existing, tenantID: cp)
            }
            return existing.id
        }
        let registration = try await ClientRegistrar(clients: storage, clock: clock).register(
            tenantID: cp, name: Self.portalClientName, appType: .spa, callbacks: [settings.portalURL],
            allowedLogoutURLs: [settings.portalURL], webOrigins: [settings.portalOrigin])
        return registration.client.id
    }

    private func ensureBackendSample() async throws -> (String, String?) {
        let cp = ControlPlane.tenantID
        let registrar = ClientRegistrar(clients: storage, clock: clock)
        var secret: String?
        let clientID: String
        if let existing = try await storage.clients(tenantID: cp).first(where: {
            $0.name == Self.backendSampleClientName
        }) {
            clientID = existing.id
        } else {
            let registration = try await registrar.register(
                tenantID: cp, name: Self.backendSampleClientName, appType: .machineToMachine)
            clientID = registration.client.id
            secret = registration.secret
        }
        for (audience, scope) in Self.backendSampleGrants {
            if try await storage.clientGrant(clientID: clientID, audience: audience, tenantID: cp) == nil {
                try await registrar.grant(clientID: clientID, audience: audience, scope: scope, tenantID: cp)
            }
        }
        return (clientID, secret)
    }

    /// Throws when the administrator's email belongs to an account that may not be promoted: one the seed did
    /// not create, that is not platform staff already, and that `promoteExisting` does not name.
    private func refuseUnclaimedAccount(_ settings: ControlPlaneSeedSettings) async throws {
        let cp = ControlPlane.tenantID
        let email = Self.normalized(settings.adminEmail)
        guard
            let existing = try await storage.user(
                email: email, connection: TenantProvisioner.databaseConnection, tenantID: cp),
            existing.appMetadata[Self.createdBySeedKey] != "true",
            settings.promoteExisting.map(Self.normalized) != email
        else { return }
        let roles = try await storage.roles(
            ofUser: existing.id, organizationID: nil, window: ListWindow(offset: 0, limit: 1_000), tenantID: cp)
        // An account promoted by an earlier run (before the mark, or through --promote-existing) stays promoted.
        guard !roles.items.contains(where: { $0.id == Self.adminRoleID }) else { return }
        throw ControlPlaneSeedError.existingAccountNotPromoted(
            email: email, userID: existing.id, createdAt: existing.createdAt)
    }

    private static func normalized(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespaces).lowercased()
    }

    private func ensureAdmin(_ settings: ControlPlaneSeedSettings) async throws -> (String, Bool) {
        let cp = ControlPlane.tenantID
        let email = Self.normalized(settings.adminEmail)
        var created = false
        let userID: String
        if let existing = try await storage.user(
            email: email, connection: TenantProvisioner.databaseConnection, tenantID: cp)
        {
            userID = existing.id
        } else {
            userID = RandomToken.identifier(prefix: "auth0|", length: 24)
            try await storage.createUser(
                User(
                    tenantID: cp, id: userID, connection: TenantProvisioner.databaseConnection, email: email,
                    emailVerified: true, passwordHash: settings.passwordHasher.hash(settings.adminPassword),
                    appMetadata: [Self.createdBySeedKey: "true"], createdAt: clock.now()),
                tenantID: cp)
            created = true
        }
        try await storage.assignRole(UserRole(tenantID: cp, userID: userID, roleID: Self.adminRoleID), tenantID: cp)
        return (userID, created)
    }
}
