import AuthHeroCore
import AuthHeroSQLite
import Foundation
import Testing

/// `organizations(containing:memberID:tenantID:)`: the search behind `GET /api/v2/tenants?q=`.
@Suite struct OrganizationSearchStorageTests {
    /// Tenant `a` with three organizations (alice is a member of the first two) and tenant `b` with one whose name
    /// would match every search.
    private static func storage() async throws -> TemporaryStorage {
        let database = try await TemporaryStorage()
        let organizations = [
            ("a", "org_coffee00000000", "coffee-shop", "Bean There"),
            ("a", "org_percent0000000", "half-off", "50%_Off"),
            ("a", "org_tea00000000000", "tea-house", "Tea House"),
            ("b", "org_other00000000", "coffee-tea-house", "Coffee Tea House 50%_Off"),
        ]
        for (tenantID, id, name, displayName) in organizations {
            try await database.storage.createOrganization(
                Organization(tenantID: tenantID, id: id, name: name, displayName: displayName, createdAt: database.now),
                tenantID: tenantID)
        }
        try await database.storage.createUser(
            User(
                tenantID: "a", id: "auth0|alice", connection: "db", email: "alice@example.com", passwordHash: nil,
                createdAt: database.now),
            tenantID: "a")
        for id in ["org_coffee00000000", "org_percent0000000"] {
            try await database.storage.addMember(
                OrganizationMembership(
                    tenantID: "a", organizationID: id, userID: "auth0|alice", createdAt: database.now),
                tenantID: "a")
        }
        return database
    }

    private static func names(_ database: TemporaryStorage, _ text: String, memberID: String? = nil) async throws
        -> [String]
    {
        try await database.storage.organizations(containing: text, memberID: memberID, tenantID: "a").map(\.name)
    }

    @Test func matchesTheNameOrTheDisplayNameIgnoringCaseByName() async throws {
        let database = try await Self.storage()
        #expect(try await Self.names(database, "COFFEE") == ["coffee-shop"])
        #expect(try await Self.names(database, "bean") == ["coffee-shop"])
        #expect(try await Self.names(database, "o") == ["coffee-shop", "half-off", "tea-house"])
    }

    @Test func wildcardsAndTheEscapeCharacterAreText() async throws {
        let database = try await Self.storage()
        #expect(try await Self.names(database, "%") == ["half-off"])
        #expect(try await Self.names(database, "%_o") == ["half-off"])
        #expect(try await Self.names(database, "e_s").isEmpty)
        #expect(try await Self.names(database, "\\").isEmpty)
    }

    @Test func aMemberIDKeepsOnlyThatUsersOrganizations() async throws {
        let database = try await Self.storage()
        #expect(try await Self.names(database, "o", memberID: "auth0|alice") == ["coffee-shop", "half-off"])
        #expect(try await Self.names(database, "tea", memberID: "auth0|alice").isEmpty)
        #expect(try await Self.names(database, "o", memberID: "auth0|nobody").isEmpty)
    }

    @Test func anotherTenantsOrganizationsAreNeverFound() async throws {
        let database = try await Self.storage()
        #expect(try await !Self.names(database, "coffee").contains("coffee-tea-house"))
        #expect(
            try await database.storage.organizations(containing: "coffee", memberID: nil, tenantID: "b").map(\.name)
                == ["coffee-tea-house"])
    }
}
