import AuthHeroCore
import Foundation
import Testing

/// Control-plane sync's writes in a customer tenant: copies named by their source, stale ones removed with their
/// permissions and assignments, the tenant's own rows never touched, and a full pass that finds nothing to do
/// writing nothing.
@Suite struct SyncContractTests {
    private static let api = "https://api.example.com"
    private static let cp = ControlPlane.tenantID

    private static var syncable: SyncableSet {
        let server = ResourceServer(
            tenantID: cp, id: "rs_source", identifier: api, name: "Customer API",
            scopes: [ResourceServerScope(value: "read:data")])
        let editor = Role(tenantID: cp, id: "rol_editor_source", name: "editor", description: "Edits")
        let permission = RolePermission(
            tenantID: cp, roleID: editor.id, resourceServerIdentifier: api, permissionName: "read:data")
        return SyncableSet(resourceServers: [server], roles: [RoleGrants(role: editor, permissions: [permission])])
    }

    @Test(arguments: StorageKind.allCases) func aFullPassMakesCopiesAndASecondFindsNothingToDo(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            try await storage.createRole(Role(tenantID: "a", id: "rol_own", name: "own"), tenantID: "a")
            #expect(try await storage.replaceSyncedCopies(with: Self.syncable, tenantID: "a") == 3)

            let copies = try await storage.syncedCopies(tenantID: "a")
            #expect(copies.resourceServers.map(\.syncedFrom) == ["rs_source"])
            #expect(copies.resourceServers.first?.identifier == Self.api)
            #expect(copies.resourceServers.first?.tenantID == "a")
            let role = try #require(copies.roles.first)
            #expect(copies.roles.count == 1)
            #expect(role.role.syncedFrom == "rol_editor_source" && role.role.name == "editor")
            #expect(role.permissions.map(\.permissionName) == ["read:data"])
            #expect(Self.syncable.isMirrored(by: copies, tenantID: "a"))
            #expect(try await storage.replaceSyncedCopies(with: Self.syncable, tenantID: "a") == 0)
            #expect(try await storage.role("rol_own", tenantID: "a") != nil, "the tenant's own role stays")
            #expect(try await storage.syncedCopies(tenantID: "b") == SyncableSet(), "tenant b is not touched")
        }
    }

    @Test(arguments: StorageKind.allCases) func aRemovedSourceTakesItsCopyAndItsAssignments(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            _ = try await storage.replaceSyncedCopies(with: Self.syncable, tenantID: "a")
            let copy = try #require(try await storage.syncedCopies(tenantID: "a").roles.first?.role)
            try await storage.createUser(
                User(
                    tenantID: "a", id: "auth0|u1", connection: "db", email: "u1@example.com", passwordHash: nil,
                    createdAt: StorageKind.now),
                tenantID: "a")
            try await storage.assignRole(UserRole(tenantID: "a", userID: "auth0|u1", roleID: copy.id), tenantID: "a")

            #expect(try await storage.replaceSyncedCopies(with: SyncableSet(), tenantID: "a") > 0)
            #expect(try await storage.syncedCopies(tenantID: "a") == SyncableSet())
            let roles = try await storage.roles(
                ofUser: "auth0|u1", organizationID: nil, window: ListWindow(offset: 0, limit: 10), tenantID: "a")
            #expect(roles.items.isEmpty)
        }
    }

    @Test(arguments: StorageKind.allCases) func singleWritesKeepOneCopyPerSource(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            let source = Self.syncable
            try await storage.saveSyncedRole(source.roles[0].role, tenantID: "a")
            try await storage.saveSyncedRole(source.roles[0].role, tenantID: "a")
            try await storage.replaceSyncedRolePermissions(
                sourceID: "rol_editor_source", with: source.roles[0].permissions, tenantID: "a")
            try await storage.saveSyncedResourceServer(source.resourceServers[0], tenantID: "a")
            var renamed = source.resourceServers[0]
            renamed.name = "Renamed"
            try await storage.saveSyncedResourceServer(renamed, tenantID: "a")

            var copies = try await storage.syncedCopies(tenantID: "a")
            #expect(copies.roles.count == 1 && copies.roles[0].permissions.count == 1)
            #expect(copies.resourceServers.map(\.name) == ["Renamed"])

            try await storage.deleteSyncedResourceServer(identifier: Self.api, tenantID: "a")
            copies = try await storage.syncedCopies(tenantID: "a")
            #expect(copies.resourceServers.isEmpty)
            #expect(copies.roles.first?.permissions == [], "permissions on a removed API go with it")
            try await storage.deleteSyncedRole(sourceID: "rol_editor_source", tenantID: "a")
            #expect(try await storage.syncedCopies(tenantID: "a") == SyncableSet())
        }
    }
}
