import AuthHeroCore
import AuthHeroSQLite
import AuthHeroServer
import Foundation
import Testing

/// ``ManagementFixture`` in either storage layout, plus records only tenant `beta` has (the attack targets): role
/// ``betaRole``, organization ``betaOrganization``, and the machine client ``betaClient`` granted `read:users` on
/// beta's management API. The attacker is tenant `alpha`: the manager's organization token and alpha's `m2m` client.
struct IsolationFixture {
    static let betaRole = "rol_betaOnly"
    static let betaOrganization = "org_betaOnly000000"
    static let betaClient = "beta-machine"
    let management: ManagementFixture
    /// Plaintext secret of ``betaClient``.
    let betaClientSecret: String

    var server: LoginTestServer { management.server }
    var storage: any AuthHeroStorage { management.server.services.storage }

    /// Starts a server with `layout`, seeds it, runs `body`, and stops the server.
    static func run(_ layout: StorageLayout, _ body: @Sendable (IsolationFixture) async throws -> Void) async throws {
        try await LoginTestServer.run(layout: layout) { server in
            let management = try await ManagementFixture.seed(server)
            let storage = server.services.storage
            let now = server.services.clock.now()
            try await storage.createRole(
                Role(tenantID: "beta", id: betaRole, name: "beta-secret-role"), tenantID: "beta")
            try await storage.createOrganization(
                Organization(
                    tenantID: "beta", id: betaOrganization, name: "beta-org", displayName: "Beta Org", createdAt: now),
                tenantID: "beta")
            let registrar = ClientRegistrar(clients: storage, clock: server.services.clock)
            let client = try await registrar.register(
                tenantID: "beta", name: "Beta machine", appType: .machineToMachine, clientID: betaClient)
            _ = try await registrar.grant(
                clientID: betaClient, audience: ManagementFixture.audience, scope: ["read:users"], tenantID: "beta")
            try await body(
                IsolationFixture(management: management, betaClientSecret: try #require(client.secret)))
        }
    }

    /// Alice's user id in beta.
    var betaUser: String { server.alice["beta"]! }
}
