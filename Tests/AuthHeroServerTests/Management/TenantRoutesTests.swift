import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/v2/tenants` with real tokens: the seed document's self-serve flow and its refusals.
@Suite struct TenantRoutesTests {
    private static let cpHost = LoginTestServer.host(ControlPlane.tenantID)

    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in try await body(try await ManagementFixture.seed(server)) }
    }

    private static func createBody(_ name: String, _ displayName: String = "Coffee Shop") -> String {
        #"{"name":"\#(name)","display_name":"\#(displayName)"}"#
    }

    private static func jsonArray(_ response: TestClient.Response) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data((response.body ?? ByteBuffer()).readableBytesView))
            as? [[String: Any]] ?? []
    }

    private static func errorCode(_ response: TestClient.Response) throws -> String? {
        let body = try response.json()
        #expect(body["statusCode"] as? Int == Int(response.status.code))
        return body["errorCode"] as? String
    }

    @Test func signedInUserCreatesATenantAndManagesItThroughItsOrganization() async throws {
        try await Self.run { fixture in
            let portal = try await fixture.controlPlaneToken()
            let created = try await fixture.post("/api/v2/tenants", token: portal, json: Self.createBody("coffee-shop"))
            #expect(created.status == .created)
            let entry = try created.json()
            let organizationID = try #require(entry["id"] as? String)
            #expect(organizationID.hasPrefix("org_"))
            #expect(entry["tenant_id"] as? String == "coffee-shop")
            #expect(entry["name"] as? String == "coffee-shop")
            #expect(entry["display_name"] as? String == "Coffee Shop")
            #expect(entry["domains"] as? [String] == ["coffee-shop.localhost"])

            let storage = fixture.server.services.storage
            let tenant = try #require(try await storage.tenant("coffee-shop"))
            #expect(tenant.provisioningState == .ready)
            #expect(tenant.organizationID == organizationID)
            let organization = try #require(
                try await storage.organization(organizationID, tenantID: ControlPlane.tenantID))
            #expect(organization.metadata["tenant_id"] == "coffee-shop")
            let discovery = try await fixture.server.browser().get(
                "/.well-known/openid-configuration", host: LoginTestServer.host("coffee-shop"))
            #expect(discovery.status == .ok)

            let listed = try Self.jsonArray(try await fixture.get("/api/v2/tenants", host: Self.cpHost, token: portal))
            #expect(listed.map { $0["tenant_id"] as? String } == ["alpha", "coffee-shop"])
            #expect(listed.last?["id"] as? String == organizationID)

            let now = fixture.server.services.clock.now()
            try await storage.createUser(
                User(
                    tenantID: "coffee-shop", id: "auth0|barista", connection: TenantProvisioner.databaseConnection,
                    email: "barista@example.com", passwordHash: nil, createdAt: now),
                tenantID: "coffee-shop")
            let organizationToken = try await fixture.controlPlaneToken(organization: organizationID)
            let barista = ManagementFixture.userPath("auth0|barista")
            let managed = try await fixture.get(
                barista, host: Self.cpHost, token: organizationToken, tenantHeader: "coffee-shop")
            #expect(managed.status == .ok)
            #expect(try managed.json()["email"] as? String == "barista@example.com")
            let onControlPlane = try await fixture.get("/api/v2/tenants", host: Self.cpHost, token: organizationToken)
            #expect(onControlPlane.status == .forbidden)
            let onBeta = try await fixture.get(
                ManagementFixture.userPath(fixture.server.alice["beta"]!), host: Self.cpHost, token: organizationToken,
                tenantHeader: "beta")
            #expect(onBeta.status == .forbidden)
            let portalOnTenant = try await fixture.get(
                barista, host: Self.cpHost, token: portal, tenantHeader: "coffee-shop")
            #expect(portalOnTenant.status == .forbidden)
        }
    }

    @Test(arguments: [
        ("Coffee", "invalid_body"), ("-coffee", "invalid_body"), ("coffee-", "invalid_body"), ("", "invalid_body"),
        (String(repeating: "a", count: 51), "invalid_body"), ("coffee.shop", "invalid_body"),
        ("admin", "invalid_body"), ("control-plane", "invalid_body"), ("www", "invalid_body"),
        ("billing", "invalid_body"), ("support", "invalid_body"), ("portal", "invalid_body"),
        ("accounts", "invalid_body"), ("alpha", "tenant_conflict"),
    ])
    func badReservedAndTakenNamesAreRefused(name: String, errorCode: String) async throws {
        try await Self.run { fixture in
            let portal = try await fixture.controlPlaneToken()
            let answer = try await fixture.post("/api/v2/tenants", token: portal, json: Self.createBody(name))
            #expect(answer.status == (errorCode == "tenant_conflict" ? .conflict : .badRequest))
            #expect(try Self.errorCode(answer) == errorCode)
        }
    }

    @Test(arguments: ["not json", "[]", #"{"name":5}"#, #"{"display_name":"x"}"#, ""])
    func badBodiesAreInvalidBody(body: String) async throws {
        try await Self.run { fixture in
            let portal = try await fixture.controlPlaneToken()
            let answer = try await fixture.post("/api/v2/tenants", token: portal, json: body)
            #expect(answer.status == .badRequest)
            #expect(try Self.errorCode(answer) == "invalid_body")
        }
    }

    @Test func anUnknownFieldIsRefusedAndCreatesNothing() async throws {
        try await Self.run { fixture in
            let portal = try await fixture.controlPlaneToken()
            let answer = try await fixture.post(
                "/api/v2/tenants", token: portal, json: #"{"name":"coffee-shop","display_name":"Coffee","plan":"pro"}"#)
            #expect(answer.status == .badRequest)
            #expect(try Self.errorCode(answer) == "invalid_body")
            #expect(
                try answer.json()["message"] as? String
                    == #"Unknown field plan; the body must be {"name": string, "display_name"?: string}."#)
            #expect(try await fixture.server.services.storage.tenant("coffee-shop") == nil)
        }
    }

    @Test func clientAndOrganizationTokensCannotCreateTenants() async throws {
        try await Self.run { fixture in
            let machine = try #require(
                try await fixture.machineToken(tenantID: ControlPlane.tenantID).json()["access_token"] as? String)
            let byClient = try await fixture.post(
                "/api/v2/tenants", token: machine, json: Self.createBody("robot-shop"))
            #expect(byClient.status == .forbidden)
            #expect(try Self.errorCode(byClient) == "forbidden")
            let organizationToken = try await fixture.controlPlaneToken(
                organization: ManagementFixture.alphaOrganization)
            let byOrganization = try await fixture.post(
                "/api/v2/tenants", token: organizationToken, json: Self.createBody("org-shop"))
            #expect(byOrganization.status == .forbidden)
            #expect(try await fixture.server.services.storage.tenant("robot-shop") == nil)
            #expect(try await fixture.server.services.storage.tenant("org-shop") == nil)
        }
    }

    @Test func quotaPerUserIs429() async throws {
        try await Self.run { fixture in
            let portal = try await fixture.controlPlaneToken()
            for index in 0..<10 {
                let answer = try await fixture.post(
                    "/api/v2/tenants", token: portal, json: Self.createBody("shop-\(index)"))
                #expect(answer.status == .created)
            }
            let over = try await fixture.post("/api/v2/tenants", token: portal, json: Self.createBody("shop-10"))
            #expect(over.status == .tooManyRequests)
            #expect(try Self.errorCode(over) == "too_many_tenants")
            #expect(try await fixture.server.services.storage.tenant("shop-10") == nil)
        }
    }

    @Test func deletedUsersStillValidTokenCannotCreateATenant() async throws {
        try await Self.run { fixture in
            let portal = try await fixture.controlPlaneToken()
            let cp = ControlPlane.tenantID
            try await fixture.server.services.storage.deleteUser(fixture.server.alice[cp]!, tenantID: cp)
            let refused = try await fixture.post("/api/v2/tenants", token: portal, json: Self.createBody("coffee-shop"))
            // The live access check refuses the deleted user's token before the route runs.
            #expect(refused.status == .unauthorized)
            #expect(try Self.errorCode(refused) == "invalid_token")
            #expect(try await fixture.server.services.storage.tenant("coffee-shop") == nil)
            #expect(try await fixture.server.services.storage.organization(named: "coffee-shop", tenantID: cp) == nil)
        }
    }

    @Test func listingPaginatesLikeAuth0() async throws {
        try await Self.run { fixture in
            let portal = try await fixture.controlPlaneToken()
            #expect(
                try await fixture.post("/api/v2/tenants", token: portal, json: Self.createBody("coffee-shop")).status
                    == .created)
            let page = try await fixture.get(
                "/api/v2/tenants?per_page=1&page=1&include_totals=true", host: Self.cpHost, token: portal)
            #expect(page.status == .ok)
            let body = try page.json()
            #expect(body["start"] as? Int == 1)
            #expect(body["limit"] as? Int == 1)
            #expect(body["total"] as? Int == 2)
            #expect((body["tenants"] as? [[String: Any]])?.map { $0["tenant_id"] as? String } == ["coffee-shop"])
            let beyond = try await fixture.get("/api/v2/tenants?per_page=50&page=7", host: Self.cpHost, token: portal)
            #expect(beyond.status == .ok)
            #expect(try Self.jsonArray(beyond).isEmpty)
            for query in ["per_page=0", "per_page=101", "page=-1", "page=x", "include_totals=maybe"] {
                let refused = try await fixture.get("/api/v2/tenants?\(query)", host: Self.cpHost, token: portal)
                #expect(refused.status == .badRequest, "\(query)")
                #expect(["invalid_paging", "invalid_query_string"].contains(try Self.errorCode(refused)))
            }
        }
    }

    @Test func aPageWhoseOffsetOverflowsIsEmptyNotACrash() async throws {
        try await Self.run { fixture in
            let portal = try await fixture.controlPlaneToken()
            let far = try await fixture.get(
                "/api/v2/tenants?page=2432902008176640000&per_page=37&include_totals=true", host: Self.cpHost,
                token: portal)
            #expect(far.status == .ok)
            let body = try far.json()
            #expect((body["tenants"] as? [Any])?.isEmpty == true)
            #expect(body["limit"] as? Int == 37)
        }
    }

    @Test func organizationClaimingAnotherTenantIsNotListed() async throws {
        try await Self.run { fixture in
            // An organization whose metadata names beta, though beta is linked to another organization: a
            // membership in it must not reveal beta.
            let storage = fixture.server.services.storage
            let cp = ControlPlane.tenantID
            let now = fixture.server.services.clock.now()
            try await storage.createOrganization(
                Organization(
                    tenantID: cp, id: "org_forgedLink000000", name: "forged", displayName: "Forged",
                    metadata: ["tenant_id": "beta"], createdAt: now),
                tenantID: cp)
            try await storage.addMember(
                OrganizationMembership(
                    tenantID: cp, organizationID: "org_forgedLink000000", userID: fixture.server.alice[cp]!,
                    createdAt: now),
                tenantID: cp)
            let portal = try await fixture.controlPlaneToken()
            let listed = try await fixture.get("/api/v2/tenants?include_totals=true", host: Self.cpHost, token: portal)
            let body = try listed.json()
            let ids = (body["tenants"] as? [[String: Any]])?.compactMap { $0["tenant_id"] as? String }
            #expect(ids == ["alpha"])
            #expect(body["total"] as? Int == 1)
        }
    }

    @Test func platformStaffListsEveryLinkedTenant() async throws {
        try await Self.run { fixture in
            let staff = try await fixture.controlPlaneToken(email: ManagementFixture.staffEmail)
            let listed = try Self.jsonArray(try await fixture.get("/api/v2/tenants", host: Self.cpHost, token: staff))
            #expect(listed.map { $0["tenant_id"] as? String } == ["alpha", "beta"])
            let carol = try await fixture.controlPlaneToken(email: ManagementFixture.carolEmail)
            #expect(
                try Self.jsonArray(try await fixture.get("/api/v2/tenants", host: Self.cpHost, token: carol)).isEmpty)
        }
    }

    @Test func reconcileFinishesATenantInterruptedAfterItsControlPlaneRecord() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            let now = fixture.server.services.clock.now()
            // Phase one only, as a process killed before tenant-side provisioning leaves it.
            try await storage.transaction { transaction in
                try transaction.createTenant(
                    Tenant(id: "half-done", friendlyName: "Half", provisioningState: .pending, createdAt: now))
            }
            #expect(try await storage.keys(tenantID: "half-done").isEmpty)
            let repaired = try await fixture.server.services.tenantProvisioner.reconcile()
            #expect(repaired.provisioned == ["half-done"])
            #expect(try await storage.tenant("half-done")?.provisioningState == .ready)
            #expect(try await !storage.keys(tenantID: "half-done").isEmpty)
            #expect(
                try await storage.resourceServer(identifier: BuiltInManagementAPI.identifier, tenantID: "half-done")
                    != nil)
            #expect(
                try await storage.connections(tenantID: "half-done").map(\.name) == [
                    TenantProvisioner.databaseConnection
                ])
            #expect(try await fixture.server.services.tenantProvisioner.reconcile().provisioned.isEmpty)
        }
    }
}

/// `DELETE /api/v2/tenants/{id}`: who may delete, and that nothing of the tenant remains.
@Suite struct TenantDeletionTests {
    private static let cpHost = LoginTestServer.host(ControlPlane.tenantID)

    @Test func organizationAdminDeletesItsTenantAndNoRowRemains() async throws {
        try await LoginTestServer.run { server in
            let fixture = try await ManagementFixture.seed(server)
            let portal = try await fixture.controlPlaneToken()
            let created = try await fixture.post(
                "/api/v2/tenants", token: portal, json: #"{"name":"coffee-shop","display_name":"Coffee Shop"}"#)
            let organizationID = try #require(try created.json()["id"] as? String)
            let jwks = try await server.browser().get(
                "/.well-known/jwks.json", host: LoginTestServer.host("coffee-shop"))
            #expect(jwks.status == .ok)

            let carol = try await fixture.controlPlaneToken(email: ManagementFixture.carolEmail)
            let refused = try await Self.delete(server, "/api/v2/tenants/\(organizationID)", token: carol)
            #expect(refused.status == .forbidden)
            let controlPlane = try await Self.delete(server, "/api/v2/tenants/control-plane", token: portal)
            #expect(controlPlane.status == .forbidden)
            let unknown = try await Self.delete(server, "/api/v2/tenants/org_doesNotExist0000", token: portal)
            #expect(unknown.status == .notFound)

            let deleted = try await Self.delete(server, "/api/v2/tenants/\(organizationID)", token: portal)
            #expect(deleted.status == .noContent)
            for path in ["/.well-known/openid-configuration", "/.well-known/jwks.json"] {
                let answer = try await server.browser().get(path, host: LoginTestServer.host("coffee-shop"))
                #expect(answer.status == .notFound)
            }
            let storage = server.services.storage
            #expect(try await storage.tenant("coffee-shop") == nil)
            #expect(try await storage.keys(tenantID: "coffee-shop").isEmpty)
            #expect(try await storage.resourceServers(tenantID: "coffee-shop").isEmpty)
            #expect(try await storage.connections(tenantID: "coffee-shop").isEmpty)
            #expect(try await storage.organization(organizationID, tenantID: ControlPlane.tenantID) == nil)
            #expect(
                try await storage.isMember(
                    userID: server.alice[ControlPlane.tenantID]!, organizationID: organizationID,
                    tenantID: ControlPlane.tenantID) == false)
            let listed = try await fixture.get("/api/v2/tenants", host: Self.cpHost, token: portal)
            #expect(!listed.text.contains("coffee-shop"))
            #expect(try await storage.tenant("alpha") != nil)
        }
    }

    private static func delete(_ server: LoginTestServer, _ path: String, token: String) async throws
        -> TestClient.Response
    {
        try await server.browser().send(.delete, path, host: cpHost, headers: [.authorization: "Bearer \(token)"])
    }
}
