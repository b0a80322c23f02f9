import AuthHeroCore
import Foundation
import Testing

@Suite struct ConnectionContractTests {
    @Test(arguments: StorageKind.allCases) func mergingOptionsKeepsTheOthersAndRemovesNils(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            try await storage.createConnection(
                Connection(tenantID: "a", id: "con_1", name: "db", options: ["min": "8", "history": "3"]),
                tenantID: "a")
            let merged = try await storage.mergeConnectionOptions(
                id: "con_1", changes: ["min": "12", "history": nil], tenantID: "a")
            #expect(merged?.options == ["min": "12"])
            #expect(try await storage.connection(id: "con_1", tenantID: "a")?.options == ["min": "12"])
            #expect(try await storage.mergeConnectionOptions(id: "con_1", changes: [:], tenantID: "b") == nil)
        }
    }

    @Test(arguments: StorageKind.allCases) func connectionsFilterByStrategyAndName(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            try await storage.createConnection(Connection(tenantID: "a", id: "con_1", name: "db"), tenantID: "a")
            try await storage.createConnection(
                Connection(tenantID: "a", id: "con_2", name: "google", strategy: "google-oauth2"), tenantID: "a")
            let window = ListWindow(offset: 0, limit: 10)
            let auth0 = try await storage.connections(strategy: "auth0", name: nil, window: window, tenantID: "a")
            #expect(auth0.items.map(\.id) == ["con_1"])
            let named = try await storage.connections(strategy: nil, name: "google", window: window, tenantID: "a")
            #expect(named.items.map(\.id) == ["con_2"])
            #expect(try await storage.connections(tenantID: "a").map(\.name) == ["db", "google"])
            #expect(try await storage.connections(tenantID: "b").isEmpty)
        }
    }
}
