import AuthHeroCore
import Foundation
import Testing

@Suite struct ResourceServerContractTests {
    func api(_ tenantID: String, _ id: String, _ identifier: String) -> ResourceServer {
        ResourceServer(
            tenantID: tenantID, id: id, identifier: identifier, name: "API \(id)",
            scopes: [ResourceServerScope(value: "read:x", description: "Read")], metadata: ["sync": "false"])
    }

    @Test(arguments: StorageKind.allCases) func resourceServerRoundTripsAndStaysInItsTenant(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            var stored = api("a", "rs1", "https://api")
            stored.syncedFrom = "rs_source"
            try await storage.createResourceServer(stored, tenantID: "a")
            #expect(try await storage.resourceServer(identifier: "https://api", tenantID: "a") == stored)
            #expect(try await storage.resourceServer(identifier: "https://api", tenantID: "b") == nil)
            await #expect(throws: StorageError.self) {
                try await storage.createResourceServer(api("a", "rs2", "https://api"), tenantID: "a")
            }

            stored.syncedFrom = nil
            stored.tokenLifetime = 60
            try await storage.updateResourceServer(stored, tenantID: "a")
            #expect(try await storage.resourceServer(id: "rs1", tenantID: "a") == stored)
        }
    }

    @Test(arguments: StorageKind.allCases) func deletingAResourceServerRemovesTheGrantsOnIt(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            try await storage.createResourceServer(api("a", "rs1", "https://api"), tenantID: "a")
            try await storage.createClient(
                Client(
                    tenantID: "a", id: "m2m", name: "M2M", appType: .machineToMachine, secretHash: nil,
                    createdAt: StorageKind.now),
                tenantID: "a")
            try await storage.createClientGrant(
                ClientGrant(tenantID: "a", id: "cgr_1", clientID: "m2m", audience: "https://api", scope: ["read:x"]),
                tenantID: "a")
            #expect(try await storage.deleteResourceServer(id: "rs1", tenantID: "a"))
            #expect(try await storage.clientGrant(id: "cgr_1", tenantID: "a") == nil)
            #expect(try await storage.deleteResourceServer(id: "rs1", tenantID: "a") == false)
        }
    }

    @Test(arguments: StorageKind.allCases) func windowsCountEveryResourceServerOfTheTenant(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            for (index, identifier) in ["https://c", "https://a", "https://b"].enumerated() {
                try await storage.createResourceServer(api("a", "rs\(index)", identifier), tenantID: "a")
            }
            let slice = try await storage.resourceServers(window: ListWindow(offset: 1, limit: 1), tenantID: "a")
            #expect(slice.items.map(\.identifier) == ["https://b"])
            #expect(slice.total == 3)
            #expect(try await storage.resourceServers(tenantID: "b").isEmpty)
        }
    }
}
