import AuthHeroCore
import AuthHeroSQLite
import AuthHeroTesting
import Foundation
import GRDB
import Testing

/// Resource servers and roles made in the control plane reach every customer tenant through the outbox, and
/// internal ones never do (ARCHITECTURE.md, "Organization ↔ tenant link").
@Suite struct ControlPlaneSyncTests {
    private static let api = "https://api.example.com"

    @Test func syncedResourceServerAppearsInExistingAndLaterTenants() async throws {
        let fixture = try await SyncFixture()
        let source = try await fixture.createAPI(Self.api, name: "Customer Portal API")
        #expect(try await fixture.syncedAPIs("a").isEmpty, "nothing is copied inside the request")

        let summary = try await fixture.sync.processPending()
        #expect(summary.processed == 1)
        #expect(summary.failed == 0)
        for tenantID in ["a", "b"] {
            let copy = try #require(try await fixture.storage.resourceServer(identifier: Self.api, tenantID: tenantID))
            #expect(copy.syncedFrom == source.id)
            #expect(copy.id != source.id)
            #expect(copy.name == "Customer Portal API")
            #expect(copy.scopes.map(\.value) == ["read:data", "write:data"])
            #expect(!copy.isSystem)
        }
        #expect(try await fixture.syncedAPIs(SyncFixture.cp).isEmpty, "the control plane holds originals only")

        _ = try await fixture.provisioner.create(
            name: "coffee-shop", displayName: "Coffee Shop", creatorUserID: SyncFixture.owner)
        #expect(try await fixture.syncedAPIs("coffee-shop") == [Self.api])
    }

    @Test(arguments: [
        ("https://internal.example.com", "Support", ["sync": "false"]),
        ("https://flagged.example.com", "Support", ["internal": "true"]),
        ("internal:platform-api", "Platform API", [:]),
        ("https://named.example.com", "Internal: Support Tools", [:]),
    ])
    func internalResourceServerIsNeverSynced(identifier: String, name: String, metadata: [String: String])
        async throws
    {
        let fixture = try await SyncFixture()
        try await fixture.createAPI(identifier, name: name, metadata: metadata)
        try await fixture.sync.processPending()
        #expect(try await fixture.syncedAPIs("a").isEmpty)
        #expect(try await fixture.storage.resourceServer(identifier: identifier, tenantID: "b") == nil)

        _ = try await fixture.provisioner.create(name: "later", displayName: "Later", creatorUserID: SyncFixture.owner)
        #expect(try await fixture.syncedAPIs("later").isEmpty)
        #expect(try await fixture.provisioner.reconcile().fullSync.repairs == 0)
        #expect(try await fixture.syncedAPIs("a").isEmpty)
    }

    @Test func syncedRolesKeepOnlyPermissionsOnSyncedAPIs() async throws {
        let fixture = try await SyncFixture()
        try await fixture.createAPI(Self.api)
        try await fixture.createAPI("internal:platform-api", scopes: ["support:access"])
        // A role holding anything on the internal API is internal as a whole and never synced
        // (InternalRoleSyncTests); this one holds a management permission, which the copy drops.
        try await fixture.createRole(
            "support",
            permissions: [(Self.api, "read:data"), (BuiltInManagementAPI.identifier, "read:users")])
        try await fixture.sync.processPending()
        #expect(try await fixture.syncedRoles("a") == ["support": ["\(Self.api) read:data"]])
        _ = try await fixture.provisioner.create(name: "later", displayName: "Later", creatorUserID: SyncFixture.owner)
        let later = try await fixture.syncedRoles("later")
        #expect(later["support"] == ["\(Self.api) read:data"])
        #expect(later.values.allSatisfy { $0.allSatisfy { $0.hasPrefix(Self.api) } }, "\(later)")
    }

    @Test func rolePermissionChangePropagates() async throws {
        let fixture = try await SyncFixture()
        try await fixture.createAPI(Self.api)
        let editor = try await fixture.createRole("editor", permissions: [(Self.api, "read:data")])
        try await fixture.sync.processPending()
        #expect(try await fixture.syncedRoles("b") == ["editor": ["\(Self.api) read:data"]])

        try await fixture.grant(editor, [(Self.api, "write:data")])
        try await fixture.sync.processPending()
        for tenantID in ["a", "b"] {
            #expect(
                try await fixture.syncedRoles(tenantID) == [
                    "editor": ["\(Self.api) read:data", "\(Self.api) write:data"]
                ])
        }

