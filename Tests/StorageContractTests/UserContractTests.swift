import AuthHeroCore
import Foundation
import Testing

@Suite struct UserContractTests {
    func user(_ tenantID: String, _ id: String, email: String?) -> User {
        User(
            tenantID: tenantID, id: id, connection: "db", email: email, passwordHash: "hash",
            userMetadata: ["plan": "pro"], createdAt: StorageKind.now)
    }

    @Test(arguments: StorageKind.allCases) func userRoundTripsAndUpdateClearsWhatBecameNil(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            var stored = user("a", "auth0|1", email: "Ann@Example.com")
            stored.name = "Ann"
            try await storage.createUser(stored, tenantID: "a")
            #expect(try await storage.user("auth0|1", tenantID: "a") == stored)

            stored.name = nil
            stored.blocked = true
            try await storage.updateUser(stored, tenantID: "a")
            #expect(try await storage.user("auth0|1", tenantID: "a") == stored)
        }
    }

    @Test(arguments: StorageKind.allCases) func emailIsFoundAndUniqueRegardlessOfCase(_ kind: StorageKind) async throws
    {
        try await kind.withStorage { storage in
            try await storage.createUser(user("a", "auth0|1", email: "Ann@Example.com"), tenantID: "a")
            #expect(try await storage.user(email: "ann@example.com", connection: "db", tenantID: "a")?.id == "auth0|1")
            #expect(try await storage.user(email: "ann@example.com", connection: "db", tenantID: "b") == nil)
            await #expect(throws: StorageError.self) {
                try await storage.createUser(user("a", "auth0|2", email: "ANN@example.com"), tenantID: "a")
            }
            try await storage.createUser(user("b", "auth0|2", email: "ann@example.com"), tenantID: "b")
        }
    }

    @Test(arguments: StorageKind.allCases) func searchTakesWildcardsLiterallyAndStaysInItsTenant(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            try await storage.createUser(user("a", "auth0|1", email: "ann_1@example.com"), tenantID: "a")
            try await storage.createUser(user("a", "auth0|2", email: "annx1@example.com"), tenantID: "a")
            try await storage.createUser(user("b", "auth0|3", email: "ann_1@example.com"), tenantID: "b")
            let window = ListWindow(offset: 0, limit: 10)
            let found = try await storage.users(matching: .contains("N_1"), window: window, tenantID: "a")
            #expect(found.items.map(\.id) == ["auth0|1"])
            #expect(found.total == 1)
            let exact = try await storage.users(matching: .exact("ANNX1@example.com"), window: window, tenantID: "a")
            #expect(exact.items.map(\.id) == ["auth0|2"])
            let all = try await storage.users(matching: nil, window: ListWindow(offset: 1, limit: 10), tenantID: "a")
            #expect(all.items.map(\.id) == ["auth0|2"])
            #expect(all.total == 2)
        }
    }

    @Test(arguments: StorageKind.allCases) func deletingAUserLeavesTheOtherTenantsUser(_ kind: StorageKind) async throws
    {
        try await kind.withStorage { storage in
            try await storage.createUser(user("a", "auth0|1", email: "a@example.com"), tenantID: "a")
            try await storage.createUser(user("b", "auth0|1", email: "a@example.com"), tenantID: "b")
            #expect(try await storage.deleteUser("auth0|1", tenantID: "a"))
            #expect(try await storage.deleteUser("auth0|1", tenantID: "a") == false)
            #expect(try await storage.user("auth0|1", tenantID: "a") == nil)
            #expect(try await storage.user("auth0|1", tenantID: "b") != nil)
        }
    }

    @Test(arguments: StorageKind.allCases) func userOfOneTenantCannotBeWrittenUnderAnother(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            await #expect(throws: StorageError.tenantMismatch(expected: "b", found: "a")) {
                try await storage.createUser(user("a", "auth0|1", email: nil), tenantID: "b")
            }
        }
    }
}
