import AuthHeroCore
import AuthHeroSQLite
import Foundation
import GRDB
import Testing

@Suite struct RoleStorageTests {
    /// Tenant `a` with a user holding `editor` globally and `admin` in `org_1`.
    func seeded() async throws -> TemporaryStorage {
        let database = try await TemporaryStorage()
        let storage = database.storage
        let now = database.now
        try await storage.createUser(
            User(
                tenantID: "a", id: "auth0|u1", connection: "db", email: "U1@Example.com", passwordHash: nil,
                createdAt: now),
            tenantID: "a")
        try await storage.createOrganization(
            Organization(tenantID: "a", id: "org_1", name: "one", displayName: "One", createdAt: now), tenantID: "a")
        for (id, permission) in [("rol_editor", "write:posts"), ("rol_admin", "admin:posts")] {
            try await storage.createRole(Role(tenantID: "a", id: id, name: id), tenantID: "a")
            try await storage.addPermissions(
                [
                    RolePermission(
                        tenantID: "a", roleID: id, resourceServerIdentifier: "https://api", permissionName: permission)
                ],
                tenantID: "a")
        }
        try await storage.assignRole(UserRole(tenantID: "a", userID: "auth0|u1", roleID: "rol_editor"), tenantID: "a")
        try await storage.assignRole(
            UserRole(tenantID: "a", userID: "auth0|u1", roleID: "rol_admin", organizationID: "org_1"), tenantID: "a")
        return database
    }

    @Test func organizationPermissionsExcludeGlobalRolesByDefault() async throws {
        let storage = try await seeded().storage
        let permissions = try await storage.permissions(
            userID: "auth0|u1", organizationID: "org_1", includeGlobal: false, audience: "https://api", tenantID: "a")
        #expect(permissions == ["admin:posts"])
    }

    @Test func organizationPermissionsIncludeGlobalRolesWhenAsked() async throws {
        let storage = try await seeded().storage
        let permissions = try await storage.permissions(
            userID: "auth0|u1", organizationID: "org_1", includeGlobal: true, audience: "https://api", tenantID: "a")
        #expect(permissions == ["admin:posts", "write:posts"])
    }

    @Test func withoutOrganizationOnlyGlobalRolesCount() async throws {
        let storage = try await seeded().storage
        let permissions = try await storage.permissions(
            userID: "auth0|u1", organizationID: nil, includeGlobal: false, audience: "https://api", tenantID: "a")
        #expect(permissions == ["write:posts"])
    }

    @Test func assigningTheSameGlobalRoleTwiceKeepsOneAssignment() async throws {
        let storage = try await seeded().storage
        try await storage.assignRole(UserRole(tenantID: "a", userID: "auth0|u1", roleID: "rol_editor"), tenantID: "a")
        let count = try await storage.registry.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM user_roles WHERE organization_id IS NULL")
        }
        #expect(count == 1)
    }

    @Test func userEmailLookupIgnoresCase() async throws {
        let storage = try await seeded().storage
        #expect(try await storage.user(email: "u1@example.com", connection: "db", tenantID: "a")?.id == "auth0|u1")
        #expect(try await storage.user(email: "u1@example.com", connection: "db", tenantID: "b") == nil)
    }
}
