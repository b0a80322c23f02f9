import AuthHeroCore
import AuthHeroSQLite
import Foundation
import Testing

@Suite struct ClientStorageTests {
    func client(_ tenantID: String, _ id: String, now: Date) -> Client {
        Client(
            tenantID: tenantID, id: id, name: "App", appType: .regularWeb, secretHash: SecretDigest.hash("s"),
            callbacks: ["https://app.example.com/callback"], allowedLogoutURLs: ["https://app.example.com/"],
            webOrigins: ["https://app.example.com"], createdAt: now)
    }

    @Test func clientRoundTripsWithItsURLLists() async throws {
        let database = try await TemporaryStorage()
        let stored = client("a", "app1", now: database.now)
        try await database.storage.createClient(stored, tenantID: "a")
        #expect(try await database.storage.client("app1", tenantID: "a") == stored)
    }

    @Test func clientOfOneTenantIsInvisibleToAnother() async throws {
        let database = try await TemporaryStorage()
        try await database.storage.createClient(client("a", "app1", now: database.now), tenantID: "a")
        #expect(try await database.storage.client("app1", tenantID: "b") == nil)
        #expect(try await database.storage.clients(tenantID: "b").isEmpty)
    }

    @Test func recordOfOneTenantCannotBeWrittenUnderAnother() async throws {
        let database = try await TemporaryStorage()
        await #expect(throws: StorageError.tenantMismatch(expected: "b", found: "a")) {
            try await database.storage.createClient(client("a", "app1", now: database.now), tenantID: "b")
        }
    }

    @Test func sameClientIDMayExistInTwoTenants() async throws {
        let database = try await TemporaryStorage()
        try await database.storage.createClient(client("a", "app1", now: database.now), tenantID: "a")
        try await database.storage.createClient(client("b", "app1", now: database.now), tenantID: "b")
        await #expect(throws: StorageError.self) {
            try await database.storage.createClient(client("a", "app1", now: database.now), tenantID: "a")
        }
    }

    @Test func clientGrantIsFoundByClientAndAudience() async throws {
        let database = try await TemporaryStorage()
        try await database.storage.createClient(client("a", "app1", now: database.now), tenantID: "a")
        let grant = ClientGrant(
            tenantID: "a", id: "cgr_1", clientID: "app1", audience: "https://api", scope: ["read:x"])
        try await database.storage.createClientGrant(grant, tenantID: "a")
        #expect(
            try await database.storage.clientGrant(clientID: "app1", audience: "https://api", tenantID: "a") == grant)
        #expect(
            try await database.storage.clientGrant(clientID: "app1", audience: "https://other", tenantID: "a") == nil)
    }
}
