import AuthHeroCore
import Foundation
import Testing

/// The store methods behind the Management API: windows and totals computed in SQL, checkpoints, deletes that take
/// their dependents along, and every call confined to its tenant.
@Suite struct ManagementContractTests {
    private static let all = ListWindow(offset: 0, limit: 100)

    private static func user(_ id: String, _ email: String, tenant: String, at date: Date) -> User {
        User(
            tenantID: tenant, id: id, connection: "db", email: email, name: "Name \(id)", passwordHash: nil,
            createdAt: date)
    }

    @Test(arguments: StorageKind.allCases) func usersAreFilteredPagedAndCountedWithinTheirTenant(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            for index in 0..<5 {
                try await storage.createUser(
                    Self.user(
                        "auth0|\(index)", "user\(index)@shop.example", tenant: "a", at: StorageKind.now + Double(index)),
                    tenantID: "a")
            }
            try await storage.createUser(
                Self.user("auth0|0", "user0@shop.example", tenant: "b", at: StorageKind.now), tenantID: "b")
            let window = try await storage.users(
                matching: .contains("SHOP"), window: ListWindow(offset: 1, limit: 2), tenantID: "a")
            #expect(window.items.map(\.id) == ["auth0|1", "auth0|2"])
            #expect(window.total == 5)
            #expect(window.items.first?.name == "Name auth0|1")
            let exact = try await storage.users(matching: .exact("USER3@shop.example"), window: Self.all, tenantID: "a")
            #expect(exact.items.map(\.id) == ["auth0|3"])
            let inB = try await storage.users(matching: nil, window: Self.all, tenantID: "b")
            #expect(inB.total == 1)
            let beyond = try await storage.users(
                matching: nil, window: ListWindow(offset: 50, limit: 10), tenantID: "a")
            #expect(beyond.items.isEmpty && beyond.total == 5)
        }
    }

    @Test(arguments: StorageKind.allCases) func deletingAUserLeavesTheSameIdInAnotherTenant(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            for tenant in ["a", "b"] {
                try await storage.createUser(
                    Self.user("auth0|u", "u@x.example", tenant: tenant, at: StorageKind.now), tenantID: tenant)
            }
            #expect(try await storage.deleteUser("auth0|u", tenantID: "a"))
            #expect(try await !storage.deleteUser("auth0|u", tenantID: "a"))
            #expect(try await storage.user("auth0|u", tenantID: "b") != nil)
        }
    }

    @Test(arguments: StorageKind.allCases) func checkpointsWalkOrganizationsByIdWithoutGapsOrRepeats(
        _ kind: StorageKind
    ) async throws {
        try await kind.withStorage { storage in
            for index in 0..<5 {
                try await storage.createOrganization(
                    Organization(
                        tenantID: "a", id: "org_\(index)", name: "n\(4 - index)", displayName: "",
                        createdAt: StorageKind.now),
                    tenantID: "a")
            }
            var seen: [String] = []
            var from: String? = nil
            repeat {
                let page = try await storage.organizations(from: from, take: 2, tenantID: "a")
                seen += page.items.map(\.id)
                from = page.next
            } while from != nil
            #expect(seen == ["org_0", "org_1", "org_2", "org_3", "org_4"])
            #expect(try await storage.organizations(from: nil, take: 5, tenantID: "a").next == nil)
            #expect(try await storage.organizations(from: nil, take: 5, tenantID: "b").items.isEmpty)
            let byName = try await storage.organizations(window: ListWindow(offset: 0, limit: 2), tenantID: "a")
            #expect(byName.items.map(\.name) == ["n0", "n1"])
        }
    }

    @Test(arguments: StorageKind.allCases) func deletingAnOrganizationRemovesItsMembershipsAndItsRolesOnly(
        _ kind: StorageKind
    ) async throws {
        try await kind.withStorage { storage in
            try await storage.createUser(
                Self.user("auth0|u", "u@x.example", tenant: "a", at: StorageKind.now), tenantID: "a")
            try await storage.createRole(Role(tenantID: "a", id: "rol_r", name: "r"), tenantID: "a")
            for id in ["org_1", "org_2"] {
                try await storage.createOrganization(
                    Organization(tenantID: "a", id: id, name: id, displayName: "", createdAt: StorageKind.now),
                    tenantID: "a")
                try await storage.addMember(
                    OrganizationMembership(
                        tenantID: "a", organizationID: id, userID: "auth0|u", createdAt: StorageKind.now),
                    tenantID: "a")
                try await storage.assignRole(
                    UserRole(tenantID: "a", userID: "auth0|u", roleID: "rol_r", organizationID: id), tenantID: "a")
            }
            try await storage.assignRole(UserRole(tenantID: "a", userID: "auth0|u", roleID: "rol_r"), tenantID: "a")
            #expect(try await storage.deleteOrganization("org_1", tenantID: "a"))
            #expect(
                try await storage.organizations(ofUser: "auth0|u", window: Self.all, tenantID: "a").items.map(\.id) == [
                    "org_2"
                ])
            #expect(
                try await storage.roles(ofUser: "auth0|u", organizationID: "org_1", window: Self.all, tenantID: "a")
                    .total
                    == 0)
            #expect(
                try await storage.roles(ofUser: "auth0|u", organizationID: "org_2", window: Self.all, tenantID: "a")
                    .total
                    == 1)
            #expect(
                try await storage.roles(ofUser: "auth0|u", organizationID: nil, window: Self.all, tenantID: "a").total
                    == 1)
        }
    }

    @Test(arguments: StorageKind.allCases) func globalPermissionsAreDistinctAndIgnoreOrganizationRoles(
        _ kind: StorageKind
    ) async throws {
        try await kind.withStorage { storage in
            try await storage.createUser(
                Self.user("auth0|u", "u@x.example", tenant: "a", at: StorageKind.now), tenantID: "a")
            for (roleID, permissions) in [("rol_1", ["read", "write"]), ("rol_2", ["read"]), ("rol_org", ["admin"])] {
                try await storage.createRole(Role(tenantID: "a", id: roleID, name: roleID), tenantID: "a")
                try await storage.addPermissions(
                    permissions.map {
                        RolePermission(
                            tenantID: "a", roleID: roleID, resourceServerIdentifier: "https://api", permissionName: $0)
                    },
                    tenantID: "a")
            }
            for roleID in ["rol_1", "rol_2"] {
                try await storage.assignRole(UserRole(tenantID: "a", userID: "auth0|u", roleID: roleID), tenantID: "a")
            }
            try await storage.assignRole(
                UserRole(tenantID: "a", userID: "auth0|u", roleID: "rol_org", organizationID: "org_x"), tenantID: "a")
            let permissions = try await storage.globalPermissions(ofUser: "auth0|u", window: Self.all, tenantID: "a")
            #expect(permissions.items.map(\.permissionName) == ["read", "write"])
            #expect(permissions.total == 2)
        }
    }

    @Test(arguments: StorageKind.allCases) func deletingARoleOrAnAPITakesItsPermissionsAlong(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            try await storage.createResourceServer(
                ResourceServer(tenantID: "a", id: "rs_1", identifier: "https://api", name: "API"), tenantID: "a")
            for roleID in ["rol_1", "rol_2"] {
                try await storage.createRole(Role(tenantID: "a", id: roleID, name: roleID), tenantID: "a")
                try await storage.addPermissions(
                    [
                        RolePermission(
                            tenantID: "a", roleID: roleID, resourceServerIdentifier: "https://api",
                            permissionName: "read")
                    ],
                    tenantID: "a")
            }
            #expect(try await storage.deleteRole("rol_1", tenantID: "a"))
            #expect(try await storage.permissions(ofRole: "rol_1", window: Self.all, tenantID: "a").total == 0)
            #expect(try await storage.deleteResourceServer(id: "rs_1", tenantID: "a"))
            #expect(try await storage.permissions(ofRole: "rol_2", window: Self.all, tenantID: "a").total == 0)
            #expect(try await !storage.deleteResourceServer(id: "rs_1", tenantID: "a"))
        }
    }
}
