import AuthHeroCore
import AuthHeroSQLite
import AuthHeroTesting
import Foundation
import Testing

/// The platform's own control-plane roles stay in the control plane: a role named `Internal:...`, one granting
/// anything on an internal API, or one granting `admin:tenants` is never copied to a customer tenant, and a copy
/// synced before that rule is removed by reconcile together with its assignments.
@Suite struct InternalRoleSyncTests {
    private static let customerAPI = "https://api.example.com"
    private static let internalAPI = "internal:platform-api"

    /// The seed's staff roles plus one named as internal, next to an ordinary `editor`.
    private static func createRoles(_ fixture: SyncFixture) async throws {
        try await fixture.createAPI(Self.customerAPI)
        try await fixture.createAPI(Self.internalAPI, name: "Internal: Platform API", scopes: ["support:access"])
        try await fixture.createRole("editor", permissions: [(Self.customerAPI, "read:data")])
        try await fixture.createRole(
            "support-engineer", permissions: [(Self.internalAPI, "support:access"), (Self.customerAPI, "read:data")])
        try await fixture.createRole(
            "platform-admin",
            permissions: [
                (BuiltInManagementAPI.identifier, BuiltInManagementAPI.platformStaffPermission),
                (Self.customerAPI, "read:data"),
            ])
        try await fixture.createRole("Internal: on-call", permissions: [(Self.customerAPI, "write:data")])
    }

    @Test func internalControlPlaneRolesAreNeverSyncedToCustomerTenants() async throws {
        let fixture = try await SyncFixture()
        try await Self.createRoles(fixture)
        try await fixture.sync.processPending()
        let created = try await fixture.provisioner.create(
            name: "coffee-shop", displayName: "Coffee Shop", creatorUserID: SyncFixture.owner
        ).0
        for tenantID in ["a", "b", created.id] {
            let synced = try await fixture.syncedRoles(tenantID)
            #expect(synced["editor"] == ["\(Self.customerAPI) read:data"], "\(tenantID)")
            // The creator role provisioning adds (`admin`, management permissions only) may be copied without
            // permissions; no staff role is copied at all.
            for staff in ["support-engineer", "platform-admin", "Internal: on-call"] {
                #expect(synced[staff] == nil, "\(staff) was synced to \(tenantID)")
            }
        }
    }

    @Test func reconcileDeletesInternalRoleCopiesSyncedBeforeWithTheirAssignments() async throws {
        let fixture = try await SyncFixture()
        try await Self.createRoles(fixture)
        let staffRole = try #require(
            try await fixture.storage.roleGrants(tenantID: SyncFixture.cp).first { $0.role.name == "platform-admin" })
        try await fixture.storage.saveSyncedRole(staffRole.role, tenantID: "a")
        let copy = try #require(try await fixture.storage.syncedCopies(tenantID: "a").roles.first?.role)
        try await fixture.storage.createUser(
            User(
                tenantID: "a", id: "auth0|member", connection: TenantProvisioner.databaseConnection,
                email: "member@example.com", passwordHash: nil, createdAt: fixture.clock.now()),
            tenantID: "a")
        try await fixture.storage.assignRole(
            UserRole(tenantID: "a", userID: "auth0|member", roleID: copy.id), tenantID: "a")

        let summary = try await fixture.provisioner.reconcile()

        #expect(!summary.hasFailures)
        #expect(try await fixture.syncedRoles("a") == ["editor": ["\(Self.customerAPI) read:data"]])
        #expect(try await fixture.storage.role(copy.id, tenantID: "a") == nil)
        let held = try await fixture.storage.roles(
            ofUser: "auth0|member", organizationID: nil, window: ListWindow(offset: 0, limit: 10), tenantID: "a")
        #expect(held.items.isEmpty)
    }
}
