import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /api/v2/tenants?q=`: the portal's organization search, over real HTTP and real tokens.
@Suite struct TenantSearchTests {
    private static let cpHost = LoginTestServer.host(ControlPlane.tenantID)

    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in try await body(try await ManagementFixture.seed(server)) }
    }

    /// Creates a tenant through the API as the caller of `token`.
    private static func create(_ fixture: ManagementFixture, token: String, _ name: String, _ displayName: String)
        async throws
    {
        let body = #"{"name":"\#(name)","display_name":"\#(displayName)"}"#
        #expect(try await fixture.post("/api/v2/tenants", token: token, json: body).status == .created)
    }

    private static func listed(_ fixture: ManagementFixture, token: String, query: String) async throws -> [String] {
        let response = try await fixture.get("/api/v2/tenants?\(query)", host: cpHost, token: token)
        #expect(response.status == .ok)
        return try ManagementFixture.array(response).compactMap { $0["tenant_id"] as? String }
    }

    @Test func searchMatchesTheNameOrTheDisplayNameIgnoringCase() async throws {
        try await Self.run { fixture in
            let portal = try await fixture.controlPlaneToken()
            try await Self.create(fixture, token: portal, "coffee-shop", "Bean There")
            try await Self.create(fixture, token: portal, "tea-house", "Tea House")
            #expect(try await Self.listed(fixture, token: portal, query: "q=COFFEE") == ["coffee-shop"])
            #expect(try await Self.listed(fixture, token: portal, query: "q=bean%20there") == ["coffee-shop"])
            #expect(try await Self.listed(fixture, token: portal, query: "q=house") == ["tea-house"])
            #expect(try await Self.listed(fixture, token: portal, query: "q=-") == ["coffee-shop", "tea-house"])
            #expect(
                try await Self.listed(fixture, token: portal, query: "q=") == ["alpha", "coffee-shop", "tea-house"])
            let totals = try await fixture.get(
                "/api/v2/tenants?q=e&per_page=1&include_totals=true", host: Self.cpHost, token: portal)
            let body = try totals.json()
            #expect(body["total"] as? Int == 2, "the total counts the matches, not every tenant")
        }
    }

    @Test func wildcardsInTheSearchAreOrdinaryCharacters() async throws {
        try await Self.run { fixture in
            let portal = try await fixture.controlPlaneToken()
            try await Self.create(fixture, token: portal, "half-off", "50%_Off")
            #expect(try await Self.listed(fixture, token: portal, query: "q=%25") == ["half-off"])
            #expect(try await Self.listed(fixture, token: portal, query: "q=%25_") == ["half-off"])
            #expect(try await Self.listed(fixture, token: portal, query: "q=_") == ["half-off"])
            #expect(try await Self.listed(fixture, token: portal, query: "q=a_p").isEmpty, "`_` is no wildcard")
            #expect(try await Self.listed(fixture, token: portal, query: "q=%5C").isEmpty, "a backslash is text too")
        }
    }

    @Test func searchNeverRevealsATenantTheCallerDoesNotManage() async throws {
        try await Self.run { fixture in
            let alice = try await fixture.controlPlaneToken()
            #expect(try await Self.listed(fixture, token: alice, query: "q=beta").isEmpty)
            let staff = try await fixture.controlPlaneToken(email: ManagementFixture.staffEmail)
            #expect(try await Self.listed(fixture, token: staff, query: "q=BETA") == ["beta"])
            #expect(try await Self.listed(fixture, token: staff, query: "q=a") == ["alpha", "beta"])
        }
    }

    @Test func aMemberOfTwoHundredFiftyOrganizationsReachesEveryOneByPaging() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            let cp = ControlPlane.tenantID
            let now = fixture.server.services.clock.now()
            let alice = fixture.server.alice[cp]!
            for number in 1...250 {
                let tenantID = String(format: "shop-%03d", number)
                let organizationID = String(format: "org_shop%012d", number)
                try await storage.createTenant(
                    Tenant(id: tenantID, friendlyName: tenantID, organizationID: organizationID, createdAt: now))
                try await storage.createOrganization(
                    Organization(
                        tenantID: cp, id: organizationID, name: tenantID, displayName: "Shop \(number)",
                        metadata: ["tenant_id": tenantID], createdAt: now),
                    tenantID: cp)
                try await storage.addMember(
                    OrganizationMembership(
                        tenantID: cp, organizationID: organizationID, userID: alice, createdAt: now),
                    tenantID: cp)
            }
            let portal = try await fixture.controlPlaneToken()
            var seen: [String] = []
            for page in 0..<3 {
                seen += try await Self.listed(fixture, token: portal, query: "per_page=100&page=\(page)")
            }
            #expect(seen.count == 251)
            #expect(Set(seen).count == 251)
            #expect(seen.contains("shop-250") && seen.contains("alpha"))
            #expect(try await Self.listed(fixture, token: portal, query: "q=shop%20250") == ["shop-250"])
        }
    }
}
