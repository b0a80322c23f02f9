import AuthHeroCore
import Foundation
import Testing

@Suite struct ClientContractTests {
    func client(_ tenantID: String, _ id: String, now: Date) -> Client {
        Client(
            tenantID: tenantID, id: id, name: "App", appType: .regularWeb, secretHash: SecretDigest.hash("s"),
            callbacks: ["https://app.example.com/callback"], allowedLogoutURLs: ["https://app.example.com/"],
            webOrigins: ["https://app.example.com"], createdAt: now)
    }

    @Test(arguments: StorageKind.allCases) func clientRoundTripsWithItsURLLists(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            let stored = client("a", "app1", now: StorageKind.now)
            try await storage.createClient(stored, tenantID: "a")
            #expect(try await storage.client("app1", tenantID: "a") == stored)
        }
    }

    @Test(arguments: StorageKind.allCases) func clientOfOneTenantIsInvisibleToAnother(_ kind: StorageKind) async throws
    {
        try await kind.withStorage { storage in
            try await storage.createClient(client("a", "app1", now: StorageKind.now), tenantID: "a")
            #expect(try await storage.client("app1", tenantID: "b") == nil)
            #expect(try await storage.clients(tenantID: "b").isEmpty)
        }
    }

    @Test(arguments: StorageKind.allCases) func recordOfOneTenantCannotBeWrittenUnderAnother(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            await #expect(throws: StorageError.tenantMismatch(expected: "b", found: "a")) {
                try await storage.createClient(client("a", "app1", now: StorageKind.now), tenantID: "b")
            }
        }
    }

    @Test(arguments: StorageKind.allCases) func sameClientIDMayExistInTwoTenants(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            try await storage.createClient(client("a", "app1", now: StorageKind.now), tenantID: "a")
            try await storage.createClient(client("b", "app1", now: StorageKind.now), tenantID: "b")
            await #expect(throws: StorageError.self) {
                try await storage.createClient(client("a", "app1", now: StorageKind.now), tenantID: "a")
            }
        }
    }

    @Test(arguments: StorageKind.allCases) func clientGrantIsFoundByClientAndAudience(_ kind: StorageKind) async throws
    {
        try await kind.withStorage { storage in
            try await storage.createClient(client("a", "app1", now: StorageKind.now), tenantID: "a")
            let grant = ClientGrant(
                tenantID: "a", id: "cgr_1", clientID: "app1", audience: "https://api", scope: ["read:x"])
            try await storage.createClientGrant(grant, tenantID: "a")
            #expect(
                try await storage.clientGrant(clientID: "app1", audience: "https://api", tenantID: "a") == grant)
            #expect(
                try await storage.clientGrant(clientID: "app1", audience: "https://other", tenantID: "a") == nil)
        }
    }
}
