import AuthHeroCore
import AuthHeroSQLite
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Attacks through the real server, in both storage layouts: a management token of tenant alpha cannot read, list,
/// change or delete tenant beta's users, roles, organizations or clients, whether it forges the `tenant-id` header,
/// calls beta's host, or uses beta's ids at alpha. Serialized: each test starts a server and logs in.
@Suite(.serialized) struct ManagementIsolationTests {
    @Test(arguments: StorageLayout.allCases)
    func aForgedTenantHeaderCannotReachAnotherTenant(layout: StorageLayout) async throws {
        try await IsolationFixture.run(layout) { fixture in
            let token = try await fixture.management.managerToken()
            for path in ["/api/v2/users", "/api/v2/roles", "/api/v2/organizations", "/api/v2/resource-servers"] {
                let answer = try await fixture.management.send(.get, path, token: token, tenant: "beta")
                #expect(answer.status == .forbidden, "\(path)")
                #expect(!answer.text.contains(fixture.betaUser))
            }
            let created = try await fixture.management.send(
                .post, "/api/v2/roles", token: token, tenant: "beta", json: #"{"name":"planted"}"#)
            #expect(created.status == .forbidden)
            let roles = try await fixture.storage.roles(
                nameContains: "planted", window: ListWindow(offset: 0, limit: 10), tenantID: "beta")
            #expect(roles.total == 0)
        }
    }

    @Test(arguments: StorageLayout.allCases)
    func anotherTenantsIdsAreUnknownHere(layout: StorageLayout) async throws {
        try await IsolationFixture.run(layout) { fixture in
            let token = try await fixture.management.managerToken()
            let paths = [
                ManagementFixture.userPath(fixture.betaUser), "/api/v2/roles/\(IsolationFixture.betaRole)",
                "/api/v2/organizations/\(IsolationFixture.betaOrganization)",
            ]
            for path in paths {
                let read = try await fixture.management.send(.get, path, token: token, tenant: "alpha")
                #expect(read.status == .notFound, "GET \(path)")
                let patched = try await fixture.management.send(
                    .patch, path, token: token, tenant: "alpha", json: #"{"name":"taken-over"}"#)
                #expect(patched.status == .notFound, "PATCH \(path)")
                let deleted = try await fixture.management.send(.delete, path, token: token, tenant: "alpha")
                #expect(deleted.status == .notFound, "DELETE \(path)")
            }
            let assigned = try await fixture.management.send(
                .post, ManagementFixture.userPath(fixture.betaUser) + "/roles", token: token, tenant: "alpha",
                json: #"{"roles":["rol_reader"]}"#)
            #expect(assigned.status == .notFound)

            let user = try #require(try await fixture.storage.user(fixture.betaUser, tenantID: "beta"))
            #expect(user.name == nil)
            #expect(
                try await fixture.storage.role(IsolationFixture.betaRole, tenantID: "beta")?.name == "beta-secret-role")
            #expect(
                try await fixture.storage.organization(IsolationFixture.betaOrganization, tenantID: "beta")?.name
                    == "beta-org")
        }
    }

    @Test(arguments: StorageLayout.allCases)
    func listsShowNothingOfAnotherTenant(layout: StorageLayout) async throws {
        try await IsolationFixture.run(layout) { fixture in
            let token = try await fixture.management.managerToken()
            for path in ["/api/v2/users", "/api/v2/roles", "/api/v2/organizations", "/api/v2/resource-servers"] {
                let answer = try await fixture.management.send(.get, path, token: token, tenant: "alpha")
                #expect(answer.status == .ok, "\(path)")
                for secret in [fixture.betaUser, IsolationFixture.betaRole, IsolationFixture.betaOrganization] {
                    #expect(!answer.text.contains(secret), "\(path) lists \(secret)")
                }
            }
            let byEmail = try await fixture.management.send(
                .get, "/api/v2/users-by-email?email=alice@example.com", token: token, tenant: "alpha")
            #expect(
                try ManagementFixture.array(byEmail).map { $0["user_id"] as? String } == [fixture.server.alice["alpha"]]
            )
        }
    }

    @Test(arguments: StorageLayout.allCases)
    func aTokenOfOneTenantIsRefusedAtAnothersHost(layout: StorageLayout) async throws {
        try await IsolationFixture.run(layout) { fixture in
            let manager = try await fixture.management.managerToken()
            let alphaMachine = try #require(
                try await fixture.management.machineToken().json()["access_token"] as? String)
            for token in [manager, alphaMachine] {
                let answer = try await fixture.management.get(
                    "/api/v2/users", host: LoginTestServer.host("beta"), token: token)
                #expect([.unauthorized, .forbidden].contains(answer.status))
                #expect(!answer.text.contains(fixture.betaUser))
            }
            let header = try await fixture.management.get(
                "/api/v2/users", host: LoginTestServer.host("alpha"), token: alphaMachine, tenantHeader: "beta")
            #expect(header.status == .badRequest || header.status == .forbidden)
        }
    }

    @Test(arguments: StorageLayout.allCases)
    func anotherTenantsClientCannotGetTokensHere(layout: StorageLayout) async throws {
        try await IsolationFixture.run(layout) { fixture in
            let atBeta = try await fixture.server.tokenRequest(
                "beta",
                form: [
                    "grant_type": "client_credentials", "client_id": IsolationFixture.betaClient,
                    "client_secret": fixture.betaClientSecret, "audience": ManagementFixture.audience,
                ])
            #expect(atBeta.status == .ok)
            let betaToken = try #require(try atBeta.json()["access_token"] as? String)

            let atAlpha = try await fixture.server.tokenRequest(
                "alpha",
                form: [
                    "grant_type": "client_credentials", "client_id": IsolationFixture.betaClient,
                    "client_secret": fixture.betaClientSecret, "audience": ManagementFixture.audience,
                ])
            #expect(atAlpha.status == .unauthorized)
            #expect(try atAlpha.json()["error"] as? String == "invalid_client")
            // Same client id in both tenants (`web`), beta's secret: still not alpha's client.
            let sameID = try await fixture.server.tokenRequest(
                "alpha",
                form: [
                    "grant_type": "client_credentials", "client_id": "web",
                    "client_secret": fixture.server.webSecrets["beta"]!,
                    "audience": LoginTestServer.audience,
                ])
            #expect(sameID.status == .unauthorized)

            let used = try await fixture.management.get(
                "/api/v2/users", host: LoginTestServer.host("alpha"), token: betaToken)
            #expect(used.status == .unauthorized)
        }
    }
}
