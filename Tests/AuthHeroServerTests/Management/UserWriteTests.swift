import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST`/`PATCH`/`DELETE /api/v2/users` and a user's roles, permissions and organizations, through real tokens.
/// Serialized: every test starts a server and logs in, and one at a time keeps the whole run from starving other
/// suites' servers on a small CI machine.
@Suite(.serialized) struct UserWriteTests {
    private static let newUser =
        #"{"connection":"Username-Password-Authentication","email":"Barista@Coffee.example","#
        + #""password":"steamed milk 42","name":"Barista","user_metadata":{"shift":"early"}}"#

    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in try await body(try await ManagementFixture.seed(server)) }
    }

    @Test func seedFlowOrganizationTokenManagesItsTenantsUsers() async throws {
        try await Self.run { fixture in
            let portal = try await fixture.controlPlaneToken()
            let created = try await fixture.send(
                .post, "/api/v2/tenants", token: portal, json: #"{"name":"coffee-shop","display_name":"Coffee"}"#)
            let organizationID = try #require(try created.json()["id"] as? String)
            let token = try await fixture.controlPlaneToken(scope: "", organization: organizationID)

            let posted = try await fixture.send(
                .post, "/api/v2/users", token: token, tenant: "coffee-shop", json: Self.newUser)
            #expect(posted.status == .created)
            let user = try posted.json()
            let userID = try #require(user["user_id"] as? String)
            #expect(userID.hasPrefix("auth0|"))
            #expect(user["email"] as? String == "barista@coffee.example")
            #expect(user["name"] as? String == "Barista")
            #expect(user["user_metadata"] as? [String: String] == ["shift": "early"])
            let stored = try #require(try await fixture.server.services.storage.user(userID, tenantID: "coffee-shop"))
            #expect(PasswordHasher(cost: 4).verify("steamed milk 42", hash: stored.passwordHash ?? ""))

            let listed = try ManagementFixture.array(
                try await fixture.send(.get, "/api/v2/users?q=barista", token: token, tenant: "coffee-shop"))
            #expect(listed.map { $0["user_id"] as? String } == [userID])

            let path = ManagementFixture.userPath(userID)
            let patched = try await fixture.send(
                .patch, path, token: token, tenant: "coffee-shop",
                json:
                    #"{"name":"Head Barista","blocked":true,"user_metadata":{"shift":null,"bar":"main"},"app_metadata":{"plan":"pro"}}"#
            )
            #expect(patched.status == .ok)
            let changed = try patched.json()
            #expect(changed["name"] as? String == "Head Barista")
            #expect(changed["blocked"] as? Bool == true)
            #expect(changed["user_metadata"] as? [String: String] == ["bar": "main"])
            #expect(changed["app_metadata"] as? [String: String] == ["plan": "pro"])

            #expect(try await fixture.send(.delete, path, token: token, tenant: "coffee-shop").status == .noContent)
            #expect(try await fixture.send(.get, path, token: token, tenant: "coffee-shop").status == .notFound)
            #expect(try await fixture.server.services.storage.user(userID, tenantID: "coffee-shop") == nil)
        }
    }

    @Test func duplicateEmailIs409AndWeakPasswordIs400() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            #expect(
                try await fixture.send(.post, "/api/v2/users", token: token, tenant: "alpha", json: Self.newUser).status
                    == .created)
            let again = try await fixture.send(
                .post, "/api/v2/users", token: token, tenant: "alpha", json: Self.newUser)
            #expect(again.status == .conflict)
            #expect(try ManagementFixture.errorCode(again) == "auth0_idp_error")
            let weak = try await fixture.send(
                .post, "/api/v2/users", token: token, tenant: "alpha",
                json:
                    #"{"connection":"Username-Password-Authentication","email":"new@coffee.example","password":"short"}"#
            )
            #expect(weak.status == .badRequest)
            #expect(try ManagementFixture.errorCode(weak) == "invalid_body")
            #expect((try weak.json()["message"] as? String)?.hasPrefix("PasswordStrengthError") == true)
            let unknownConnection = try await fixture.send(
                .post, "/api/v2/users", token: token, tenant: "alpha",
                json: #"{"connection":"google-oauth2","email":"new@coffee.example","password":"long enough pass"}"#)
            #expect(unknownConnection.status == .badRequest)
            let patchToTaken = try await fixture.send(
                .patch, ManagementFixture.userPath("auth0|bob"), token: token, tenant: "alpha",
                json: #"{"email":"ALICE@example.com"}"#)
            #expect(patchToTaken.status == .conflict)
        }
    }

    @Test(arguments: [
        ("POST", "/api/v2/users", "not json"), ("POST", "/api/v2/users", #"{"email":"x@y.example"}"#),
        (
            "POST", "/api/v2/users",
            #"{"connection":"Username-Password-Authentication","email":"nope","password":"long enough pass"}"#
        ),
        ("PATCH", "/api/v2/users/auth0%7Cbob", #"{"blocked":"yes"}"#),
        ("PATCH", "/api/v2/users/auth0%7Cbob", #"{"user_metadata":{"n":1}}"#),
        ("POST", "/api/v2/users/auth0%7Cbob/roles", #"{"roles":[]}"#),
    ])
    func badBodiesAre400InvalidBody(method: String, path: String, body: String) async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let answer = try await fixture.send(
                HTTPRequest.Method(method)!, path, token: token, tenant: "alpha", json: body)
            #expect(answer.status == .badRequest)
            #expect(try ManagementFixture.errorCode(answer) == "invalid_body")
        }
    }

    @Test func writesNeedTheirScopes() async throws {
        try await Self.run { fixture in
            // Alice holds only read:users in alpha's organization.
            let reader = try await fixture.controlPlaneToken(organization: ManagementFixture.alphaOrganization)
            let bob = ManagementFixture.userPath("auth0|bob")
            for (method, path, body, scope) in [
                (HTTPRequest.Method.post, "/api/v2/users", Self.newUser, "create:users"),
                (.patch, bob, #"{"name":"B"}"#, "update:users"), (.delete, bob, nil, "delete:users"),
                (.post, bob + "/roles", #"{"roles":["rol_reader"]}"#, "update:users"),
                (.get, bob + "/organizations", nil, "read:organizations"),
            ] {
                let answer = try await fixture.send(method, path, token: reader, tenant: "alpha", json: body)
                #expect(answer.status == .forbidden)
                #expect(try answer.json()["message"] as? String == "Insufficient scope, expected any of: \(scope)")
            }
            #expect(try await fixture.server.services.storage.user("auth0|bob", tenantID: "alpha") != nil)
        }
    }

    @Test func unknownUsersAre404() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let ghost = ManagementFixture.userPath("auth0|ghost")
            for (method, path, body) in [
                (HTTPRequest.Method.get, ghost, nil), (.patch, ghost, #"{"name":"x"}"#), (.delete, ghost, nil),
                (.get, ghost + "/roles", nil), (.post, ghost + "/roles", #"{"roles":["rol_reader"]}"#),
                (.get, ghost + "/permissions", nil), (.get, ghost + "/organizations", nil),
            ] {
                let answer = try await fixture.send(method, path, token: token, tenant: "alpha", json: body)
                #expect(answer.status == .notFound)
                #expect(try ManagementFixture.errorCode(answer) == "inexistent_user")
            }
            let unknownRole = try await fixture.send(
                .post, ManagementFixture.userPath("auth0|bob") + "/roles", token: token, tenant: "alpha",
                json: #"{"roles":["rol_ghost"]}"#)
            #expect(unknownRole.status == .notFound)
        }
    }

    @Test func usersOfAnotherTenantAreUnreachable() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let betaAlice = ManagementFixture.userPath(fixture.server.alice["beta"]!)
            let viaHeader = try await fixture.send(.delete, betaAlice, token: token, tenant: "beta")
            #expect(viaHeader.status == .forbidden)
            // Named under alpha, beta's user id simply does not exist.
            let underAlpha = try await fixture.send(.delete, betaAlice, token: token, tenant: "alpha")
            #expect(underAlpha.status == .notFound)
            #expect(
                try await fixture.server.services.storage.user(fixture.server.alice["beta"]!, tenantID: "beta") != nil)
        }
    }

    @Test func platformStaffWritesInAnyTenantAreAuditedFirst() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            let cp = ControlPlane.tenantID
            try await storage.assignRole(
                UserRole(tenantID: cp, userID: "auth0|staff", roleID: "rol_manager"), tenantID: cp)
            let staff = try await fixture.controlPlaneToken(email: ManagementFixture.staffEmail, scope: "")
            let bob = ManagementFixture.userPath("auth0|bob")
            #expect(try await fixture.send(.delete, bob, token: staff, tenant: "alpha").status == .noContent)
            let events = try await storage.events(tenantID: "alpha", limit: 10)
                .filter { $0.action == "management_api.platform_staff" }
            #expect(events.map(\.target) == ["DELETE \(bob)"])
            #expect(events.first?.actor == "auth0|staff")
        }
    }

    @Test func rolesPermissionsAndOrganizationsOfAUser() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let bob = ManagementFixture.userPath("auth0|bob")
            let assigned = try await fixture.send(
                .post, bob + "/roles", token: token, tenant: "alpha", json: #"{"roles":["rol_reader","rol_editor"]}"#)
            #expect(assigned.status == .noContent)
            let roles = try ManagementFixture.array(
                try await fixture.send(.get, bob + "/roles", token: token, tenant: "alpha"))
            #expect(roles.map { $0["id"] as? String } == ["rol_editor", "rol_reader"])
            let permissions = try await fixture.send(
                .get, bob + "/permissions?include_totals=true", token: token, tenant: "alpha")
            let body = try permissions.json()
            #expect(
                (body["permissions"] as? [[String: Any]])?.map { $0["permission_name"] as? String } == [
                    "read:data", "write:data",
                ])
            #expect((body["permissions"] as? [[String: Any]])?.first?["resource_server_name"] as? String == "API")
            #expect(body["total"] as? Int == 2)
            let removed = try await fixture.send(
                .delete, bob + "/roles", token: token, tenant: "alpha", json: #"{"roles":["rol_editor"]}"#)
            #expect(removed.status == .noContent)
            let left = try ManagementFixture.array(
                try await fixture.send(.get, bob + "/roles", token: token, tenant: "alpha"))
            #expect(left.map { $0["id"] as? String } == ["rol_reader"])

            let alice = ManagementFixture.userPath(fixture.server.alice["alpha"]!)
            let organizations = try ManagementFixture.array(
                try await fixture.send(.get, alice + "/organizations", token: token, tenant: "alpha"))
            #expect(organizations.map { $0["id"] as? String } == [LoginTestServer.organizationID])
            #expect(organizations.first?["display_name"] as? String == "Acme")
            // Alice's role inside the organization is not a global role.
            let aliceRoles = try ManagementFixture.array(
                try await fixture.send(.get, alice + "/roles", token: token, tenant: "alpha"))
            #expect(aliceRoles.map { $0["id"] as? String } == ["rol_reader"])
        }
    }

    @Test func deletingAUserRemovesMembershipsRolesSessionsAndRefreshTokens() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            let aliceID = fixture.server.alice["alpha"]!
            let now = fixture.server.services.clock.now()
            try await storage.insertSession(
                Session(tenantID: "alpha", id: "ses_alice", userID: aliceID, createdAt: now, expiresAt: now + 3600),
                tenantID: "alpha")
            try await storage.insertRefreshToken(
                RefreshToken(
                    tenantID: "alpha", id: "rt_alice", tokenHash: "hash-alice", familyID: "fam", clientID: "spa",
                    userID: aliceID, scope: "openid", createdAt: now, expiresAt: now + 3600),
                tenantID: "alpha")
            let token = try await fixture.managerToken()
            let deleted = try await fixture.send(
                .delete, ManagementFixture.userPath(aliceID), token: token, tenant: "alpha")
            #expect(deleted.status == .noContent)
            #expect(try await storage.user(aliceID, tenantID: "alpha") == nil)
            #expect(try await storage.session("ses_alice", tenantID: "alpha") == nil)
            #expect(try await storage.refreshToken(hash: "hash-alice", tenantID: "alpha") == nil)
            #expect(
                try await !storage.isMember(
                    userID: aliceID, organizationID: LoginTestServer.organizationID, tenantID: "alpha"))
            #expect(
                try await storage.roles(
                    ofUser: aliceID, organizationID: nil, window: .init(offset: 0, limit: 10), tenantID: "alpha"
                )
                .total == 0)
            let roleHolders = try await storage.users(
                withRole: "rol_editor", window: .init(offset: 0, limit: 10), tenantID: "alpha")
            #expect(roleHolders.total == 0)
        }
    }
}
