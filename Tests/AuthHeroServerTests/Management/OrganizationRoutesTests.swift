import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/v2/organizations`: CRUD, by name, members and member roles, both paginations, and the tenant link.
/// Serialized: every test starts a server and logs in, and one at a time keeps the whole run from starving other
/// suites' servers on a small CI machine.
@Suite(.serialized) struct OrganizationRoutesTests {
    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in try await body(try await ManagementFixture.seed(server)) }
    }

    @Test func organizationLifecycleInAnOrganizationsTenant() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let created = try await fixture.send(
                .post, "/api/v2/organizations", token: token, tenant: "alpha",
                json: #"{"name":"roastery","display_name":"The Roastery","metadata":{"tier":"gold"}}"#)
            #expect(created.status == .created)
            let organization = try created.json()
            let id = try #require(organization["id"] as? String)
            #expect(id.hasPrefix("org_") && id.count == 20)
            #expect(organization["display_name"] as? String == "The Roastery")
            #expect(organization["metadata"] as? [String: String] == ["tier": "gold"])
            let duplicate = try await fixture.send(
                .post, "/api/v2/organizations", token: token, tenant: "alpha", json: #"{"name":"roastery"}"#)
            #expect(duplicate.status == .conflict)
            #expect(try ManagementFixture.errorCode(duplicate) == "organization_conflict")

            let byName = try await fixture.send(
                .get, "/api/v2/organizations/name/roastery", token: token, tenant: "alpha")
            #expect(try byName.json()["id"] as? String == id)
            let patched = try await fixture.send(
                .patch, "/api/v2/organizations/\(id)", token: token, tenant: "alpha",
                json: #"{"name":"roastery-2","metadata":{"tier":null,"city":"Oslo"}}"#)
            #expect(patched.status == .ok)
            #expect(try patched.json()["name"] as? String == "roastery-2")
            #expect(try patched.json()["metadata"] as? [String: String] == ["city": "Oslo"])
            let listed = try ManagementFixture.array(
                try await fixture.send(.get, "/api/v2/organizations", token: token, tenant: "alpha"))
            #expect(listed.map { $0["name"] as? String } == ["acme", "roastery-2"])

            #expect(
                try await fixture.send(.delete, "/api/v2/organizations/\(id)", token: token, tenant: "alpha").status
                    == .noContent)
            let gone = try await fixture.send(.get, "/api/v2/organizations/\(id)", token: token, tenant: "alpha")
            #expect(gone.status == .notFound)
            #expect(try ManagementFixture.errorCode(gone) == "inexistent_organization")
        }
    }

    @Test func pagesAndCheckpointsWalkEveryOrganizationOnce() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            let now = fixture.server.services.clock.now()
            for index in 0..<4 {
                try await storage.createOrganization(
                    Organization(
                        tenantID: "alpha", id: "org_page000000000\(index)", name: "shop-\(index)", displayName: "Shop",
                        createdAt: now),
                    tenantID: "alpha")
            }
            let token = try await fixture.managerToken()
            var seen: [String] = []
            var from: String? = nil
            repeat {
                let query = "take=2" + (from.map { "&from=\($0)" } ?? "")
                let page = try await fixture.send(.get, "/api/v2/organizations?\(query)", token: token, tenant: "alpha")
                    .json()
                seen += (page["organizations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                from = page["next"] as? String
            } while from != nil && seen.count < 10
            #expect(
                seen == [
                    LoginTestServer.organizationID, "org_page0000000000", "org_page0000000001", "org_page0000000002",
                    "org_page0000000003",
                ])
            let totals = try await fixture.send(
                .get, "/api/v2/organizations?include_totals=true&per_page=2&page=2", token: token, tenant: "alpha"
            ).json()
            #expect((totals["organizations"] as? [[String: Any]])?.map { $0["name"] as? String } == ["shop-3"])
            #expect(totals["total"] as? Int == 5)
            let beyond = try await fixture.send(.get, "/api/v2/organizations?page=40", token: token, tenant: "alpha")
            #expect(try ManagementFixture.array(beyond).isEmpty)
            let badTake = try await fixture.send(.get, "/api/v2/organizations?take=0", token: token, tenant: "alpha")
            #expect(try ManagementFixture.errorCode(badTake) == "invalid_paging")
        }
    }

    @Test func membersAndTheirRoles() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let org = "/api/v2/organizations/\(LoginTestServer.organizationID)"
            let added = try await fixture.send(
                .post, org + "/members", token: token, tenant: "alpha", json: #"{"members":["auth0|bob"]}"#)
            #expect(added.status == .noContent)
            let members = try await fixture.send(
                .get, org + "/members?include_totals=true", token: token, tenant: "alpha"
            ).json()
            #expect(
                (members["members"] as? [[String: Any]])?.compactMap { $0["user_id"] as? String } == [
                    fixture.server.alice["alpha"]!, "auth0|bob",
                ])
            #expect(members["total"] as? Int == 2)
            let checkpoint = try await fixture.send(.get, org + "/members?take=1", token: token, tenant: "alpha").json()
            #expect((checkpoint["members"] as? [[String: Any]])?.count == 1)
            #expect(checkpoint["next"] as? String == "auth0|bob")

            let bobRoles = org + "/members/auth0%7Cbob/roles"
            #expect(
                try await fixture.send(
                    .post, bobRoles, token: token, tenant: "alpha", json: #"{"roles":["rol_editor"]}"#
                )
                .status == .noContent)
            let roles = try ManagementFixture.array(
                try await fixture.send(.get, bobRoles, token: token, tenant: "alpha"))
            #expect(roles.map { $0["id"] as? String } == ["rol_editor"])
            // An organization role is not a global one.
            let global = try ManagementFixture.array(
                try await fixture.send(
                    .get, ManagementFixture.userPath("auth0|bob") + "/roles", token: token, tenant: "alpha"))
            #expect(global.isEmpty)
            #expect(
                try await fixture.send(
                    .delete, bobRoles, token: token, tenant: "alpha", json: #"{"roles":["rol_editor"]}"#
                )
                .status == .noContent)
            #expect(
                try ManagementFixture.array(try await fixture.send(.get, bobRoles, token: token, tenant: "alpha"))
                    .isEmpty)

            _ = try await fixture.send(
                .post, bobRoles, token: token, tenant: "alpha", json: #"{"roles":["rol_editor"]}"#)
            let removed = try await fixture.send(
                .delete, org + "/members", token: token, tenant: "alpha", json: #"{"members":["auth0|bob"]}"#)
            #expect(removed.status == .noContent)
            let storage = fixture.server.services.storage
            #expect(
                try await !storage.isMember(
                    userID: "auth0|bob", organizationID: LoginTestServer.organizationID, tenantID: "alpha"))
            let leftover = try await storage.roles(
                ofUser: "auth0|bob", organizationID: LoginTestServer.organizationID,
                window: ListWindow(offset: 0, limit: 5),
                tenantID: "alpha")
            #expect(leftover.total == 0)
            let notMember = try await fixture.send(.get, bobRoles, token: token, tenant: "alpha")
            #expect(notMember.status == .notFound)
        }
    }

    @Test func unknownIdsAre404() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let ghost = "/api/v2/organizations/org_ghost00000000000"
            let org = "/api/v2/organizations/\(LoginTestServer.organizationID)"
            for (method, path, body) in [
                (HTTPRequest.Method.get, ghost, nil), (.patch, ghost, #"{"display_name":"x"}"#), (.delete, ghost, nil),
                (.get, "/api/v2/organizations/name/ghost", nil), (.get, ghost + "/members", nil),
                (.post, org + "/members", #"{"members":["auth0|ghost"]}"#),
                (.post, org + "/members/auth0%7Calice-alpha/roles", #"{"roles":["rol_ghost"]}"#),
            ] {
                let answer = try await fixture.send(method, path, token: token, tenant: "alpha", json: body)
                #expect(answer.status == .notFound)
            }
        }
    }

    @Test(arguments: [
        ("POST", "/api/v2/organizations", #"{"name":"Bad Name"}"#), ("POST", "/api/v2/organizations", #"{"name":""}"#),
        ("POST", "/api/v2/organizations", "[1]"),
        ("PATCH", "/api/v2/organizations/org_acme0000000000", #"{"name":"UPPER"}"#),
        ("POST", "/api/v2/organizations/org_acme0000000000/members", #"{"members":[]}"#),
        ("DELETE", "/api/v2/organizations/org_acme0000000000/members", #"{"members":"auth0|bob"}"#),
    ])
    func badBodiesAre400(method: String, path: String, body: String) async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let answer = try await fixture.send(
                HTTPRequest.Method(method)!, path, token: token, tenant: "alpha", json: body)
            #expect(answer.status == .badRequest)
            #expect(try ManagementFixture.errorCode(answer) == "invalid_body")
        }
    }

    @Test func organizationRoutesNeedTheirScopesAndTheirTenant() async throws {
        try await Self.run { fixture in
            let reader = try await fixture.controlPlaneToken(organization: ManagementFixture.alphaOrganization)
            let org = "/api/v2/organizations/\(LoginTestServer.organizationID)"
            for (method, path, body, scope) in [
                (HTTPRequest.Method.get, "/api/v2/organizations", nil, "read:organizations"),
                (.post, "/api/v2/organizations", #"{"name":"x"}"#, "create:organizations"),
                (.delete, org, nil, "delete:organizations"),
                (.get, org + "/members", nil, "read:organization_members"),
                (.post, org + "/members", #"{"members":["auth0|bob"]}"#, "create:organization_members"),
                (.delete, org + "/members", #"{"members":["auth0|bob"]}"#, "delete:organization_members"),
                (
                    .post, org + "/members/auth0%7Cbob/roles", #"{"roles":["rol_reader"]}"#,
                    "create:organization_member_roles"
                ),
            ] {
                let answer = try await fixture.send(method, path, token: reader, tenant: "alpha", json: body)
                #expect(try answer.json()["message"] as? String == "Insufficient scope, expected any of: \(scope)")
            }
            let token = try await fixture.managerToken()
            let onBeta = try await fixture.send(.get, "/api/v2/organizations", token: token, tenant: "beta")
            #expect(onBeta.status == .forbidden)
        }
    }

    @Test func aTenantsLinkedOrganizationKeepsItsNameLinkAndExistence() async throws {
        try await Self.run { fixture in
            let admin = try await fixture.controlPlaneAdminToken()
            let linked = "/api/v2/organizations/\(ManagementFixture.alphaOrganization)"
            let renamed = try await fixture.send(.patch, linked, token: admin, json: #"{"name":"not-alpha"}"#)
            #expect(renamed.status == .badRequest)
            let relinked = try await fixture.send(
                .patch, linked, token: admin, json: #"{"metadata":{"tenant_id":"beta"}}"#)
            #expect(relinked.status == .badRequest)
            let unlinked = try await fixture.send(
                .patch, linked, token: admin, json: #"{"metadata":{"tenant_id":null}}"#)
            #expect(unlinked.status == .badRequest)
            let deleted = try await fixture.send(.delete, linked, token: admin)
            #expect(deleted.status == .badRequest)
            #expect((try deleted.json()["message"] as? String)?.contains("DELETE /api/v2/tenants/alpha") == true)
            let forged = try await fixture.send(
                .post, "/api/v2/organizations", token: admin,
                json: #"{"name":"beta-copy","metadata":{"tenant_id":"beta"}}"#)
            #expect(forged.status == .badRequest)
            // The display name is free to change.
            let displayed = try await fixture.send(.patch, linked, token: admin, json: #"{"display_name":"Alpha Inc"}"#)
            #expect(displayed.status == .ok)
            let stored = try await fixture.server.services.storage.organization(
                ManagementFixture.alphaOrganization, tenantID: ControlPlane.tenantID)
            #expect(stored?.name == "alpha")
            #expect(stored?.metadata["tenant_id"] == "alpha")
            #expect(stored?.displayName == "Alpha Inc")
        }
    }
}
