import AuthHeroCore
import AuthHeroSQLite
import Foundation
import Testing

@Suite struct ControlPlaneSeedTests {
    static let settings = ControlPlaneSeedSettings(
        baseURL: "http://localhost:3000", adminEmail: "Admin@Example.com", adminPassword: "first-password-123",
        passwordHasher: PasswordHasher(cost: 4))

    /// A migrated SQLite file in a fresh directory, the seed over it, and the directory to remove.
    func storage() throws -> (SQLiteStorage, ControlPlaneSeed, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seed-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let storage = try SQLiteStorage.open(path: directory.appendingPathComponent("cp.sqlite").path)
        try storage.migrate()
        let clock = SystemClock()
        return (
            storage,
            ControlPlaneSeed(storage: storage, keys: SigningKeyService(storage: storage, clock: clock), clock: clock),
            directory
        )
    }

    @Test func runningTheSeedTwiceAddsNothingAndKeepsIdsPasswordAndSecret() async throws {
        let (storage, seed, directory) = try storage()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await seed.run(Self.settings)
        var changed = Self.settings
        changed.adminPassword = "another-password-456"
        let second = try await seed.run(changed)

        #expect(first.backendSampleClientSecret != nil && first.createdAdmin)
        #expect(second.backendSampleClientSecret == nil, "a later run cannot know the secret: only its hash is stored")
        #expect(!second.createdAdmin)
        #expect(
            second.portalClientID == first.portalClientID && second.backendSampleClientID == first.backendSampleClientID
        )
        #expect(try await storage.clients(tenantID: ControlPlane.tenantID).count == 2)
        #expect(try await storage.resourceServers(tenantID: ControlPlane.tenantID).count == 3)
        #expect(try await storage.connections(tenantID: ControlPlane.tenantID).count == 1)
        let admin = try #require(
            try await storage.user(
                email: "admin@example.com", connection: "Username-Password-Authentication",
                tenantID: ControlPlane.tenantID))
        #expect(PasswordHasher().verify("first-password-123", hash: try #require(admin.passwordHash)))
        #expect(admin.passwordHash?.contains("first-password-123") == false)
        #expect(try await storage.tenants().count == 1)
    }

    @Test func theAdministratorIsPlatformStaffAndNothingMoreGlobally() async throws {
        let (storage, seed, directory) = try storage()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await seed.run(Self.settings)
        let management = try await storage.permissions(
            userID: result.adminUserID, organizationID: nil, includeGlobal: true,
            audience: BuiltInManagementAPI.identifier,
            tenantID: ControlPlane.tenantID)
        #expect(management.contains(BuiltInManagementAPI.platformStaffPermission))
        #expect(Set(management).isSuperset(of: BuiltInManagementAPI.scopes))
        let internalPermissions = try await storage.permissions(
            userID: result.adminUserID, organizationID: nil, includeGlobal: true, audience: "internal:platform-api",
            tenantID: ControlPlane.tenantID)
        #expect(internalPermissions.isEmpty)
    }

    @Test func theTenantAllowsOrganizationNamesAndHasASigningKey() async throws {
        let (storage, seed, directory) = try storage()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await seed.run(Self.settings)
        let tenant = try #require(try await storage.tenant(ControlPlane.tenantID))
        #expect(tenant.settings.allowOrganizationNameInToken)
        #expect(tenant.provisioningState == .ready)
        let ring = try await SigningKeyService(storage: storage, clock: SystemClock()).keyRing(
            tenantID: ControlPlane.tenantID)
        #expect(ring.currentKeyIDs[.rs256] != nil)
    }

    @Test func theInternalAPIIsMarkedNeverToSyncAndTheCustomerAPIIsNot() async throws {
        let (storage, seed, directory) = try storage()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await seed.run(Self.settings)
        let servers = try await storage.resourceServers(tenantID: ControlPlane.tenantID)
        let internalAPI = try #require(servers.first { $0.identifier == "internal:platform-api" })
        let customer = try #require(servers.first { $0.identifier == "https://api.yourplatform.com" })
        #expect(MultiTenancyPlugin.isInternalByDefault(internalAPI))
        #expect(!MultiTenancyPlugin.isInternalByDefault(customer))
        #expect(internalAPI.name == "Internal: Platform API" && customer.name == "Customer Portal API")
    }

    @Test func thePortalIsAPublicPKCEClientOnTheBaseURL() async throws {
        let (storage, seed, directory) = try storage()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await seed.run(Self.settings)
        let portal = try #require(try await storage.client(result.portalClientID, tenantID: ControlPlane.tenantID))
        #expect(portal.appType == .spa && portal.secretHash == nil)
        #expect(portal.callbacks == ["http://localhost:3000/portal/"])
        #expect(portal.allowedLogoutURLs == ["http://localhost:3000/portal/"])
        #expect(portal.webOrigins == ["http://localhost:3000"], "a web origin has no path")
        #expect(portal.grantTypes == ["authorization_code", "refresh_token"])
        let grant = try #require(
            try await storage.clientGrant(
                clientID: result.backendSampleClientID, audience: BuiltInManagementAPI.identifier,
                tenantID: ControlPlane.tenantID))
        #expect(Set(grant.scope) == ["read:users", "read:tenants", "admin:tenants"])
    }

    @Test func aLaterSeedMovesThePortalsFormerDefaultURLsToThePortalPage() async throws {
        let (storage, seed, directory) = try storage()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cp = ControlPlane.tenantID
        let first = try await seed.run(Self.settings)
        var portal = try #require(try await storage.client(first.portalClientID, tenantID: cp))
        portal.callbacks = ["http://localhost:3000/callback"]
        portal.allowedLogoutURLs = ["http://localhost:3000/"]
        try await storage.updateClient(portal, tenantID: cp)

        _ = try await seed.run(Self.settings)
        let moved = try #require(try await storage.client(first.portalClientID, tenantID: cp))
        #expect(moved.callbacks == ["http://localhost:3000/portal/"])
        #expect(moved.allowedLogoutURLs == ["http://localhost:3000/portal/"])
        #expect(moved.webOrigins == ["http://localhost:3000"])
    }

    @Test func aLaterSeedKeepsPortalURLsTheOwnerChanged() async throws {
        let (storage, seed, directory) = try storage()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cp = ControlPlane.tenantID
        let first = try await seed.run(Self.settings)
        var portal = try #require(try await storage.client(first.portalClientID, tenantID: cp))
        portal.callbacks = ["https://portal.example.com/callback"]
        portal.allowedLogoutURLs = ["http://localhost:3000/"]
        try await storage.updateClient(portal, tenantID: cp)

        _ = try await seed.run(Self.settings)
        let kept = try #require(try await storage.client(first.portalClientID, tenantID: cp))
        #expect(kept.callbacks == ["https://portal.example.com/callback"])
        #expect(kept.allowedLogoutURLs == ["http://localhost:3000/"])
    }
}
