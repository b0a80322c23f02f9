import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/v2/client-grants`: grants limited to the scopes of this tenant's APIs, one per client and API, effective
/// at the next token request; on the Management API only scopes the caller holds.
@Suite(.serialized) struct ClientGrantRoutesTests {
    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in try await body(try await ManagementFixture.seed(server)) }
    }

    private static let dataGrant =
        #"{"client_id":"m2m","audience":"\#(LoginTestServer.audience)","scope":["read:data"]}"#

    private static func dataToken(_ fixture: ManagementFixture) async throws -> TestClient.Response {
        try await fixture.machineToken(audience: LoginTestServer.audience)
    }

    @Test func grantLifecycleDecidesWhatTheTokenEndpointIssues() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            #expect(try await Self.dataToken(fixture).status == .forbidden)
            let created = try await fixture.send(
                .post, "/api/v2/client-grants", token: token, tenant: "alpha", json: Self.dataGrant)
            #expect(created.status == .created)
            let grant = try created.json()
            let id = try #require(grant["id"] as? String)
            #expect(grant["client_id"] as? String == "m2m")
            #expect(grant["audience"] as? String == LoginTestServer.audience)
            #expect(grant["scope"] as? [String] == ["read:data"])
            let issued = try await Self.dataToken(fixture)
            #expect(issued.status == .ok)
            #expect(try issued.json()["scope"] as? String == "read:data")
            try ManagementFixture.expectRefused(
                try await fixture.send(
                    .post, "/api/v2/client-grants", token: token, tenant: "alpha", json: Self.dataGrant),
                .conflict, "client_grant_conflict")

            let byAudience = try await fixture.send(
                .get, "/api/v2/client-grants?audience=\(LoginTestServer.audience)", token: token, tenant: "alpha")
            #expect(try ManagementFixture.array(byAudience).map { $0["id"] as? String } == [id])
            let byClient = try await fixture.send(
                .get, "/api/v2/client-grants?client_id=m2m&include_totals=true", token: token, tenant: "alpha")
            #expect(try byClient.json()["total"] as? Int == 2)
            let byNobody = try await fixture.send(
                .get, "/api/v2/client-grants?client_id=spa", token: token, tenant: "alpha")
            #expect(try ManagementFixture.array(byNobody).isEmpty)

            let widened = try await fixture.send(
                .patch, "/api/v2/client-grants/\(id)", token: token, tenant: "alpha",
                json: #"{"scope":["read:data","write:data"]}"#)
            #expect(widened.status == .ok)
            #expect(try widened.json()["scope"] as? [String] == ["read:data", "write:data"])
            #expect(try await Self.dataToken(fixture).json()["scope"] as? String == "read:data write:data")

            #expect(
                try await fixture.send(.delete, "/api/v2/client-grants/\(id)", token: token, tenant: "alpha").status
                    == .noContent)
            let refused = try await Self.dataToken(fixture)
            #expect(refused.status == .forbidden)
            #expect(try refused.json()["error"] as? String == "access_denied")
            try ManagementFixture.expectRefused(
                try await fixture.send(.delete, "/api/v2/client-grants/\(id)", token: token, tenant: "alpha"),
                .notFound, "inexistent_client_grant")
            let actions = try await fixture.auditActions("alpha").filter { $0.hasPrefix("client_grant.") }
            #expect(actions == ["client_grant.created", "client_grant.updated", "client_grant.deleted"])
        }
    }

    @Test func audienceAndScopesMustBeThisTenantsAPI() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            try await storage.createResourceServer(
                ResourceServer(
                    tenantID: "beta", id: "rs_beta", identifier: "https://beta-only.example.com", name: "Beta",
                    scopes: [ResourceServerScope(value: "read:beta")], enforcePolicies: true, tokenLifetime: 600),
                tenantID: "beta")
            let betaClient = try await ClientRegistrar(clients: storage, clock: fixture.server.services.clock).register(
                tenantID: "beta", name: "Beta machine", appType: .machineToMachine)
            let token = try await fixture.managerToken()
            for body in [
                #"{"client_id":"m2m","audience":"https://nowhere.example.com","scope":[]}"#,
                #"{"client_id":"m2m","audience":"https://beta-only.example.com","scope":["read:beta"]}"#,
                #"{"client_id":"m2m","audience":"\#(LoginTestServer.audience)","scope":["read:beta"]}"#,
                #"{"client_id":"m2m","audience":"\#(LoginTestServer.audience)","scope":["read:data"],"extra":1}"#,
                #"{"client_id":"m2m","audience":"\#(LoginTestServer.audience)","scope":"read:data"}"#,
                #"{"client_id":"m2m","audience":"\#(LoginTestServer.audience)"}"#,
                #"{"client_id":"m2m","audience":"","scope":[]}"#, "[]", "null", "scope=read:data",
            ] {
                try ManagementFixture.expectRefused(
                    try await fixture.send(.post, "/api/v2/client-grants", token: token, tenant: "alpha", json: body),
                    .badRequest, "invalid_body")
            }
            try ManagementFixture.expectRefused(
                try await fixture.send(
                    .post, "/api/v2/client-grants", token: token, tenant: "alpha",
                    json:
                        #"{"client_id":"\#(betaClient.client.id)","audience":"\#(LoginTestServer.audience)","scope":[]}"#
                ),
                .notFound, "inexistent_client")
            let existing = try #require(
                try await storage.clientGrant(clientID: "m2m", audience: ManagementFixture.audience, tenantID: "alpha"))
            for body in [#"{"scope":["read:nothing"]}"#, #"{"scope":["read:users"],"audience":"x"}"#, "{}"] {
                try ManagementFixture.expectRefused(
                    try await fixture.send(
                        .patch, "/api/v2/client-grants/\(existing.id)", token: token, tenant: "alpha", json: body),
                    .badRequest, "invalid_body")
            }
            #expect(try await storage.clientGrant(id: existing.id, tenantID: "alpha") == existing)
            #expect(
                try await storage.clientGrants(
                    audience: nil, clientID: nil, window: .init(offset: 0, limit: 50), tenantID: "alpha"
                ).total == 1)
            #expect(try await fixture.auditActions("alpha").allSatisfy { !$0.hasPrefix("client_grant.") })
        }
    }

    /// A tenant administrator who may manage grants and client keys but not connections must not mint, or take the
    /// secret of, a machine client that can.
    @Test func aGrantOnTheManagementAPICannotExceedTheCallersOwnScopes() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            let cp = ControlPlane.tenantID
            try await storage.createRole(Role(tenantID: cp, id: "rol_grants", name: "rol_grants"), tenantID: cp)
            try await storage.addPermissions(
                ["create:client_grants", "update:client_grants", "update:client_keys", "read:users"].map {
                    RolePermission(
                        tenantID: cp, roleID: "rol_grants", resourceServerIdentifier: ManagementFixture.audience,
                        permissionName: $0)
                },
                tenantID: cp)
            try await storage.addMember(
                OrganizationMembership(
                    tenantID: cp, organizationID: ManagementFixture.alphaOrganization, userID: "auth0|carol",
                    createdAt: fixture.server.services.clock.now()),
                tenantID: cp)
            try await storage.assignRole(
                UserRole(
                    tenantID: cp, userID: "auth0|carol", roleID: "rol_grants",
                    organizationID: ManagementFixture.alphaOrganization),
                tenantID: cp)
            let carol = try await fixture.controlPlaneToken(
                email: ManagementFixture.carolEmail, scope: "", organization: ManagementFixture.alphaOrganization)
            let existing = try #require(
                try await storage.clientGrant(clientID: "m2m", audience: ManagementFixture.audience, tenantID: "alpha"))
            try ManagementFixture.expectRefused(
                try await fixture.send(
                    .patch, "/api/v2/client-grants/\(existing.id)", token: carol, tenant: "alpha",
                    json: #"{"scope":["read:users","update:connections"]}"#),
                .forbidden, "insufficient_scope")
            #expect(try await storage.clientGrant(id: existing.id, tenantID: "alpha")?.scope == ["read:users"])
            try await storage.createClient(
                Client(
                    tenantID: "alpha", id: "m2m-two", name: "Second machine", appType: .machineToMachine,
                    secretHash: SecretDigest.hash("second-secret"), createdAt: fixture.server.services.clock.now()),
                tenantID: "alpha")
            let escalate =
                #"{"client_id":"m2m-two","audience":"\#(ManagementFixture.audience)","scope":["update:connections"]}"#
            try ManagementFixture.expectRefused(
                try await fixture.send(.post, "/api/v2/client-grants", token: carol, tenant: "alpha", json: escalate),
                .forbidden, "insufficient_scope")
            #expect(
                try await storage.clientGrant(
                    clientID: "m2m-two", audience: ManagementFixture.audience, tenantID: "alpha")
                    == nil)
            let allowed = #"{"client_id":"m2m-two","audience":"\#(ManagementFixture.audience)","scope":["read:users"]}"#
            #expect(
                try await fixture.send(.post, "/api/v2/client-grants", token: carol, tenant: "alpha", json: allowed)
                    .status
                    == .created)

            // Rotating the secret of a client whose grant exceeds the caller's scopes would hand those scopes over.
            #expect(
                try await storage.updateClientGrantScope(
                    id: existing.id, scope: ["read:users", "update:connections"], tenantID: "alpha"))
            try ManagementFixture.expectRefused(
                try await fixture.send(.post, "/api/v2/clients/m2m/rotate-secret", token: carol, tenant: "alpha"),
                .forbidden, "insufficient_scope")
            #expect(try await fixture.machineToken().status == .ok)
            let rotated = try await fixture.send(
                .post, "/api/v2/clients/m2m-two/rotate-secret", token: carol, tenant: "alpha")
            #expect(rotated.status == .ok)
        }
    }

    @Test func scopesAndTenantsAreEnforced() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            let existing = try #require(
                try await storage.clientGrant(clientID: "m2m", audience: ManagementFixture.audience, tenantID: "alpha"))
            let reader = try await fixture.readerToken()
            for (method, path, json) in [
                (HTTPRequest.Method.get, "/api/v2/client-grants", nil),
                (.post, "/api/v2/client-grants", Self.dataGrant),
                (.patch, "/api/v2/client-grants/\(existing.id)", #"{"scope":[]}"#),
                (.delete, "/api/v2/client-grants/\(existing.id)", nil),
            ] as [(HTTPRequest.Method, String, String?)] {
                try ManagementFixture.expectRefused(
                    try await fixture.send(method, path, token: reader, tenant: "alpha", json: json), .forbidden,
                    "insufficient_scope")
            }
            let manager = try await fixture.managerToken()
            try ManagementFixture.expectRefused(
                try await fixture.send(.get, "/api/v2/client-grants", token: manager, tenant: "beta"), .forbidden,
                "forbidden_tenant")
            let cpGrant = try #require(
                try await storage.clientGrant(
                    clientID: "m2m", audience: ManagementFixture.audience, tenantID: ControlPlane.tenantID))
            for (method, json) in [(HTTPRequest.Method.patch, #"{"scope":[]}"#), (.delete, nil)]
                as [(HTTPRequest.Method, String?)]
            {
                try ManagementFixture.expectRefused(
                    try await fixture.send(
                        method, "/api/v2/client-grants/\(cpGrant.id)", token: manager, tenant: "alpha", json: json),
                    .notFound, "inexistent_client_grant")
            }
            #expect(
                try await storage.clientGrant(id: cpGrant.id, tenantID: ControlPlane.tenantID)?.scope == ["read:users"])
            #expect(try await storage.clientGrant(id: existing.id, tenantID: "alpha") == existing)
        }
    }
}
