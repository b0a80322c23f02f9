import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/v2/roles`: CRUD, permissions, holders, synced copies and control-plane change reports.
/// Serialized: every test starts a server and logs in, and one at a time keeps the whole run from starving other
/// suites' servers on a small CI machine.
@Suite(.serialized) struct RoleRoutesTests {
    private static let readDataPermission =
        #"{"permissions":[{"resource_server_identifier":"https://api.example.com","permission_name":"read:data"}]}"#

    private static func run(
        recorder: any ControlPlaneChangeRecorder = IgnoringControlPlaneChanges(),
        _ body: @Sendable (ManagementFixture) async throws -> Void
    ) async throws {
        try await LoginTestServer.run(controlPlaneChanges: recorder) { server in
            try await body(try await ManagementFixture.seed(server))
        }
    }

    @Test func roleLifecycleInAnOrganizationsTenant() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let created = try await fixture.send(
                .post, "/api/v2/roles", token: token, tenant: "alpha",
                json: #"{"name":"barista","description":"Makes coffee"}"#)
            #expect(created.status == .ok)
            let roleID = try #require(try created.json()["id"] as? String)
            #expect(roleID.hasPrefix("rol_"))
            #expect(try created.json()["description"] as? String == "Makes coffee")
            let duplicate = try await fixture.send(
                .post, "/api/v2/roles", token: token, tenant: "alpha", json: #"{"name":"barista"}"#)
            #expect(duplicate.status == .conflict)

            let filtered = try await fixture.send(
                .get, "/api/v2/roles?name_filter=bar&include_totals=true", token: token, tenant: "alpha")
            let list = try filtered.json()
            #expect((list["roles"] as? [[String: Any]])?.map { $0["id"] as? String } == [roleID])
            #expect(list["total"] as? Int == 1)
            let all = try ManagementFixture.array(
                try await fixture.send(.get, "/api/v2/roles", token: token, tenant: "alpha"))
            #expect(all.map { $0["name"] as? String } == ["barista", "rol_editor", "rol_reader"])
            let beyond = try await fixture.send(.get, "/api/v2/roles?page=3&per_page=5", token: token, tenant: "alpha")
            #expect(try ManagementFixture.array(beyond).isEmpty)

            let path = "/api/v2/roles/\(roleID)"
            let patched = try await fixture.send(
                .patch, path, token: token, tenant: "alpha", json: #"{"name":"head-barista"}"#)
            #expect(try patched.json()["name"] as? String == "head-barista")
            #expect(try patched.json()["description"] as? String == "Makes coffee")
            let renamedToTaken = try await fixture.send(
                .patch, path, token: token, tenant: "alpha", json: #"{"name":"rol_reader"}"#)
            #expect(renamedToTaken.status == .conflict)

            let added = try await fixture.send(
                .post, path + "/permissions", token: token, tenant: "alpha", json: Self.readDataPermission)
            #expect(added.status == .created)
            let permissions = try ManagementFixture.array(
                try await fixture.send(.get, path + "/permissions", token: token, tenant: "alpha"))
            #expect(permissions.map { $0["permission_name"] as? String } == ["read:data"])
            #expect(permissions.first?["resource_server_identifier"] as? String == LoginTestServer.audience)

            #expect(
                try await fixture.send(
                    .post, ManagementFixture.userPath("auth0|bob") + "/roles", token: token, tenant: "alpha",
                    json: #"{"roles":["\#(roleID)"]}"#
                ).status == .noContent)
            let holders = try ManagementFixture.array(
                try await fixture.send(.get, path + "/users", token: token, tenant: "alpha"))
            #expect(holders.map { $0["user_id"] as? String } == ["auth0|bob"])
            #expect(holders.first?["email"] as? String == "bob@example.com")

            let removed = try await fixture.send(
                .delete, path + "/permissions", token: token, tenant: "alpha", json: Self.readDataPermission)
            #expect(removed.status == .ok)
            #expect(
                try ManagementFixture.array(
                    try await fixture.send(.get, path + "/permissions", token: token, tenant: "alpha")
                ).isEmpty)

            #expect(try await fixture.send(.delete, path, token: token, tenant: "alpha").status == .noContent)
            let gone = try await fixture.send(.get, path, token: token, tenant: "alpha")
            #expect(gone.status == .notFound)
            #expect(try ManagementFixture.errorCode(gone) == "inexistent_role")
        }
    }

    @Test func permissionsMustBeScopesOfAnExistingResourceServer() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let unknownAPI = try await fixture.send(
                .post, "/api/v2/roles/rol_reader/permissions", token: token, tenant: "alpha",
                json: #"{"permissions":[{"resource_server_identifier":"https://nope","permission_name":"read:data"}]}"#)
            #expect(unknownAPI.status == .notFound)
            let undefined = try await fixture.send(
                .post, "/api/v2/roles/rol_reader/permissions", token: token, tenant: "alpha",
                json:
                    #"{"permissions":[{"resource_server_identifier":"https://api.example.com","permission_name":"delete:everything"}]}"#
            )
            #expect(undefined.status == .badRequest)
            #expect(try ManagementFixture.errorCode(undefined) == "invalid_body")
        }
    }

    @Test(arguments: [
        ("POST", "/api/v2/roles", "{"), ("POST", "/api/v2/roles", #"{"name":""}"#),
        ("POST", "/api/v2/roles", #"{"description":"no name"}"#), ("PATCH", "/api/v2/roles/rol_reader", "[]"),
        ("POST", "/api/v2/roles/rol_reader/permissions", #"{"permissions":[]}"#),
        ("DELETE", "/api/v2/roles/rol_reader/permissions", #"{"permissions":[{"permission_name":"read:data"}]}"#),
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

    @Test func unknownRolesAre404AndOtherTenantsAre403() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            for (method, path, body) in [
                (HTTPRequest.Method.get, "/api/v2/roles/rol_ghost", nil),
                (.patch, "/api/v2/roles/rol_ghost", #"{"name":"x"}"#), (.delete, "/api/v2/roles/rol_ghost", nil),
                (.get, "/api/v2/roles/rol_ghost/permissions", nil),
                (.post, "/api/v2/roles/rol_ghost/permissions", Self.readDataPermission),
                (.get, "/api/v2/roles/rol_ghost/users", nil),
            ] {
                let answer = try await fixture.send(method, path, token: token, tenant: "alpha", json: body)
                #expect(answer.status == .notFound)
            }
            let onBeta = try await fixture.send(.delete, "/api/v2/roles/rol_reader", token: token, tenant: "beta")
            #expect(onBeta.status == .forbidden)
            #expect(try await fixture.server.services.storage.role("rol_reader", tenantID: "alpha") != nil)
        }
    }

    @Test func roleRoutesNeedTheirScopes() async throws {
        try await Self.run { fixture in
            let reader = try await fixture.controlPlaneToken(organization: ManagementFixture.alphaOrganization)
            for (method, path, body, scope) in [
                (HTTPRequest.Method.get, "/api/v2/roles", nil, "read:roles"),
                (.post, "/api/v2/roles", #"{"name":"x"}"#, "create:roles"),
                (.patch, "/api/v2/roles/rol_reader", #"{"name":"x"}"#, "update:roles"),
                (.delete, "/api/v2/roles/rol_reader", nil, "delete:roles"),
                (.post, "/api/v2/roles/rol_reader/permissions", Self.readDataPermission, "update:roles"),
                (.get, "/api/v2/roles/rol_reader/users", nil, "read:role_members"),
            ] {
                let answer = try await fixture.send(method, path, token: reader, tenant: "alpha", json: body)
                #expect(answer.status == .forbidden)
                #expect(try answer.json()["message"] as? String == "Insufficient scope, expected any of: \(scope)")
            }
        }
    }

    @Test func syncedCopiesAreReadOnlyInACustomerTenant() async throws {
        try await Self.run { fixture in
            try await fixture.server.services.storage.createRole(
                Role(tenantID: "alpha", id: "rol_synced", name: "support", syncedFrom: "rol_cpSupport"),
                tenantID: "alpha")
            let token = try await fixture.managerToken()
            let path = "/api/v2/roles/rol_synced"
            for (method, subpath, body) in [
                (HTTPRequest.Method.patch, path, #"{"name":"mine"}"#), (.delete, path, nil),
                (.post, path + "/permissions", Self.readDataPermission),
                (.delete, path + "/permissions", Self.readDataPermission),
            ] {
                let answer = try await fixture.send(method, subpath, token: token, tenant: "alpha", json: body)
                #expect(answer.status == .forbidden)
                #expect(try ManagementFixture.errorCode(answer) == "operation_not_supported")
                #expect((try answer.json()["message"] as? String)?.contains("control plane") == true)
            }
            let stored = try await fixture.server.services.storage.role("rol_synced", tenantID: "alpha")
            #expect(stored?.name == "support")
            // Holding a synced role is the point of syncing it.
            let assigned = try await fixture.send(
                .post, ManagementFixture.userPath("auth0|bob") + "/roles", token: token, tenant: "alpha",
                json: #"{"roles":["rol_synced"]}"#)
            #expect(assigned.status == .noContent)
        }
    }

    @Test func controlPlaneRoleWritesAreReportedCustomerWritesAreNot() async throws {
        let spy = ControlPlaneChangeSpy()
        try await Self.run(recorder: spy) { fixture in
            let manager = try await fixture.managerToken()
            let customer = try await fixture.send(
                .post, "/api/v2/roles", token: manager, tenant: "alpha", json: #"{"name":"local"}"#)
            #expect(customer.status == .ok)
            #expect(await spy.changes.isEmpty)

            let admin = try await fixture.controlPlaneAdminToken()
            let created = try await fixture.send(.post, "/api/v2/roles", token: admin, json: #"{"name":"support"}"#)
            let roleID = try #require(try created.json()["id"] as? String)
            let path = "/api/v2/roles/\(roleID)"
            _ = try await fixture.send(.patch, path, token: admin, json: #"{"description":"Helps"}"#)
            let permission =
                #"{"permissions":[{"resource_server_identifier":"urn:authhero:management","permission_name":"read:users"}]}"#
            #expect(
                try await fixture.send(.post, path + "/permissions", token: admin, json: permission).status == .created)
            #expect(
                try await fixture.send(.delete, path + "/permissions", token: admin, json: permission).status == .ok)
            #expect(try await fixture.send(.delete, path, token: admin).status == .noContent)
            #expect(
                await spy.changes == [
                    .roleSaved(id: roleID), .roleSaved(id: roleID), .roleSaved(id: roleID), .roleSaved(id: roleID),
                    .roleDeleted(id: roleID),
                ])
        }
    }

    @Test func aFailingRecorderDoesNotFailACommittedWrite() async throws {
        try await Self.run(recorder: ControlPlaneChangeSpy(failing: true)) { fixture in
            let admin = try await fixture.controlPlaneAdminToken()
            let created = try await fixture.send(.post, "/api/v2/roles", token: admin, json: #"{"name":"support"}"#)
            #expect(created.status == .ok)
            let roleID = try #require(try created.json()["id"] as? String)
            #expect(try await fixture.server.services.storage.role(roleID, tenantID: ControlPlane.tenantID) != nil)
        }
    }
}
