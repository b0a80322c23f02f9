import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/v2/resource-servers`: CRUD, lookup by identifier, the built-in management API, synced copies, reports.
/// Serialized: every test starts a server and logs in, and one at a time keeps the whole run from starving other
/// suites' servers on a small CI machine.
@Suite(.serialized) struct ResourceServerRoutesTests {
    private static let ordersAPI =
        #"{"identifier":"https://orders.example.com","name":"Orders","scopes":[{"value":"read:orders","description":"Read"}],"#
        + #""token_lifetime":600,"enforce_policies":true,"metadata":{"sync":"false"}}"#

    private static func run(
        recorder: any ControlPlaneChangeRecorder = IgnoringControlPlaneChanges(),
        _ body: @Sendable (ManagementFixture) async throws -> Void
    ) async throws {
        try await LoginTestServer.run(controlPlaneChanges: recorder) { server in
            try await body(try await ManagementFixture.seed(server))
        }
    }

    private static func encoded(_ identifier: String) -> String {
        identifier.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    @Test func resourceServerLifecycle() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let created = try await fixture.send(
                .post, "/api/v2/resource-servers", token: token, tenant: "alpha", json: Self.ordersAPI)
            #expect(created.status == .created)
            let api = try created.json()
            let id = try #require(api["id"] as? String)
            #expect(api["identifier"] as? String == "https://orders.example.com")
            #expect(api["signing_alg"] as? String == "RS256")
            #expect(api["token_lifetime"] as? Int == 600)
            #expect(api["is_system"] as? Bool == false)
            #expect((api["scopes"] as? [[String: String]]) == [["value": "read:orders", "description": "Read"]])
            let duplicate = try await fixture.send(
                .post, "/api/v2/resource-servers", token: token, tenant: "alpha", json: Self.ordersAPI)
            #expect(duplicate.status == .conflict)

            let byIdentifier = try await fixture.send(
                .get, "/api/v2/resource-servers/\(Self.encoded("https://orders.example.com"))", token: token,
                tenant: "alpha")
            #expect(byIdentifier.status == .ok)
            #expect(try byIdentifier.json()["id"] as? String == id)
            let listed = try await fixture.send(
                .get, "/api/v2/resource-servers?include_totals=true&per_page=2", token: token, tenant: "alpha")
            let list = try listed.json()
            #expect(
                (list["resource_servers"] as? [[String: Any]])?.map { $0["identifier"] as? String } == [
                    "https://api.example.com", "https://orders.example.com",
                ])
            #expect(list["total"] as? Int == 3)
            let beyond = try await fixture.send(.get, "/api/v2/resource-servers?page=7", token: token, tenant: "alpha")
            #expect(try ManagementFixture.array(beyond).isEmpty)

            let path = "/api/v2/resource-servers/\(id)"
            let patched = try await fixture.send(
                .patch, path, token: token, tenant: "alpha",
                json:
                    #"{"name":"Orders v2","scopes":[{"value":"read:orders"},{"value":"write:orders"}],"signing_alg":"ES256"}"#
            )
            #expect(patched.status == .ok)
            #expect(try patched.json()["name"] as? String == "Orders v2")
            #expect(try patched.json()["signing_alg"] as? String == "ES256")
            let renamedIdentifier = try await fixture.send(
                .patch, path, token: token, tenant: "alpha", json: #"{"identifier":"https://other.example.com"}"#)
            #expect(renamedIdentifier.status == .badRequest)

            #expect(try await fixture.send(.delete, path, token: token, tenant: "alpha").status == .noContent)
            let gone = try await fixture.send(.get, path, token: token, tenant: "alpha")
            #expect(gone.status == .notFound)
            #expect(try ManagementFixture.errorCode(gone) == "inexistent_resource_server")
        }
    }

    @Test func deletingAnAPIRemovesRolePermissionsOnIt() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let answer = try await fixture.send(
                .delete, "/api/v2/resource-servers/\(Self.encoded(LoginTestServer.audience))", token: token,
                tenant: "alpha")
            #expect(answer.status == .noContent)
            let left = try await fixture.server.services.storage.permissions(
                ofRole: "rol_reader", window: ListWindow(offset: 0, limit: 10), tenantID: "alpha")
            #expect(left.total == 0)
        }
    }

    @Test func builtInManagementAPICannotBeRenamedOrDeleted() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let path = "/api/v2/resource-servers/\(Self.encoded(BuiltInManagementAPI.identifier))"
            let shown = try await fixture.send(.get, path, token: token, tenant: "alpha")
            #expect(try shown.json()["is_system"] as? Bool == true)
            for (method, body) in [(HTTPRequest.Method.patch, #"{"name":"Mine"}"#), (.delete, nil)] {
                let answer = try await fixture.send(method, path, token: token, tenant: "alpha", json: body)
                #expect(answer.status == .forbidden)
                #expect(try ManagementFixture.errorCode(answer) == "operation_not_supported")
            }
            let stored = try await fixture.server.services.storage.resourceServer(
                identifier: BuiltInManagementAPI.identifier, tenantID: "alpha")
            #expect(stored?.name == "AuthHero Management API")
        }
    }

    @Test func syncedCopiesAreReadOnlyInACustomerTenant() async throws {
        try await Self.run { fixture in
            try await fixture.server.services.storage.createResourceServer(
                ResourceServer(
                    tenantID: "alpha", id: "rs_synced", identifier: "https://platform.example.com", name: "Platform",
                    syncedFrom: "rs_cpPlatform"),
                tenantID: "alpha")
            let token = try await fixture.managerToken()
            for (method, body) in [(HTTPRequest.Method.patch, #"{"name":"Mine"}"#), (.delete, nil)] {
                let answer = try await fixture.send(
                    method, "/api/v2/resource-servers/rs_synced", token: token, tenant: "alpha", json: body)
                #expect(answer.status == .forbidden)
                #expect((try answer.json()["message"] as? String)?.contains("control plane") == true)
            }
            #expect(try await fixture.server.services.storage.resourceServer(id: "rs_synced", tenantID: "alpha") != nil)
        }
    }

    @Test(arguments: [
        ("POST", "/api/v2/resource-servers", "nope"), ("POST", "/api/v2/resource-servers", #"{"name":"x"}"#),
        ("POST", "/api/v2/resource-servers", #"{"identifier":"  "}"#),
        ("POST", "/api/v2/resource-servers", #"{"identifier":"https://x","signing_alg":"HS256"}"#),
        ("POST", "/api/v2/resource-servers", #"{"identifier":"https://x","token_lifetime":0}"#),
        ("POST", "/api/v2/resource-servers", #"{"identifier":"https://x","scopes":[{"value":"a b"}]}"#),
        ("PATCH", "/api/v2/resource-servers/rs_api", #"{"scopes":[{"value":"x"},{"value":"x"}]}"#),
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

    @Test func scopesTenantsAndUnknownIds() async throws {
        try await Self.run { fixture in
            let reader = try await fixture.controlPlaneToken(organization: ManagementFixture.alphaOrganization)
            let refused = try await fixture.send(
                .post, "/api/v2/resource-servers", token: reader, tenant: "alpha", json: Self.ordersAPI)
            #expect(
                try refused.json()["message"] as? String
                    == "Insufficient scope, expected any of: create:resource_servers")
            let token = try await fixture.managerToken()
            let onBeta = try await fixture.send(
                .delete, "/api/v2/resource-servers/rs_api", token: token, tenant: "beta")
            #expect(onBeta.status == .forbidden)
            #expect(try await fixture.server.services.storage.resourceServer(id: "rs_api", tenantID: "beta") != nil)
            let unknown = try await fixture.send(
                .patch, "/api/v2/resource-servers/rs_ghost", token: token, tenant: "alpha", json: "{}")
            #expect(unknown.status == .notFound)
        }
    }

    @Test func controlPlaneWritesAreReportedCustomerWritesAreNot() async throws {
        let spy = ControlPlaneChangeSpy()
        try await Self.run(recorder: spy) { fixture in
            let manager = try await fixture.managerToken()
            _ = try await fixture.send(
                .post, "/api/v2/resource-servers", token: manager, tenant: "alpha", json: Self.ordersAPI)
            #expect(await spy.changes.isEmpty)
            let admin = try await fixture.controlPlaneAdminToken()
            let created = try await fixture.send(.post, "/api/v2/resource-servers", token: admin, json: Self.ordersAPI)
            let id = try #require(try created.json()["id"] as? String)
            #expect(
                try await fixture.send(.patch, "/api/v2/resource-servers/\(id)", token: admin, json: #"{"name":"O"}"#)
                    .status == .ok)
            #expect(
                try await fixture.send(.delete, "/api/v2/resource-servers/\(id)", token: admin).status == .noContent)
            let identifier = "https://orders.example.com"
            #expect(
                await spy.changes == [
                    .resourceServerSaved(identifier: identifier), .resourceServerSaved(identifier: identifier),
                    .resourceServerDeleted(identifier: identifier),
                ])
        }
    }
}
