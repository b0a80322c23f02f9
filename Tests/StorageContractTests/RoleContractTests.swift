import AuthHeroCore
import Foundation
import Testing

@Suite struct RoleContractTests {
    /// Tenant `a` with a user holding `editor` globally and `admin` in `org_1`.
    func seed(_ storage: any ContractStorage) async throws {
        let now = StorageKind.now
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
    }

    @Test(arguments: StorageKind.allCases) func organizationPermissionsExcludeGlobalRolesByDefault(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            try await seed(storage)
            let permissions = try await storage.permissions(
                userID: "auth0|u1", organizationID: "org_1", includeGlobal: false, audience: "https://api",
                tenantID: "a")
            #expect(permissions == ["admin:posts"])
        }
    }

    @Test(arguments: StorageKind.allCases) func organizationPermissionsIncludeGlobalRolesWhenAsked(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            try await seed(storage)
            let permissions = try await storage.permissions(
                userID: "auth0|u1", organizationID: "org_1", includeGlobal: true, audience: "https://api", tenantID: "a"
            )
            #expect(permissions == ["admin:posts", "write:posts"])
        }
    }

    @Test(arguments: StorageKind.allCases) func withoutOrganizationOnlyGlobalRolesCount(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            try await seed(storage)
            let permissions = try await storage.permissions(
                userID: "auth0|u1", organizationID: nil, includeGlobal: false, audience: "https://api", tenantID: "a")
            #expect(permissions == ["write:posts"])
        }
    }

    @Test(arguments: StorageKind.allCases) func assigningTheSameGlobalRoleTwiceKeepsOneAssignment(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            try await seed(storage)
            try await storage.assignRole(
                UserRole(tenantID: "a", userID: "auth0|u1", roleID: "rol_editor"), tenantID: "a")
            let global = try await storage.roles(
                ofUser: "auth0|u1", organizationID: nil, window: ListWindow(offset: 0, limit: 10), tenantID: "a")
            #expect(global.items.map(\.id) == ["rol_editor"])
            #expect(global.total == 1)
        }
    }

    @Test(arguments: StorageKind.allCases) func userEmailLookupIgnoresCase(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            try await seed(storage)
            #expect(try await storage.user(email: "u1@example.com", connection: "db", tenantID: "a")?.id == "auth0|u1")
            #expect(try await storage.user(email: "u1@example.com", connection: "db", tenantID: "b") == nil)
        }
    }
}