        try await fixture.execute(
            "DELETE FROM role_permissions WHERE tenant_id = ? AND role_id = ? AND permission_name = 'read:data'",
            [SyncFixture.cp, editor.id])
        try await fixture.sync.record(.roleSaved(id: editor.id))
        try await fixture.sync.processPending()
        #expect(try await fixture.syncedRoles("a") == ["editor": ["\(Self.api) write:data"]])
    }

    @Test func resourceServerTurnedInternalLosesItsCopiesAndGrants() async throws {
        let fixture = try await SyncFixture()
        let source = try await fixture.createAPI(Self.api)
        try await fixture.createRole("editor", permissions: [(Self.api, "read:data")])
        try await fixture.sync.processPending()
        #expect(try await fixture.syncedAPIs("a") == [Self.api])

        try await fixture.execute(
            "UPDATE resource_servers SET metadata = '{\"internal\":\"true\"}' WHERE tenant_id = ? AND id = ?",
            [SyncFixture.cp, source.id])
        try await fixture.sync.record(.resourceServerSaved(identifier: Self.api))
        try await fixture.sync.processPending()
        #expect(try await fixture.syncedAPIs("a").isEmpty)
        #expect(try await fixture.syncedRoles("a") == ["editor": []])
    }

    @Test func deletingAControlPlaneRoleOrResourceServerRemovesTheCopies() async throws {
        let fixture = try await SyncFixture()
        let source = try await fixture.createAPI(Self.api)
        let editor = try await fixture.createRole("editor", permissions: [(Self.api, "read:data")])
        try await fixture.sync.processPending()
        let copy = try #require(try await fixture.storage.syncedCopies(tenantID: "a").roles.first)
        try await fixture.storage.createUser(
            User(
                tenantID: "a", id: "auth0|barista", connection: TenantProvisioner.databaseConnection, email: nil,
                passwordHash: nil, createdAt: fixture.clock.now()),
            tenantID: "a")
        try await fixture.storage.assignRole(
            UserRole(tenantID: "a", userID: "auth0|barista", roleID: copy.role.id), tenantID: "a")

        try await fixture.execute("DELETE FROM roles WHERE tenant_id = ? AND id = ?", [SyncFixture.cp, editor.id])
        try await fixture.sync.record(.roleDeleted(id: editor.id))
        try await fixture.sync.processPending()
        #expect(try await fixture.syncedRoles("a").isEmpty)
        #expect(try await fixture.storage.role(copy.role.id, tenantID: "a") == nil)
        #expect(
            try await fixture.storage.permissions(
                userID: "auth0|barista", organizationID: nil, includeGlobal: true, audience: Self.api, tenantID: "a"
            ).isEmpty)

        try await fixture.execute(
            "DELETE FROM resource_servers WHERE tenant_id = ? AND id = ?", [SyncFixture.cp, source.id])
        try await fixture.sync.record(.resourceServerDeleted(identifier: Self.api))
        try await fixture.sync.processPending()
        for tenantID in ["a", "b"] { #expect(try await fixture.syncedAPIs(tenantID).isEmpty) }
    }

    @Test func tenantsOwnRecordsAreNeverTouched() async throws {
        let fixture = try await SyncFixture()
        try await fixture.storage.createRole(Role(tenantID: "a", id: "rol_own", name: "barista"), tenantID: "a")
        try await fixture.storage.createResourceServer(
            ResourceServer(tenantID: "a", id: "rs_own", identifier: "https://own.example.com", name: "Own"),
            tenantID: "a")
        try await fixture.createAPI(Self.api)
        try await fixture.createRole("editor", permissions: [(Self.api, "read:data")])
        try await fixture.sync.processPending()
        #expect(try await fixture.provisioner.reconcile().fullSync.repairs == 0)
        #expect(try await fixture.storage.role("rol_own", tenantID: "a")?.syncedFrom == nil)
        #expect(try await fixture.storage.resourceServer(identifier: "https://own.example.com", tenantID: "a") != nil)
    }

    @Test func roleSyncCanBeTurnedOff() async throws {
        let fixture = try await SyncFixture(multiTenancy: MultiTenancyPlugin(syncsRoles: false))
        try await fixture.createAPI(Self.api)
        try await fixture.createRole("editor", permissions: [(Self.api, "read:data")])
        try await fixture.sync.processPending()
        #expect(try await fixture.syncedAPIs("a") == [Self.api])
        #expect(try await fixture.syncedRoles("a").isEmpty)
    }
}
