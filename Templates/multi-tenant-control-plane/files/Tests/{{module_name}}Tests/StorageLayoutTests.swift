import AuthHeroCore
import AuthHeroSQLite
import Foundation
import Testing

@testable import {{module_name}}

/// Tenants' rows live where the layout under test says, and `export` / `import` move every tenant to the other
/// layout with nothing lost (the way out of the "migration trap" of a platform that outgrows its layout).
@Suite struct StorageLayoutTests {
    static func createCoffeeShop(_ server: TestControlPlane) async throws {
        let tokens = try await server.portalTokens(email: "founder@example.com", password: "a long enough secret", signUp: true)
        let created = try await server.api(
            .post, "/api/v2/tenants", token: try #require(tokens["access_token"] as? String),
            json: #"{"name":"coffee-shop","display_name":"Coffee Shop"}"#)
        #expect(created.status == .created)
    }

    @Test func aNewTenantsRowsLiveWhereTheLayoutSays() async throws {
        try await TestControlPlane.run { server in
            try await Self.createCoffeeShop(server)
            let strategy = try TestControlPlane.strategy(databasePath: server.databasePath)
            let tenantFile = strategy.tenantFile("coffee-shop").path
            #expect(server.runtime.storage.layout == strategy.layout)
            #expect(FileManager.default.fileExists(atPath: tenantFile) == (strategy.layout == .databasePerTenant))
        }
    }

    @Test func exportThenImportIntoTheOtherLayoutKeepsEveryTenantsData() async throws {
        try await TestControlPlane.run { server in
            try await Self.createCoffeeShop(server)
            let here = try TestControlPlane.strategy(databasePath: server.databasePath).layout
            let other: StorageLayout = here == .shared ? .databasePerTenant : .shared
            let folder = URL(fileURLWithPath: server.databasePath).deletingLastPathComponent()
            let archive = folder.appendingPathComponent("tenants.json").path
            let target = folder.appendingPathComponent("moved/control-plane.sqlite").path

            try await Export.parse([
                "--all", "--output", archive, "--database", server.databasePath, "--storage", here.rawValue,
            ]).run()
            let permissions = try FileManager.default.attributesOfItem(atPath: archive)[.posixPermissions] as? Int
            #expect(permissions == 0o600)
            try await Import.parse([archive, "--database", target, "--storage", other.rawValue]).run()

            let moved = try ControlPlaneRuntime.open(
                strategy: StorageStrategy(layout: other, databasePath: target), baseURL: TestControlPlane.baseURL,
                development: true)
            let before = server.runtime.storage
            #expect(try await moved.storage.tenants() == before.tenants())
            for tenantID in [ControlPlane.tenantID, "coffee-shop"] {
                let window = ListWindow(offset: 0, limit: 1_000)
                #expect(
                    try await moved.storage.users(matching: nil, window: window, tenantID: tenantID).items
                        == before.users(matching: nil, window: window, tenantID: tenantID).items)
                #expect(try await moved.storage.resourceServers(tenantID: tenantID) == before.resourceServers(tenantID: tenantID))
                #expect(try await moved.storage.keys(tenantID: tenantID) == before.keys(tenantID: tenantID))
                #expect(try await moved.storage.roleGrants(tenantID: tenantID) == before.roleGrants(tenantID: tenantID))
            }
            // Importing again without --replace refuses and changes nothing.
            await #expect(throws: CommandError.self) {
                try await Import.parse([archive, "--database", target, "--storage", other.rawValue]).run()
            }
        }
    }
}
