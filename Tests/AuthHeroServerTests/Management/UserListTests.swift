import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /api/v2/users`: Auth0's bare array, `q` on email, page/per_page/include_totals, refusals.
/// Serialized: every test starts a server and logs in, and one at a time keeps the whole run from starving other
/// suites' servers on a small CI machine.
@Suite(.serialized) struct UserListTests {
    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in
            let fixture = try await ManagementFixture.seed(server)
            let now = server.services.clock.now()
            for (index, local) in ["espresso", "latte", "mocha_50%"].enumerated() {
                try await server.services.storage.createUser(
                    User(
                        tenantID: "alpha", id: "auth0|shop\(index)", connection: TenantProvisioner.databaseConnection,
                        email: "\(local)@coffee.example", passwordHash: nil, createdAt: now.addingTimeInterval(60)),
                    tenantID: "alpha")
            }
            try await body(fixture)
        }
    }

    private static func emails(_ response: TestClient.Response) throws -> [String] {
        try ManagementFixture.array(response).compactMap { $0["email"] as? String }
    }

    @Test func listIsABareArrayOfAuth0Users() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let answer = try await fixture.send(.get, "/api/v2/users", token: token, tenant: "alpha")
            #expect(answer.status == .ok)
            let users = try ManagementFixture.array(answer)
            #expect(
                users.compactMap { $0["email"] as? String } == [
                    "alice@example.com", "bob@example.com", "espresso@coffee.example", "latte@coffee.example",
                    "mocha_50%@coffee.example",
                ])
            let espresso = try #require(users.first { $0["user_id"] as? String == "auth0|shop0" })
            #expect(espresso["name"] as? String == "espresso@coffee.example")
            #expect(
                (espresso["identities"] as? [[String: Any]])?.first?["connection"] as? String
                    == "Username-Password-Authentication")
            #expect(espresso["password_hash"] == nil)
        }
    }

    @Test func qMatchesASubstringOrAnExactLuceneEmail() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            func search(_ q: String) async throws -> [String] {
                let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                return try Self.emails(
                    try await fixture.send(.get, "/api/v2/users?q=\(encoded)", token: token, tenant: "alpha"))
            }
            #expect(
                try await search("COFFEE") == [
                    "espresso@coffee.example", "latte@coffee.example", "mocha_50%@coffee.example",
                ])
            #expect(try await search(#"email:"Latte@Coffee.example""#) == ["latte@coffee.example"])
            #expect(try await search("email:latte") == [])
            #expect(try await search("email:*tte*") == ["latte@coffee.example"])
            // LIKE wildcards in the text are literals: `_` and `%` match only themselves.
            #expect(try await search("a_50%") == ["mocha_50%@coffee.example"])
            #expect(try await search("e_p") == [])
        }
    }

    @Test func usersByEmailIsAnExactCaseInsensitiveLookup() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let found = try await fixture.send(
                .get, "/api/v2/users-by-email?email=LATTE%40coffee.example", token: token, tenant: "alpha")
            #expect(try ManagementFixture.array(found).map { $0["user_id"] as? String } == ["auth0|shop1"])
            let partial = try await fixture.send(
                .get, "/api/v2/users-by-email?email=latte", token: token, tenant: "alpha")
            #expect(try ManagementFixture.array(partial).isEmpty)
            let missing = try await fixture.send(.get, "/api/v2/users-by-email", token: token, tenant: "alpha")
            #expect(missing.status == .badRequest)
            #expect(try ManagementFixture.errorCode(missing) == "invalid_query_string")
        }
    }

    @Test func includeTotalsAndPagesFollowAuth0() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let paged = try await fixture.send(
                .get, "/api/v2/users?include_totals=true&per_page=2&page=1", token: token, tenant: "alpha")
            let body = try paged.json()
            #expect(
                (body["users"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == [
                    "espresso@coffee.example", "latte@coffee.example",
                ])
            #expect(body["start"] as? Int == 2)
            #expect(body["limit"] as? Int == 2)
            #expect(body["length"] as? Int == 2)
            #expect(body["total"] as? Int == 5)
            let beyond = try await fixture.send(.get, "/api/v2/users?page=9", token: token, tenant: "alpha")
            #expect(beyond.status == .ok)
            #expect(try ManagementFixture.array(beyond).isEmpty)
            let huge = try await fixture.send(
                .get, "/api/v2/users?page=\(Int.max)&per_page=100", token: token, tenant: "alpha")
            #expect(huge.status == .ok)
            #expect(try ManagementFixture.array(huge).isEmpty)
        }
    }

    @Test(arguments: [
        ("per_page=101", "invalid_paging"), ("page=-1", "invalid_paging"),
        ("include_totals=yes", "invalid_query_string"),
        ("q=name:bob", "invalid_query_string"),
    ])
    func badQueriesAre400(query: String, errorCode: String) async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let answer = try await fixture.send(.get, "/api/v2/users?\(query)", token: token, tenant: "alpha")
            #expect(answer.status == .badRequest)
            #expect(try ManagementFixture.errorCode(answer) == errorCode)
        }
    }

    @Test func listNeedsReadUsers() async throws {
        try await Self.run { fixture in
            let carol = try await fixture.controlPlaneToken(email: ManagementFixture.carolEmail, scope: "")
            let answer = try await fixture.send(.get, "/api/v2/users", token: carol)
            #expect(answer.status == .forbidden)
            #expect(try ManagementFixture.errorCode(answer) == "insufficient_scope")
        }
    }

    @Test func organizationTokenListsOnlyItsLinkedTenant() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let onBeta = try await fixture.send(.get, "/api/v2/users", token: token, tenant: "beta")
            #expect(onBeta.status == .forbidden)
            #expect(try ManagementFixture.errorCode(onBeta) == "forbidden_tenant")
            let onAlpha = try Self.emails(try await fixture.send(.get, "/api/v2/users", token: token, tenant: "alpha"))
            #expect(!onAlpha.contains(ManagementFixture.managerEmail))
        }
    }
}
