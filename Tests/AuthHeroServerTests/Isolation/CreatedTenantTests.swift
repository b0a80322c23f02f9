import AuthHeroCore
import AuthHeroSQLite
import AuthHeroTesting
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

/// A tenant created through `POST /api/v2/tenants` works the same in both storage layouts, and with
/// database-per-tenant storage it gets a file of its own that holds its users. Serialized: each test starts a server
/// and logs in.
@Suite(.serialized) struct CreatedTenantTests {
    private static let newUser =
        #"{"connection":"Username-Password-Authentication","email":"barista@coffee.example","#
        + #""password":"steamed milk 42"}"#

    @Test(arguments: StorageLayout.allCases)
    func aTenantCreatedThroughTheAPIIsManagedByItsOrganizationToken(layout: StorageLayout) async throws {
        try await IsolationFixture.run(layout) { fixture in
            let portal = try await fixture.management.controlPlaneToken()
            let created = try await fixture.management.send(
                .post, "/api/v2/tenants", token: portal, json: #"{"name":"coffee-shop","display_name":"Coffee"}"#)
            #expect(created.status == .created)
            let organizationID = try #require(try created.json()["id"] as? String)
            let token = try await fixture.management.controlPlaneToken(scope: "", organization: organizationID)

            let posted = try await fixture.management.send(
                .post, "/api/v2/users", token: token, tenant: "coffee-shop", json: Self.newUser)
            #expect(posted.status == .created)
            let listed = try await fixture.management.send(.get, "/api/v2/users", token: token, tenant: "coffee-shop")
            #expect(
                try ManagementFixture.array(listed).compactMap { $0["email"] as? String } == ["barista@coffee.example"])
            let elsewhere = try await fixture.management.send(.get, "/api/v2/users", token: token, tenant: "alpha")
            #expect(elsewhere.status == .forbidden)

            let storage = try #require(fixture.storage as? SQLiteStorage)
            let file = StorageStrategy(layout: .databasePerTenant, databasePath: storage.registry.path)
                .tenantFile("coffee-shop")
            #expect(FileManager.default.fileExists(atPath: file.path) == (layout == .databasePerTenant))
            #expect(try await storage.tenant("coffee-shop")?.provisioningState == .ready)
        }
    }
}
